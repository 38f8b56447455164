using Approval.Workflow.SelfEvaluation;
using Approval.Workflow.Templates;

namespace Approval.Workflow.Credibility;

/// <summary>
/// 自评质量: what makes a 自评表's score hard to believe — full marks on vague actuals, scores the spending cannot carry,
/// deductions without a reason, indicator sets without 成本 or 效益 or with targets nobody can measure, and (given last
/// year's form of the same project) targets set below last year's result and text copied word for word.
/// </summary>
public static class CredibilityCheck
{
    /// <summary>Words that claim a result without stating one (提高、改善、基本完成、达到预期 …).</summary>
    private static readonly string[] VagueClaims =
        ["提高", "提升", "改善", "基本完成", "达到预期", "基本达到", "有所", "进一步", "明显", "显著", "较好", "良好", "有效", "稳步", "逐步", "加强", "增强", "促进", "推进", "圆满"];

    /// <summary>Words that state a checkable result even without a figure ("无故障", "全部完成", "按时").</summary>
    private static readonly string[] DefiniteClaims = ["无故障", "未发生", "全部", "均已", "按时", "按期", "如期", "零", "合格", "达标", "通过验收", "已完成"];

    /// <summary>A 偏差原因分析及改进措施 that says nothing.</summary>
    private static readonly string[] Nothing = ["无", "暂无", "没有", "无偏差", "/", "—", "-", "——", "不存在", "未发现", "//"];

    /// <summary>Below this 执行率 (%) the money was not spent as planned and the form should say why.</summary>
    public const decimal LowRatePercent = 90m;
    /// <summary>How many percentage points the indicators' 得分率 may exceed the 执行率 before the gap is flagged.</summary>
    public const decimal ScoreAboveRatePoints = 20m;
    /// <summary>Shorter text is repeated for want of words (100%, 合格), not copied.</summary>
    private const int CopiedTextMinLength = 10;

    public static CredibilityReport Of(ProjectSelfEvaluationForm form, SelfEvaluationResult result, ProjectSelfEvaluationForm? lastYear = null)
    {
        var flags = new List<CredibilityFlag>();
        var rows = form.Indicators.Select((row, i) => (Row: row, Score: result.Indicators.ElementAtOrDefault(i), Label: Label(row))).ToList();

        foreach (var (row, score, label) in rows)
        {
            var own = row.StatedScore ?? score?.Counted;
            if (row.Weight == 0)
                flags.Add(CredibilityFlag.Of(CredibilityRule.ZeroWeight, $"「{row.Name}」分值为 0：不计分的指标不影响得分，列出它只会让指标体系看起来完整", row.Id, label));
            if (score?.Kind == TargetKind.Qualitative && own is { } full && full >= row.Weight && row.Weight > 0 && IsVague(row.Actual))
                flags.Add(CredibilityFlag.Of(CredibilityRule.VagueFullMarks, $"「{row.Name}」得满分 {Points(row.Weight)}，实际完成值只写「{Short(row.Actual)}」，看不出完成了什么", row.Id, label));
            if (own is { } deducted && deducted < row.Weight && SaysNothing(row.Deviation))
                flags.Add(CredibilityFlag.Of(CredibilityRule.DeductionUnexplained, $"「{row.Name}」分值 {Points(row.Weight)}、得分 {Points(deducted)}，偏差原因分析及改进措施{(string.IsNullOrWhiteSpace(row.Deviation) ? "未填写" : $"只写「{row.Deviation!.Trim()}」")}", row.Id, label));
            if (score is { Kind: TargetKind.Positive, TargetValue: > 0, ActualValue: 0 } && own > 0)
                flags.Add(CredibilityFlag.Of(CredibilityRule.ZeroActual, $"「{row.Name}」年度指标值 {row.Target.Trim()}，实际完成值为 0，却得 {Points(own.Value)} 分", row.Id, label));
            if (IndicatorNames.LevelOne(row.LevelOne) == "效益" && $"{row.LevelTwo}{row.Name}".Contains("满意", StringComparison.Ordinal))
                flags.Add(CredibilityFlag.Of(CredibilityRule.SatisfactionAsBenefit, $"「{row.Name}」填在效益指标（{row.LevelTwo}）下：满意度是单独的一级指标，放进效益会让效益得分虚高", row.Id, label));
            if (IsUnmeasurable(row.Target))
                flags.Add(CredibilityFlag.Of(CredibilityRule.UnmeasurableTarget, string.IsNullOrWhiteSpace(row.Target)
                    ? $"「{row.Name}」没有年度指标值，完成与否无从判断"
                    : $"「{row.Name}」的年度指标值「{Short(row.Target)}」没有数量、标准或时限，完成与否无从判断", row.Id, label));
        }

        if (form.Indicators.Count > 0)
        {
            if (!form.Indicators.Any(r => IsCost(r)))
                flags.Add(CredibilityFlag.Of(CredibilityRule.NoCost, "没有一个成本指标（如单位成本、成本节约率）：资金花得值不值无从判断"));
            if (!form.Indicators.Any(r => IndicatorNames.LevelOne(r.LevelOne) == "效益"))
                flags.Add(CredibilityFlag.Of(CredibilityRule.NoBenefit, "没有一个效益指标：只看产出，看不出项目带来了什么效果"));
        }

        FundsFlags(form, result, rows.Select(r => (r.Row, r.Score)).ToList(), flags);
        if (lastYear is not null) LastYearFlags(form, lastYear, flags);
        return new CredibilityReport(flags, lastYear is not null);
    }

