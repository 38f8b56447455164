using System.Text.Json.Serialization;

namespace Approval.Workflow.Templates;

/// <summary>
/// A versioned indicator template (指标模板): level-1/level-2 structure with weights, the funds rule, the
/// qualitative tier bounds and the grade bands. Data, not code: admins add templates; a score records the
/// template id and version it was computed with.
/// </summary>
public sealed record IndicatorTemplate
{
    public required string Id { get; init; }
    public required int Version { get; init; }
    public required string Name { get; init; }
    public string? Locality { get; init; }
    /// <summary>First fiscal year the template applies to (inclusive), for choosing a default.</summary>
    public int FromYear { get; init; }
    public required decimal FundsWeight { get; init; }
    public FundsRule FundsRule { get; init; } = FundsRule.Proportional;
    public required IReadOnlyList<LevelOneIndicator> LevelOnes { get; init; }
    public QualitativeTiers Tiers { get; init; } = QualitativeTiers.Ministry;
    public GradeBands Grades { get; init; } = GradeBands.Ministry;

    public decimal TotalWeight => FundsWeight + LevelOnes.Sum(l => l.Weight);

    public LevelOneIndicator? FindLevelOne(string name) =>
        LevelOnes.FirstOrDefault(l => l.Name == IndicatorNames.LevelOne(name));

    public const int MaxNameLength = 100;
    public const int MaxLevelOnes = 20;
    public const int MaxLevelTwos = 50;
    public const int MaxSteps = 20;

    /// <summary>
    /// Everything that makes the template unusable, as it arrived from outside: missing parts (null lists, rules,
    /// tiers or bands), names that are blank, too long or hold control characters, weights outside 0–100, a total
    /// other than 100, duplicate level-one names, and unusable funds rules, tiers and grade bands. Checked in that
    /// order so that nothing later is computed from a part that is missing or out of range.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (BadText(Name, required: true) is { } name) problems.Add("模板名称" + name);
        if (BadText(Locality, required: false) is { } locality) problems.Add("适用地区" + locality);
        if (FromYear is not 0 and (< 2000 or > 2100)) problems.Add($"起始年度应在 2000–2100 之间：{FromYear}");
        if (FundsWeight < 0) problems.Add("预算执行分值不能为负数");
        else if (FundsWeight > 100) problems.Add("预算执行分值不能超过 100");
        if (LevelOnes is null) problems.Add("缺少一级指标（levelOnes）");
        else if (LevelOnes.Count is 0 or > MaxLevelOnes) problems.Add($"一级指标应有 1–{MaxLevelOnes} 个");
        else
        {
            foreach (var (l, i) in LevelOnes.Select((l, i) => (l, i + 1)))
            {
                if (l is null) { problems.Add($"第 {i} 个一级指标为空"); continue; }
                if (BadText(l.Name, required: true) is { } bad) problems.Add($"第 {i} 个一级指标名称{bad}");
                var shown = Shown(l.Name);
                if (l.Weight < 0) problems.Add($"一级指标「{shown}」分值不能为负数");
                else if (l.Weight > 100) problems.Add($"一级指标「{shown}」分值不能超过 100");
                if (l.LevelTwos is null) problems.Add($"一级指标「{shown}」缺少二级指标列表（levelTwos）");
                else if (l.LevelTwos.Count > MaxLevelTwos) problems.Add($"一级指标「{shown}」的二级指标最多 {MaxLevelTwos} 个");
                else if (l.LevelTwos.Any(t => BadText(t, required: true) is not null)) problems.Add($"一级指标「{shown}」的二级指标名称不能为空、过长或含控制字符");
            }
        }
        if (problems.Count == 0)
        {
            // Only now are the parts known to be present and in range: the sum cannot overflow.
            if (TotalWeight != 100) problems.Add($"模板分值合计应为 100，实为 {TotalWeight}");
            if (LevelOnes!.Select(l => l.Name).Distinct().Count() != LevelOnes!.Count) problems.Add("一级指标重复");
        }
        if (Tiers is null) problems.Add("缺少定性指标档次（tiers）");
        else problems.AddRange(Tiers.Validate());
        if (FundsRule is null) problems.Add("缺少预算执行计分规则（fundsRule）");
        else problems.AddRange(FundsRule.Validate());
        if (Grades is null) problems.Add("缺少等级划分（grades）");
        else problems.AddRange(Grades.Validate());
        return problems;
    }

    /// <summary>A name as a refusal may echo it: no control, invisible or direction characters, at most 20 characters.</summary>
    private static string Shown(string? name)
    {
        var clean = new string((name ?? "").Where(c => !char.IsControl(c) && !Submissions.InvisibleText.Contains(c.ToString()) && !char.IsSurrogate(c)).ToArray());
        return clean.Length > 20 ? clean[..20] + "…" : clean;
    }

    /// <summary>Why a name cannot be used, or null.</summary>
    private static string? BadText(string? text, bool required) =>
        string.IsNullOrWhiteSpace(text) ? (required ? "不能为空" : null)
        : text.Length > MaxNameLength ? $"最长 {MaxNameLength} 个字"
        : text.Any(char.IsControl) || !Submissions.WellFormedText.Is(text) || Submissions.InvisibleText.Contains(text) ? "含有控制字符、不可见字符或无效字符"
        : null;
}

