using Approval.Workflow.Templates;

namespace Approval.Workflow.SelfEvaluation;

/// <summary>项目支出绩效自评表: one per project per year. Figures are kept exactly as entered.</summary>
public sealed record ProjectSelfEvaluationForm
{
    public required ProjectHeader Header { get; init; }
    public required FundsBlock Funds { get; init; }
    public OverallGoal Goal { get; init; } = new("", "");
    public required IReadOnlyList<IndicatorRow> Indicators { get; init; }
    /// <summary>The 总分 row's 分值 as printed (the form's own weight total).</summary>
    public decimal? StatedWeightTotal { get; init; }
    /// <summary>The 总分 row's 得分 as printed.</summary>
    public decimal? StatedTotal { get; init; }
    /// <summary>评价等级 as printed (优/良/中/差), when the form marks one.</summary>
    public string? StatedGrade { get; init; }
    /// <summary>Level-1 weights as printed in their labels ("产出指标(50分)" → 产出: 50).</summary>
    public IReadOnlyDictionary<string, decimal> StatedLevelOneWeights { get; init; } = new Dictionary<string, decimal>();
    /// <summary>Template id the preparer chose; null lets the engine choose by structure, weights, region and year.</summary>
    public string? TemplateId { get; init; }

    /// <summary>How the reader found the indicator columns ("按表头：分值=权重、…" or "按位置"); what `check` says it read. Not stored.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? ColumnsRead { get; init; }

    /// <summary>What the form tells about its template: level-1 weights as printed, else as its rows add up.</summary>
    public TemplateClues TemplateClues()
    {
        var weights = Indicators.GroupBy(i => IndicatorNames.LevelOne(i.LevelOne)).ToDictionary(g => g.Key, g => g.Sum(i => i.Weight));
        foreach (var (name, printed) in StatedLevelOneWeights) weights[IndicatorNames.LevelOne(name)] = printed;
        return new TemplateClues([.. Indicators.Select(i => i.LevelOne)], Header.Year)
        {
            LevelOneWeights = weights,
            Region = $"{Header.SupervisingDepartment} {Header.ImplementingUnit}".Trim(),
        };
    }
}

public sealed record ProjectHeader(string ProjectName, string? SupervisingDepartment, string? ImplementingUnit, int? Year);

/// <summary>项目资金 (万元): the total line, its sub-rows, 分值, and what the form printed for 执行率 and 得分.</summary>
public sealed record FundsBlock
{
    public required FundsLine Total { get; init; }
    /// <summary>当年财政拨款 / 政府预算资金 / 上年结转资金 / 其他资金 — whichever the form has.</summary>
    public IReadOnlyList<FundsLine> SubRows { get; init; } = [];
    public decimal Weight { get; init; } = 10;
    /// <summary>执行率 as printed, in percent (97.70 for "97.70%").</summary>
    public decimal? StatedRatePercent { get; init; }
    public string? StatedRateText { get; init; }
    public decimal? StatedScore { get; init; }
}

public sealed record FundsLine(string Name, decimal? InitialBudget, decimal? FullYearBudget, decimal? Executed);

public sealed record OverallGoal(string Expected, string Actual);

/// <summary>
/// One 三级指标 row. <see cref="Nature"/> and <see cref="Unit"/> are the explicit 指标性质/度量单位 columns some
/// templates carry; when absent the engine reads them from the target text.
/// </summary>
public sealed record IndicatorRow
{
    /// <summary>
    /// The row's stable identity, given when the row first comes into existence (import, template, 添加指标) and kept
    /// through every save, revision and re-import (<see cref="IndicatorRowIds"/>); the diff, the reviewers' remarks and the
    /// audit name a row by it. Null in content recorded before rows had ids: such a row is known by its place
    /// (<see cref="IndicatorRowIds.Legacy"/>). Never written when null, so a stored event reads and hashes as it was written.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Id { get; init; }
    public required string LevelOne { get; init; }
    public required string LevelTwo { get; init; }
    public required string Name { get; init; }
    public string Target { get; init; } = "";
    public string Actual { get; init; } = "";
    public required decimal Weight { get; init; }
    public decimal? StatedScore { get; init; }
    public string? Deviation { get; init; }
    public string? Nature { get; init; }
    public string? Unit { get; init; }
    /// <summary>Where the row came from (source line), for findings.</summary>
    public int? SourceLine { get; init; }
}