    private static void FundsFlags(ProjectSelfEvaluationForm form, SelfEvaluationResult result, IReadOnlyList<(IndicatorRow Row, IndicatorScore? Score)> rows, List<CredibilityFlag> flags)
    {
        if (result.Funds.RatePercent is not { } rate || rate >= LowRatePercent) return;
        var weights = rows.Sum(r => r.Row.Weight);
        var scored = rows.Sum(r => r.Row.StatedScore ?? r.Score?.Counted ?? 0);
        if (weights > 0)
        {
            var share = scored / weights * 100;
            if (share - rate > ScoreAboveRatePoints)
                flags.Add(CredibilityFlag.Of(CredibilityRule.ScoreAboveFunds,
                    $"预算执行率 {rate:0.00}%，而产出、效益等指标得分率 {share:0.0}%（{Points(scored)}/{Points(weights)}）：钱没有按计划花出去，指标却几乎完成，请核实实际完成值"));
        }
        if (rows.All(r => SaysNothing(r.Row.Deviation)) && !MentionsFunds(form.Goal.Actual))
            flags.Add(CredibilityFlag.Of(CredibilityRule.LowRateUnexplained, $"预算执行率 {rate:0.00}%（低于 {LowRatePercent:0}%），表中没有一处写明资金未执行完的原因和改进措施"));
    }

    private static void LastYearFlags(ProjectSelfEvaluationForm form, ProjectSelfEvaluationForm lastYear, List<CredibilityFlag> flags)
    {
        var before = lastYear.Indicators.GroupBy(Key).ToDictionary(g => g.Key, g => g.First());
        foreach (var row in form.Indicators)
        {
            if (!before.TryGetValue(Key(row), out var last)) continue;
            var target = TargetParser.Parse(row.Target, row.Nature, row.Unit);
            var lastActual = TargetParser.FirstNumber(last.Actual);
            if (target is { Kind: TargetKind.Positive, Value: { } set } && lastActual is { } done && done.Value > set && SameUnit(target.Unit, done.Unit))
                flags.Add(CredibilityFlag.Of(CredibilityRule.TargetBelowLastYear,
                    $"「{row.Name}」今年年度指标值 {row.Target.Trim()}，低于上年实际完成值 {last.Actual.Trim()}：目标定低了，满分就不说明什么", row.Id, Label(row)));
            foreach (var (what, now, then) in new[] { ("实际完成值", row.Actual, last.Actual), ("偏差原因分析及改进措施", row.Deviation, last.Deviation) })
            {
                if (Plain(now) is { Length: >= CopiedTextMinLength } text && text == Plain(then))
                    flags.Add(CredibilityFlag.Of(CredibilityRule.CopiedFromLastYear, $"「{row.Name}」的{what}与上年自评表一字不差：「{Short(now!)}」", row.Id, Label(row)));
            }
        }
        if (Plain(form.Goal.Actual) is { Length: >= CopiedTextMinLength } goal && goal == Plain(lastYear.Goal.Actual))
            flags.Add(CredibilityFlag.Of(CredibilityRule.CopiedFromLastYear, $"年度总体目标完成情况与上年自评表一字不差：「{Short(form.Goal.Actual)}」"));
    }

    private static string Key(IndicatorRow row) => $"{IndicatorNames.LevelOne(row.LevelOne)}/{IndicatorNames.LevelTwo(row.LevelTwo)}/{Plain(row.Name)}";

    private static bool SameUnit(string? a, string? b) => (a ?? "") == (b ?? "");

    private static bool IsCost(IndicatorRow row) =>
        IndicatorNames.LevelOne(row.LevelOne) == "成本" || row.LevelTwo.Contains("成本", StringComparison.Ordinal) || row.Name.Contains("成本", StringComparison.Ordinal);

    /// <summary>An actual value that claims without stating: blank, or a vague claim with no figure and nothing checkable.</summary>
    private static bool IsVague(string? actual) => Plain(actual) is var text && (text.Length == 0 || ClaimsWithoutMeasure(text));

    /// <summary>A target with no figure, count, level or date: blank, or a vague direction ("有所提高", "进一步改善").</summary>
    private static bool IsUnmeasurable(string? target) => Plain(target) is var text && (text.Length == 0 || ClaimsWithoutMeasure(text));

    private static bool ClaimsWithoutMeasure(string text) =>
        !text.Any(char.IsDigit) && !HasChineseCount(text) && !DefiniteClaims.Any(w => text.Contains(w, StringComparison.Ordinal))
        && VagueClaims.Any(w => text.Contains(w, StringComparison.Ordinal));

    /// <summary>"三级", "两次", "一季度": a count written in Chinese numerals is a measure too.</summary>
    private static bool HasChineseCount(string text)
    {
        const string numerals = "一二两三四五六七八九十百千万";
        for (var i = 0; i + 1 < text.Length; i++)
            if (numerals.Contains(text[i]) && "级次个项年月日天季度批期家人户台件%％".Contains(text[i + 1])) return true;
        return false;
    }

    private static bool SaysNothing(string? text) => Plain(text).TrimEnd('。', '.') is var t && (t.Length == 0 || Nothing.Contains(t, StringComparer.Ordinal));

    private static bool MentionsFunds(string? text) => Plain(text) is var t && (t.Contains("未支付", StringComparison.Ordinal) || t.Contains("结转", StringComparison.Ordinal) || t.Contains("执行率", StringComparison.Ordinal));

    private static string Plain(string? text) => new((text ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());

    private static string Short(string text) => text.Trim() is var t && t.Length > 40 ? t[..40] + "…" : text.Trim();

    private static string Points(decimal value) => value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    private static string Label(IndicatorRow row) => $"{row.LevelOne}/{row.LevelTwo}/{row.Name}";
}
