namespace Approval.Workflow.Templates;

/// <summary>
/// What a form tells about the template it follows: its level-1 indicators, their weights as the form itself has
/// them (printed in the labels, or the sums of its rows), the words naming where it comes from (主管部门, 实施单位)
/// and its year.
/// </summary>
public sealed record TemplateClues(IReadOnlyList<string> LevelOnes, int? Year)
{
    public IReadOnlyDictionary<string, decimal> LevelOneWeights { get; init; } = new Dictionary<string, decimal>();
    public string? Region { get; init; }

    /// <summary>How many of the form's level-1 indicators the template has, less those it lacks on either side.</summary>
    public int StructureFit(IndicatorTemplate template)
    {
        var names = LevelOnes.Select(IndicatorNames.LevelOne).ToHashSet();
        var matched = template.LevelOnes.Count(l => names.Contains(l.Name));
        var unknown = names.Count(n => template.FindLevelOne(n) is null);
        // A form without indicators (a blank template to fill) says nothing about what it lacks.
        var missing = names.Count == 0 ? 0 : template.LevelOnes.Count - matched;
        return matched - unknown - missing;
    }

    /// <summary>How many of the form's own level-1 weights the template gives.</summary>
    public int WeightFit(IndicatorTemplate template) =>
        LevelOneWeights.Count(w => template.FindLevelOne(w.Key)?.Weight == w.Value);

    /// <summary>1 when the form names the template's locality, −1 when it names where it comes from and that is not it, else 0.</summary>
    public int RegionFit(IndicatorTemplate template)
    {
        if (template.Locality is not { } locality || string.IsNullOrWhiteSpace(Region)) return 0;
        var place = locality.TrimEnd('省', '市', '县', '区');
        return Region.Contains(place, StringComparison.Ordinal) ? 1 : -1;
    }
}
