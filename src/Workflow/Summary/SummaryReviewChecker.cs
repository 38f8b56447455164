using System.Globalization;
using Approval.Workflow.Checking;
using Approval.Workflow.Disclosure;

namespace Approval.Workflow.Summary;

public sealed record SummaryFigures(decimal? Average, decimal? CoveragePercent, SummaryTotals Totals);

/// <summary>Recomputes the 汇总审核表's 小计, 合计, 自评价平均分 and coverage, and compares them with what was printed.</summary>
public static class SummaryReviewChecker
{
    /// <summary>自评价平均分: the arithmetic mean of the project scores, 四舍五入 to 0.01 (98.685 → 98.69).</summary>
    public static decimal? Average(IEnumerable<decimal?> scores)
    {
        var present = scores.Where(s => s is not null).Select(s => s!.Value).ToList();
        return present.Count == 0 ? null : Money.Round2(present.Sum() / present.Count);
    }

    /// <summary>How a finding names a project row in <see cref="FindingLocation.Row"/>: 序号 and 项目名称.</summary>
    public static string RowLabel(SummaryRow row) => $"{row.Sequence} {row.ProjectName}";

    public static SummaryFigures Compute(SummaryReviewTable table)
    {
        decimal? Sum(Func<SummaryRow, decimal?> pick)
        {
            var values = table.Rows.Select(pick).Where(v => v is not null).Select(v => v!.Value).ToList();
            return values.Count == 0 ? null : values.Sum();
        }
        var totals = new SummaryTotals(Sum(r => r.InitialBudget), Sum(r => r.Adjustment), Sum(r => r.Subtotal ?? (r.InitialBudget ?? 0) + (r.Adjustment ?? 0)), Sum(r => r.Executed));
        decimal? coverage = totals.Executed is { } executed && table.UnitProjectExpenditure is > 0
            ? executed / table.UnitProjectExpenditure.Value * 100
            : null;
        return new SummaryFigures(Average(table.Rows.Select(r => r.Score)), coverage, totals);
    }

    /// <summary>
    /// A unit's 汇总 submission: the table its 自评表 make, checked like a printed one; a table with no project sent to the
    /// section is an error of its own — there is nothing to sum, and "no problems" would say the opposite.
    /// </summary>
    public static IReadOnlyList<Finding> CheckDeclared(SummaryReviewTable? table) => table is { Rows.Count: > 0 }
        ? [.. Check(table).Where(f => f.Rule != "SR-SUBMITTED-MISSING")] // 提交时间 is the submission's own, stamped when it is submitted
        : [new Finding("SR-NO-PROJECTS", Severity.Error, new FindingLocation("汇总审核表"), null, null, null,
            "本单位本年度尚无已提交审核的项目支出绩效自评表，汇总审核表没有可汇总的项目：请先提交各项目的自评表")];

