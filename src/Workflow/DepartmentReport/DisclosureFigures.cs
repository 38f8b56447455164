using Approval.Workflow.Checking;
using Approval.Workflow.Disclosure;

namespace Approval.Workflow.DepartmentReport;

/// <summary>
/// The 决算 figures a 部门整体 report quotes against the unit's 部门决算公开 of the same year: 决算收入/支出 against
/// 公开01, 财政拨款支出 against 公开04, 基本/项目支出 against 公开03, and the economic classes against 公开06.
/// 公开06 covers the 一般公共预算财政拨款 基本支出 only, so a difference there is a warning (the report may speak of all funds).
/// </summary>
internal static class DisclosureFigures
{
    private const string What = "与本单位同年度部门决算公开核对（DE-FIGURE-DISCLOSURE）";

    public static void Check(DepartmentReportDocument document, string body, RelatedDisclosure? disclosure, CheckOptions options,
        List<Finding> findings, List<CheckNote> notes)
    {
        var quoted = QuotedFigures.Find(body);
        if (disclosure is null)
        {
            notes.Add(new CheckNote(What, false, quoted.Count == 0
                ? "系统中没有本单位同年度的部门决算公开，报告中也没有可核对的决算数"
                : $"系统中没有本单位同年度的部门决算公开；报告引用的 {quoted.Count} 个决算数（{string.Join("、", quoted.Select(q => q.Label).Distinct())}）未核对"));
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

    private sealed record Source(decimal Value, string Where, bool Strict);

    private static Source? Resolve(string label, IReadOnlyList<DisclosureTable> tables)
    {
        DisclosureTable? T(DisclosureTableKind kind) => tables.FirstOrDefault(t => t.Kind == kind);
        switch (label)
        {
            case "决算收入":
                return Row(T(DisclosureTableKind.IncomeExpenditureSummary), "收入", "本年收入合计") is { } income ? new(income, "公开01表本年收入合计", true) : null;
            case "决算支出":
                return Row(T(DisclosureTableKind.IncomeExpenditureSummary), "支出", "本年支出合计") is { } expense ? new(expense, "公开01表本年支出合计", true) : null;
            case "财政拨款支出":
                return Row(T(DisclosureTableKind.FiscalAppropriationSummary), "支出", "本年支出合计") is { } fiscal ? new(fiscal, "公开04表本年支出合计", true) : null;
            case "基本支出" or "项目支出":
                return ColumnOfTotal(T(DisclosureTableKind.Expenditure), label) is { } v ? new(v, $"公开03表合计行{label}", true) : null;
            case "工资福利支出":
                return Code(T(DisclosureTableKind.GeneralBudgetBasicExpenditure), "301") is { } wages ? new(wages, "公开06表 301 工资福利支出", false) : null;
            case "商品和服务支出":
                return Code(T(DisclosureTableKind.GeneralBudgetBasicExpenditure), "302") is { } goods ? new(goods, "公开06表 302 商品和服务支出", false) : null;
            case "公用经费":
                return Stated(T(DisclosureTableKind.GeneralBudgetBasicExpenditure), "公用经费合计") is { } pub ? new(pub, "公开06表公用经费合计", false) : null;
            case "人员经费":
                return Stated(T(DisclosureTableKind.GeneralBudgetBasicExpenditure), "人员经费合计") is { } staff ? new(staff, "公开06表人员经费合计", false) : null;
            default:
                return null;
        }
    }

    private static decimal? Row(DisclosureTable? table, string side, string name) =>
        table?.Rows.Where(r => r.Section == side).FirstOrDefault(r => DisclosureChecker.Normalize(r.Name).StartsWith(name, StringComparison.Ordinal))?.Value(0);

    private static decimal? Code(DisclosureTable? table, string code) => table?.Rows.FirstOrDefault(r => r.Code == code)?.Value(0);

    private static decimal? Stated(DisclosureTable? table, string name) => table is not null && table.StatedTotals.TryGetValue(name, out var v) ? v : null;

    private static decimal? ColumnOfTotal(DisclosureTable? table, string column)
    {
        if (table is null) return null;
        var index = table.Columns.ToList().FindIndex(c => c.Replace(" ", "").Contains(column, StringComparison.Ordinal));
        var total = table.Rows.FirstOrDefault(r => r.Code is null && r.Name.Replace(" ", "").Contains("合计", StringComparison.Ordinal));
        return index < 0 || total is null ? null : total.Value(index);
    }
}
