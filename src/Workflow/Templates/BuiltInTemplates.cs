namespace Approval.Workflow.Templates;

/// <summary>The templates the seeds show. More are added by admins as data.</summary>
public static class BuiltInTemplates
{
    /// <summary>财预〔2020〕10号 default: 预算执行 10, 产出 50, 效益 30, 满意度 10 (seeds 001–003).</summary>
    public static readonly IndicatorTemplate Ministry2020 = new()
    {
        Id = "cz-2020-default",
        Version = 1,
        Name = "财预〔2020〕10号 项目支出绩效自评表（默认）",
        FromYear = 2020,
        FundsWeight = 10,
        LevelOnes =
        [
            new("产出", 50, ["数量", "质量", "时效", "成本"]),
            new("效益", 30, ["经济效益", "社会效益", "生态效益", "可持续影响"]),
            new("满意度", 10, ["服务对象满意度"]),
        ],
    };

    /// <summary>The 2023 template of seed 004 (赣州蓉江新区): 成本 20, 产出 40, 效益 25, 满意度 5, 预算执行 10.</summary>
    public static readonly IndicatorTemplate Ganzhou2023 = new()
    {
        Id = "ganzhou-2023",
        Version = 1,
        Name = "2023 年项目支出绩效自评表（含成本指标）",
        Locality = "赣州市",
        FromYear = 2023,
        FundsWeight = 10,
        LevelOnes =
        [
            new("成本", 20, ["经济成本", "社会成本", "生态环境成本"]),
            new("产出", 40, ["数量", "质量", "时效"]),
            new("效益", 25, ["经济效益", "社会效益", "生态效益", "可持续影响"]),
            new("满意度", 5, ["服务对象满意度"]),
        ],
    };

    public static readonly IReadOnlyList<IndicatorTemplate> All = [Ministry2020, Ganzhou2023];

    /// <summary>The template for a form with these level-1 indicators and year (or a blank form: none).</summary>
    public static IndicatorTemplate ChooseFor(IEnumerable<string> levelOnes, int? year, IReadOnlyList<IndicatorTemplate>? templates = null) =>
        ChooseFor(new TemplateClues([.. levelOnes], year), templates);

    /// <summary>
    /// The template a form most plausibly follows: the one whose level-1 set matches the form's, then the one that gives
    /// the form's own level-1 weights, then the one of the form's region (a local template loses where the form names
    /// another place), and only then the latest that applies to the year.
    /// </summary>
    public static IndicatorTemplate ChooseFor(TemplateClues clues, IReadOnlyList<IndicatorTemplate>? templates = null)
    {
        var candidates = templates ?? All;
        return candidates
            .OrderByDescending(clues.StructureFit)
            .ThenByDescending(clues.WeightFit)
            .ThenByDescending(clues.RegionFit)
            .ThenByDescending(t => clues.Year is null || t.FromYear <= clues.Year)
            .ThenByDescending(t => t.FromYear)
            .ThenByDescending(t => t.Version)
            .First();
    }
}