    public static IReadOnlyList<Finding> Check(SummaryReviewTable table, CheckOptions? options = null)
    {
        options ??= CheckOptions.Default;
        var document = $"项目支出绩效自评情况汇总审核表：{table.Unit}";
        var findings = new List<Finding>();
        var sums = new SumCheck(document, options, findings);
        var figures = Compute(table);

        foreach (var row in table.Rows)
        {
            var label = RowLabel(row);
            if (row.Subtotal is not null && (row.InitialBudget is not null || row.Adjustment is not null))
                sums.Compare("SR-SUBTOTAL", "全年预算数", label, "小计", row.Subtotal, [row.InitialBudget, row.Adjustment], "小计应等于年初预算数 + 年中追加/追减数");
            if (row.Score is null)
                findings.Add(new Finding("SR-SCORE-MISSING", Severity.Error, new FindingLocation(document, null, label, "绩效自评得分"), null, null, null, $"项目「{row.ProjectName}」未填写绩效自评得分"));
            if (row.Executed is null)
                findings.Add(new Finding("SR-EXECUTED-MISSING", Severity.Warning, new FindingLocation(document, null, label, "全年执行数"), null, null, null, $"项目「{row.ProjectName}」未填写全年执行数"));
        }

        if (table.StatedTotals is { } stated)
        {
            void Total(string column, decimal? printed, Func<SummaryRow, decimal?> pick)
            {
                var parts = table.Rows.Select(pick).ToList();
                if (printed is null)
                {
                    if (parts.Any(p => p is not null))
                        findings.Add(new Finding("SR-TOTAL-MISSING", Severity.Warning, new FindingLocation(document, null, "合计", column),
                            Money.Format(parts.Where(p => p is not null).Sum(p => p!.Value)), null, null, $"合计行未填写{column}"));
                    return;
                }
                sums.Compare("SR-TOTAL", "合计", "合计", column, printed, parts, $"合计（{column}）应等于各项目之和");
            }
            Total("年初预算数", stated.InitialBudget, r => r.InitialBudget);
            Total("小计", stated.Subtotal, r => r.Subtotal);
            Total("全年执行数", stated.Executed, r => r.Executed);
        }

        if (table.StatedAverage is { } average && figures.Average is { } computed && average != computed)
            findings.Add(new Finding("SR-AVERAGE", Math.Abs(average - computed) <= 0.01m ? Severity.Rounding : Severity.Error,
                new FindingLocation(document, null, "自评价平均分"), Money.Format(computed), Money.Exact(average), average - computed,
                $"自评价平均分填 {average}，各项目得分的算术平均为 {Money.Format(computed)}"));

        if (table.StatedCoveragePercent is { } coverage && figures.CoveragePercent is { } computedCoverage &&
            Math.Abs(coverage - computedCoverage) > 0.05m)
            findings.Add(new Finding("SR-COVERAGE", Severity.Error, new FindingLocation(document, null, "开展绩效自评项目支出总额占比"),
                $"{Money.Round2(computedCoverage)}%", $"{coverage}%", coverage - Money.Round2(computedCoverage),
                $"覆盖率填 {coverage}%，按 自评项目全年执行数合计 ÷ 项目支出总额 计算为 {Money.Round2(computedCoverage)}%"));
        // The self-evaluated projects are part of the unit's project expenditure: they cannot exceed it (beyond the rounding of the figures summed).
        if (figures.Totals.Executed is { } executedTotal && table.UnitProjectExpenditure is { } expenditure && figures.CoveragePercent is { } over &&
            executedTotal - expenditure > options.ToleranceFor(expenditure, table.Rows.Select(r => r.Executed)))
            findings.Add(new Finding("SR-COVERAGE-EXCEEDS", Severity.Error, new FindingLocation(document, null, "开展绩效自评项目支出总额占比"),
                "≤ 100%", $"{Money.Format(over)}%", executedTotal - expenditure,
                $"开展绩效自评项目全年执行数合计 {Money.Format(executedTotal)} 万元超过本部门项目支出总额 {Money.Format(expenditure)} 万元，覆盖率不能超过 100%"));
        if (table.UnitProjectCount is { } declared && table.Rows.Count > declared)
            findings.Add(new Finding("SR-PROJECT-COUNT", Severity.Error, new FindingLocation(document, null, "部门项目总个数"),
                $"≥ {table.Rows.Count}", declared.ToString(CultureInfo.InvariantCulture), null,
                $"开展绩效自评的项目有 {table.Rows.Count} 个，多于填报的部门项目总个数 {declared} 个"));
        if (table.UnitProjectExpenditure is null)
            findings.Add(new Finding("SR-COVERAGE-MISSING", Severity.Warning, new FindingLocation(document, null, "本部门全口径国库决算数项目支出总额"), null, null, null,
                "未填写本部门项目支出总额，无法计算绩效自评覆盖率"));
        if (table.SubmittedAt is null)
            findings.Add(new Finding("SR-SUBMITTED-MISSING", Severity.Warning, new FindingLocation(document, null, "部门提交时间"), null, null, null, "未填写部门提交时间"));
        return findings;
    }
}
