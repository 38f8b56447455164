namespace Approval.Workflow.Credibility;

/// <summary>
/// One 自评质量 check: what it looks for, and the rule or notice it rests on. Flags are warnings for the reviewer's
/// judgement (自评分虚高 is a matter of evidence, not arithmetic); they never block a submission.
/// </summary>
public sealed record CredibilityRule(string Id, string Title, string Basis)
{
    private const string Measures = "《项目支出绩效评价管理办法》（财预〔2020〕10号）：绩效评价以绩效目标为依据，评价结果应客观公正、有据可查";
    private const string Indicators = "《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》（财预〔2021〕101号）：绩效指标应细化、量化，可衡量、可比较";

    public static readonly CredibilityRule VagueFullMarks = new("CR-VAGUE-FULL", "定性指标满分，但实际完成值笼统", Measures);
    public static readonly CredibilityRule ScoreAboveFunds = new("CR-SCORE-ABOVE-FUNDS", "指标得分远高于预算执行率所能支撑", Measures);
    public static readonly CredibilityRule DeductionUnexplained = new("CR-DEDUCTION-UNEXPLAINED", "扣分却未写偏差原因和改进措施", Measures);
    public static readonly CredibilityRule LowRateUnexplained = new("CR-LOW-RATE-UNEXPLAINED", "预算执行率偏低，却未说明原因", Measures);
    public static readonly CredibilityRule NoCost = new("CR-NO-COST", "指标体系没有成本指标", Indicators);
    public static readonly CredibilityRule NoBenefit = new("CR-NO-BENEFIT", "指标体系没有效益指标", Indicators);
    public static readonly CredibilityRule UnmeasurableTarget = new("CR-UNMEASURABLE-TARGET", "年度指标值无法衡量", Indicators);
    public static readonly CredibilityRule SatisfactionAsBenefit = new("CR-SATISFACTION-AS-BENEFIT", "满意度指标填在效益指标下", Indicators);
    public static readonly CredibilityRule ZeroActual = new("CR-ZERO-ACTUAL", "实际完成值为 0 却得分", Measures);
    public static readonly CredibilityRule ZeroWeight = new("CR-ZERO-WEIGHT", "指标分值为 0", Indicators);
    public static readonly CredibilityRule TargetBelowLastYear = new("CR-TARGET-BELOW-LAST-YEAR", "年度指标值低于上年实际完成值", Indicators);
    public static readonly CredibilityRule CopiedFromLastYear = new("CR-COPIED-FROM-LAST-YEAR", "与上年自评表逐字相同", Measures);

    public static readonly IReadOnlyList<CredibilityRule> All =
    [
        VagueFullMarks, ScoreAboveFunds, DeductionUnexplained, LowRateUnexplained, NoCost, NoBenefit, UnmeasurableTarget,
        SatisfactionAsBenefit, ZeroActual, ZeroWeight, TargetBelowLastYear, CopiedFromLastYear,
    ];
}

/// <summary>A flag raised on one form: the rule, the reason in plain Chinese (with the figures), and the row it concerns.</summary>
public sealed record CredibilityFlag(string Rule, string Title, string Reason, string Basis, string? RowId = null, string? Row = null)
{
    public static CredibilityFlag Of(CredibilityRule rule, string reason, string? rowId = null, string? row = null) =>
        new(rule.Id, rule.Title, reason, rule.Basis, rowId, row);
}
