namespace Approval.Workflow.Credibility;

/// <summary>The 自评质量 of one form: its flags and a one-word verdict for lists.</summary>
public sealed record CredibilityReport(IReadOnlyList<CredibilityFlag> Flags, bool ComparedWithLastYear)
{
    /// <summary>未见疑点 (no flag), 需关注 (one or two kinds of flag), 疑点较多 (three kinds or more).</summary>
    public string Verdict => Flags.Select(f => f.Rule).Distinct().Count() switch
    {
        0 => "未见疑点",
        <= 2 => "需关注",
        _ => "疑点较多",
    };
}

/// <summary>自评质量 across a unit's forms of a year: how many forms carry flags, and which flags most often.</summary>
public sealed record UnitCredibility(int Forms, int FlaggedForms, int Flags, IReadOnlyList<(string Rule, string Title, int Forms)> Common)
{
    public static UnitCredibility Of(IReadOnlyCollection<CredibilityReport> reports) => new(
        reports.Count,
        reports.Count(r => r.Flags.Count > 0),
        reports.Sum(r => r.Flags.Count),
        [.. reports.SelectMany(r => r.Flags.DistinctBy(f => f.Rule)).GroupBy(f => (f.Rule, f.Title))
            .Select(g => (g.Key.Rule, g.Key.Title, g.Count())).OrderByDescending(c => c.Item3).ThenBy(c => c.Rule, StringComparer.Ordinal)]);
}
