using Approval.Workflow.Checking;
using Approval.Workflow.Templates;

namespace Approval.Workflow.SelfEvaluation;

/// <summary>Scores one indicator by DOMAIN.md: ≥A gives B/A × weight, ≤A gives A/B × weight, capped at the weight.</summary>
public static class IndicatorScorer
{
    public static decimal Positive(decimal target, decimal actual, decimal weight)
    {
        if (weight <= 0) return 0;
        if (actual >= target) return weight;
        if (target <= 0 || actual <= 0) return 0;
        return Math.Min(weight, actual / target * weight);
    }

    public static decimal Negative(decimal target, decimal actual, decimal weight)
    {
        if (weight <= 0) return 0;
        if (actual <= target) return weight;
        if (actual <= 0 || target < 0) return 0;
        return Math.Min(weight, target / actual * weight);
    }

    public static (IndicatorScore Score, IReadOnlyList<Finding> Findings) Score(
        IndicatorRow row, int index, QualitativeTiers tiers, FindingLocation where)
    {
        var findings = new List<Finding>();
        var target = TargetParser.Parse(row.Target, row.Nature, row.Unit);
        var actual = TargetParser.FirstNumber(row.Actual);
        decimal? computed = null;
        string explanation;

        if (target.IsQuantitative && actual is not null)
        {
            var a = target.Value!.Value;
            var b = actual.Value;
            if (target.Kind == TargetKind.Positive)
            {
                computed = Positive(a, b, row.Weight);
                explanation = b >= a
                    ? $"正向指标：实际 {b} ≥ 指标值 {a}，得满分 {row.Weight}"
                    : $"正向指标：实际 {b} < 指标值 {a}，得分 = {b} ÷ {a} × {row.Weight} = {Money.Round2(computed.Value)}";
            }
            else
            {
                computed = Negative(a, b, row.Weight);
                explanation = b <= a
                    ? $"反向指标：实际 {b} ≤ 指标值 {a}，得满分 {row.Weight}"
                    : $"反向指标：实际 {b} > 指标值 {a}，得分 = {a} ÷ {b} × {row.Weight} = {Money.Round2(computed.Value)}";
            }
            if (target.Unit is not null && actual.Unit is not null && target.Unit != actual.Unit)
                explanation += $"（注意：指标值单位「{target.Unit}」与实际值单位「{actual.Unit}」不同）";
        }
        else if (target.IsQuantitative)
        {
            explanation = $"定量指标，但实际完成值「{row.Actual}」无数值，无法按公式计分；按定性指标以填报得分计入";
        }
        else
        {
            explanation = "定性指标：由评分人按三档原则确定得分";
        }
        if (target.Note is not null) explanation += $"。{target.Note}";

        decimal counted;
        if (computed is { } c)
        {
            counted = c;
            if (row.StatedScore is { } stated) CompareStated(row, stated, c, where, findings);
            else findings.Add(new Finding("SE-SCORE-MISSING", Severity.Warning, where, Money.Format(c), null, null,
                $"「{row.Name}」未填写得分，按规则计算为 {Money.Format(c)}"));
        }
        else if (row.StatedScore is { } stated)
        {
            counted = Math.Clamp(stated, 0, row.Weight);
            explanation += $"；填报 {stated} 分，属「{tiers.TierOf(counted, row.Weight)}」档";
            if (stated > row.Weight || stated < 0)
                findings.Add(new Finding("SE-SCORE-CAP", Severity.Error, where, $"0–{row.Weight}", Money.Exact(stated), stated - row.Weight,
                    $"「{row.Name}」得分 {stated} 超出分值范围 0–{row.Weight}"));
        }
        else
        {
            counted = 0;
            findings.Add(new Finding("SE-SCORE-MISSING", Severity.Warning, where, null, null, null,
                $"定性指标「{row.Name}」未填写得分，按 0 分计"));
        }

        if (counted < row.Weight && string.IsNullOrWhiteSpace(row.Deviation) && (row.StatedScore ?? counted) < row.Weight)
            findings.Add(new Finding("SE-DEVIATION-MISSING", Severity.Warning, where with { Column = "偏差原因分析及改进措施" }, null, null, null,
                $"「{row.Name}」未得满分，但未填写偏差原因分析及改进措施"));

        var score = new IndicatorScore(index, IndicatorNames.LevelOne(row.LevelOne), IndicatorNames.LevelTwo(row.LevelTwo), row.Name, row.Weight,
            computed is null ? TargetKind.Qualitative : target.Kind, target.Value, actual?.Value, computed, counted, row.StatedScore, explanation);
        return (score, findings);
    }

    private static void CompareStated(IndicatorRow row, decimal stated, decimal computed, FindingLocation where, List<Finding> findings)
    {
        var severity = ScoreComparison.Classify(stated, computed);
        if (severity is null) return;
        findings.Add(new Finding("SE-INDICATOR-SCORE", severity.Value, where with { Column = "得分" },
            Money.Format(computed), Money.Exact(stated), stated - Money.Round2(computed),
            severity == Severity.Rounding
                ? $"「{row.Name}」得分 {stated} 为按规则计算值 {Money.Format(computed)} 的舍入"
                : $"「{row.Name}」填报得分 {stated} 与按规则计算的 {Money.Format(computed)} 不一致（保留填报值并标记）"));
    }
}

public static class ScoreComparison
{
    /// <summary>
    /// Null when equal at two decimals; <see cref="Severity.Rounding"/> when the stated figure is the computed one
    /// rounded to the decimals it was written with (9.8 for 9.77); otherwise an error.
    /// </summary>
    public static Severity? Classify(decimal stated, decimal computed)
    {
        if (Money.Round2(computed) == Money.Round2(stated)) return null;
        // An integer is a deliberate figure ("10"), not a rounding of 9.6: only decimals count as rounding.
        var decimals = Math.Min((int)stated.Scale, 2);
        if (decimals == 0) return Severity.Error;
        return Math.Round(computed, decimals, MidpointRounding.AwayFromZero) == stated ? Severity.Rounding : Severity.Error;
    }
}