public sealed record LevelOneIndicator(string Name, decimal Weight, IReadOnlyList<string> LevelTwos);

[JsonConverter(typeof(JsonStringEnumConverter<FundsRuleKind>))]
public enum FundsRuleKind
{
    /// <summary>执行率 × 分值, capped at 分值.</summary>
    Proportional,
    /// <summary>A stepped table: the highest step whose minimum rate is reached gives its share of 分值.</summary>
    Stepped,
}

/// <summary>How 预算执行 is scored.</summary>
public sealed record FundsRule(FundsRuleKind Kind, IReadOnlyList<FundsStep>? Steps = null)
{
    public static readonly FundsRule Proportional = new(FundsRuleKind.Proportional);

    /// <summary>The funds score for an execution rate (a fraction, 0.75 = 75%).</summary>
    public decimal Score(decimal rate, decimal weight)
    {
        if (rate < 0) rate = 0;
        if (Kind == FundsRuleKind.Proportional) return Math.Min(rate, 1m) * weight;
        var step = (Steps ?? []).Where(s => rate * 100 >= s.MinRatePercent).MaxBy(s => s.MinRatePercent);
        return step is null ? 0 : step.ShareOfWeight * weight;
    }

    public string Describe() => Kind == FundsRuleKind.Proportional
        ? "执行率 × 分值（不超过分值）"
        : "阶梯计分：" + string.Join("；", (Steps ?? []).OrderByDescending(s => s.MinRatePercent)
            .Select(s => $"执行率≥{s.MinRatePercent}% 得分值的 {s.ShareOfWeight:P0}"));

    public IEnumerable<string> Validate()
    {
        if (!Enum.IsDefined(Kind)) yield return "预算执行计分规则只能是 Proportional（按比例）或 Stepped（阶梯）";
        if (Kind == FundsRuleKind.Stepped && (Steps is null || Steps.Count == 0)) yield return "阶梯计分规则缺少档次";
        if (Steps is { Count: > IndicatorTemplate.MaxSteps }) yield return $"阶梯计分最多 {IndicatorTemplate.MaxSteps} 档";
        foreach (var s in Steps ?? [])
        {
            if (s is null) { yield return "阶梯计分档次为空"; continue; }
            if (s.ShareOfWeight is < 0 or > 1) yield return $"阶梯计分档次比例应在 0 到 1 之间：{s.ShareOfWeight}";
            if (s.MinRatePercent is < 0 or > 100) yield return $"阶梯计分档次的执行率应在 0–100% 之间：{s.MinRatePercent}";
        }
    }
}

public sealed record FundsStep(decimal MinRatePercent, decimal ShareOfWeight);

/// <summary>Bounds (as % of the weight) of the three qualitative tiers: 达成 / 部分达成 / 未达成.</summary>
public sealed record QualitativeTiers(decimal AchievedFrom, decimal PartlyFrom)
{
    /// <summary>财预〔2020〕10号: 100–80% / 80–60% / 60–0%.</summary>
    public static readonly QualitativeTiers Ministry = new(80, 60);

    public string TierOf(decimal score, decimal weight)
    {
        if (weight <= 0) return "—";
        var percent = score / weight * 100;
        return percent >= AchievedFrom ? "达成预期指标"
            : percent >= PartlyFrom ? "部分达成预期指标并具有一定效果"
            : "未达成预期指标且效果较差";
    }

    public IEnumerable<string> Validate()
    {
        if (!(0 < PartlyFrom && PartlyFrom < AchievedFrom && AchievedFrom <= 100)) yield return "定性指标档次边界应满足 0 < 部分达成 < 达成 ≤ 100";
    }
}

/// <summary>Grade bands: 优 ≥ 90; 良 80 ≤ s &lt; 90; 中 60 ≤ s &lt; 80; 差 &lt; 60 (90 counts as 优).</summary>
public sealed record GradeBands(decimal Excellent, decimal Good, decimal Fair)
{
    public static readonly GradeBands Ministry = new(90, 80, 60);

    public IEnumerable<string> Validate()
    {
        if (!(0 < Fair && Fair < Good && Good < Excellent && Excellent <= 100)) yield return "等级划分应满足 0 < 中 < 良 < 优 ≤ 100";
    }

    public Grade GradeOf(decimal score) =>
        score >= Excellent ? Grade.优 : score >= Good ? Grade.良 : score >= Fair ? Grade.中 : Grade.差;
}

[JsonConverter(typeof(JsonStringEnumConverter<Grade>))]
public enum Grade { 优, 良, 中, 差 }

public static class Grades
{
    public static bool TryParse(string? text, out Grade grade)
    {
        grade = default;
        var t = (text ?? "").Trim();
        return t.Length == 1 && Enum.TryParse(t, out grade) && Enum.IsDefined(grade);
    }
}
