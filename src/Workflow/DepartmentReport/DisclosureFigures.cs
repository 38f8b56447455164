using Approval.Workflow.Checking;
using Approval.Workflow.Disclosure;
using Approval.Workflow.Narrative;

namespace Approval.Workflow.DepartmentReport;

/// <summary>
/// The 决算 figures a 部门整体 report quotes against the unit's 部门决算公开 of the same year: 决算收入/支出 against
/// 公开01, 财政拨款支出 against 公开04, 基本/项目支出 against 公开03, and the economic classes against 公开06.
/// 公开06 covers the 一般公共预算财政拨款 基本支出 only, so a difference there is a warning (the report may speak of all funds).
/// </summary>
internal static class DisclosureFigures
{
    private const string What = "与本单位同年度部门决算公开核对（DE-FIGURE-DISCLOSURE）";

    public static void Check(DepartmentReportDocument document, string body, RelatedReports related, CheckOptions options,
        List<Finding> findings, List<CheckNote> notes)
    {
        var quoted = QuotedFigures.Find(body);
        if (related.Disclosure is not { } disclosure)
        {
            notes.Add(new CheckNote(What, false, quoted.Count == 0
                ? $"{related.Missing("部门决算公开")}，报告中也没有可核对的决算数"
                : $"{related.Missing("部门决算公开")}；报告引用的 {quoted.Count} 个决算数（{string.Join("、", quoted.Select(q => q.Label).Distinct())}）未核对"));
            return;
        }
        var tables = disclosure.Package.Tables;
        var compared = new List<string>();
        var unresolved = new List<string>();
        foreach (var figure in quoted)
        {
            if (Resolve(figure.Label, tables) is not { } source)
            {
                unresolved.Add(figure.Label);
                continue;
            }
            compared.Add(figure.Label);
            // A figure printed with d decimals stands for anything within half a unit of its last digit; the table's own figure within 0.005.
            var tolerance = 0.5m * (decimal)Math.Pow(10, -figure.Decimals) + options.RoundingPerFigure;
            var difference = figure.Amount - source.Value;
            if (Math.Abs(difference) <= tolerance) continue;
            var section = document.Sections.FirstOrDefault(s => s.Blocks.Any(b => QuotedFigures.Compact(b.Text).Contains(figure.Sentence[..Math.Min(20, figure.Sentence.Length)], StringComparison.Ordinal)));
            findings.Add(new Finding("DE-FIGURE-DISCLOSURE", source.Strict ? Severity.Error : Severity.Warning,
                new FindingLocation(DepartmentReportChecker.Document, section?.Heading, DepartmentReportChecker.Excerpt(figure.Sentence)),
                Money.Format(source.Value), Money.Format(figure.Amount), difference,
                $"报告中{figure.Label} {figure.Amount} 万元，{disclosure.Title}{source.Where}为 {Money.Format(source.Value)} 万元，相差 {Money.Exact(difference)}" +
                (source.Strict ? "" : "（公开06表仅含一般公共预算财政拨款基本支出，口径可能不同）")));
        }
        notes.Add(new CheckNote(What, compared.Count > 0,
            (compared.Count == 0 ? "报告中没有可与决算公开表核对的决算数" : $"核对了 {compared.Count} 个数（{string.Join("、", compared.Distinct())}），依据「{disclosure.Title}」") +
            (unresolved.Count == 0 ? "" : $"；{string.Join("、", unresolved.Distinct())} 在决算公开表中找不到对应的数，未核对")));
    }

    /// <summary>Outside a 部门决算公开 package's own 情况说明, 公开06's classes may differ in scope: a warning (not strict).</summary>
    private static TableFigure? Resolve(string label, IReadOnlyList<DisclosureTable> tables) => TableFigures.Resolve(label, tables);
}
