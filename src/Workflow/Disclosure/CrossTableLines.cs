using Approval.Workflow.Checking;

namespace Approval.Workflow.Disclosure;

/// <summary>
/// Line-level identities between the 公开表: each line of one table against the line of another that reports the same
/// money. Compared only where both figures are printed (an empty cell is "not reported", not zero); the totals are
/// compared by <see cref="DisclosureChecker"/>'s table-level identities.
/// </summary>
public static partial class DisclosureChecker
{
    /// <summary>02's 合计 columns and the 01 income lines each of them sums (财政拨款收入 = the three appropriations).</summary>
    private static readonly (string Column, string[] Lines)[] IncomeColumns =
    [
        ("财政拨款收入", ["一般公共预算财政拨款收入", "政府性基金预算财政拨款收入", "国有资本经营预算财政拨款收入"]),
        ("上级补助收入", ["上级补助收入"]),
        ("事业收入", ["事业收入"]),
        ("经营收入", ["经营收入"]),
        ("附属单位上缴收入", ["附属单位上缴收入"]),
        ("其他收入", ["其他收入"]),
    ];

    private static void CheckLinesAcrossTables(Func<DisclosureTableKind, DisclosureTable?> table, SumCheck sums, CheckOptions options)
    {
        var summary = table(DisclosureTableKind.IncomeExpenditureSummary);
        var fiscal = table(DisclosureTableKind.FiscalAppropriationSummary);
        if (summary is not null && table(DisclosureTableKind.Income) is { } income) IncomeColumnsAgainstSummary(income, summary, sums);
        if (summary is not null && table(DisclosureTableKind.Expenditure) is { } expenditure)
            CategoriesAgainstLines(expenditure, 0, summary, 0, "DTX-03-01-LINE", sums);
        if (fiscal is not null && table(DisclosureTableKind.GeneralBudgetExpenditure) is { } general)
            CategoriesAgainstLines(general, 0, fiscal, 1, "DTX-05-04-LINE", sums);
        if (fiscal is not null && summary is not null) FiscalCarryoverWithinAll(fiscal, summary, sums.Findings, sums.Document, options);
        if (fiscal is not null && table(DisclosureTableKind.GovernmentFund) is { } fund) GovernmentFundAgainstFiscal(fund, fiscal, sums);
        if (fiscal is not null && table(DisclosureTableKind.StateCapital) is { } capital && TotalRow(capital) is { } capitalTotal &&
            Find(Side(fiscal, "支出"), "本年支出合计") is { } spent)
            BothPrinted(sums, "DTX-09-04", capital.DisplayName, capitalTotal.Name, "合计", capitalTotal.Value(0), spent.Value(3),
                "国有资本经营预算财政拨款支出决算表合计应等于财政拨款收入支出决算总表本年支出合计的国有资本经营预算财政拨款列");
        if (table(DisclosureTableKind.StateAssets) is { } assets && table(DisclosureTableKind.ThreePublicExpenses) is { } threePublic)
            VehiclesAgainstThreePublic(assets, threePublic, sums.Findings, sums.Document);
    }

    private static void IncomeColumnsAgainstSummary(DisclosureTable income, DisclosureTable summary, SumCheck sums)
    {
        if (TotalRow(income) is not { } total) return;
        var lines = Side(summary, "收入");
        foreach (var (column, names) in IncomeColumns)
        {
            var c = IndexOf(income.Columns, column);
            var parts = names.Select(n => Find(lines, n)?.Value(0)).ToList();
            if (c < 0 || total.Value(c) is null || parts.All(p => p is null)) continue;
            sums.Compare("DTX-02-01-LINE", income.DisplayName, total.Name, column, total.Value(c), parts,
                $"收入决算表合计的{column}应等于收入支出决算总表的{string.Join(" + ", names)}");
        }
    }

    /// <summary>Each 类 row of a table by 功能分类 against the summary table's expense line of the same name.</summary>
    private static void CategoriesAgainstLines(DisclosureTable detail, int detailColumn, DisclosureTable summary, int summaryColumn, string rule, SumCheck sums)
    {
        var lines = Side(summary, "支出").Where(r => IsNumberedLine(r.Name)).ToList();
        foreach (var category in detail.Rows.Where(r => r.CodeLevel == 1))
        {
            var line = lines.FirstOrDefault(l => Normalize(l.Name) == Normalize(category.Name));
            if (line is null) continue;
            BothPrinted(sums, rule, detail.DisplayName, category.Label, detail.Columns[detailColumn], category.Value(detailColumn), line.Value(summaryColumn),
                $"{category.Label}（{detail.Columns[detailColumn]}）应等于{summary.DisplayName}的「{line.Name}」{(summaryColumn > 0 ? $"（{summary.Columns[summaryColumn]}）" : "")}");
        }
    }

    /// <summary>财政拨款结转和结余 are part of all 结转和结余: 04's cannot exceed 01's (they may be smaller).</summary>
    private static void FiscalCarryoverWithinAll(DisclosureTable fiscal, DisclosureTable summary, List<Finding> findings, string document, CheckOptions options)
    {
        foreach (var (fiscalName, allName, side) in new[]
                 {
                     ("年初财政拨款结转和结余", "年初结转和结余", "收入"), ("年末财政拨款结转和结余", "年末结转和结余", "支出"),
                 })
        {
            var part = Find(Side(fiscal, side), fiscalName)?.Value(0);
            var all = Find(Side(summary, side), allName)?.Value(0);
            if (part is null || all is null || part - all <= options.ToleranceFor(all, [part])) continue;
            findings.Add(new Finding("DTX-04-01-CARRYOVER", Severity.Error, new FindingLocation(document, fiscal.DisplayName, fiscalName, "决算数"),
                $"≤ {Money.Format(all.Value)}", Money.Format(part.Value), part - all,
                $"{fiscalName} {Money.Format(part.Value)} 大于{summary.DisplayName}的{allName} {Money.Format(all.Value)}：财政拨款结转和结余是全部结转和结余的一部分"));
        }
    }

    private static void GovernmentFundAgainstFiscal(DisclosureTable fund, DisclosureTable fiscal, SumCheck sums)
    {
        if (TotalRow(fund) is not { } total) return;
        var income = Side(fiscal, "收入");
        var expense = Side(fiscal, "支出");
        var carriedIn = income.SkipWhile(r => !Normalize(r.Name).StartsWith("年初财政拨款结转和结余", StringComparison.Ordinal)).ToList();
        var pairs = new (string Column, decimal? Fiscal, string Where)[]
        {
            ("年初结转和结余", Find(carriedIn, "政府性基金预算财政拨款")?.Value(0), "年初财政拨款结转和结余中的政府性基金预算财政拨款"),
            ("本年收入", Find(income, "政府性基金预算财政拨款")?.Value(0), "收入中的政府性基金预算财政拨款"),
            ("本年支出小计", Find(expense, "本年支出合计")?.Value(2), "本年支出合计的政府性基金预算财政拨款列"),
            ("年末结转和结余", Find(expense, "年末财政拨款结转和结余")?.Value(2), "年末财政拨款结转和结余的政府性基金预算财政拨款列"),
        };
        foreach (var (column, figure, where) in pairs)
        {
            var c = IndexOf(fund.Columns, column);
            if (c < 0) continue;
            BothPrinted(sums, "DTX-08-04", fund.DisplayName, total.Name, column, total.Value(c), figure, $"政府性基金预算财政拨款收入支出决算表合计的{column}应等于财政拨款收入支出决算总表{where}");
        }
    }

    /// <summary>
    /// The 三公 table counts the 公务用车 kept with 财政拨款; 10 counts every vehicle the unit holds. More 公务用车 than
    /// vehicles is an error; fewer is for the reviewer to look at (vehicles paid otherwise, or outside the 三公 count).
    /// </summary>
    private static void VehiclesAgainstThreePublic(DisclosureTable assets, DisclosureTable threePublic, List<Finding> findings, string document)
    {
        var held = assets.Rows.FirstOrDefault(r => r.LineNo == "1" || r.Name.Contains("车辆数合计", StringComparison.Ordinal))?.Value(0);
        var row = threePublic.Rows.FirstOrDefault(r => r.Name.Contains("公务用车保有量", StringComparison.Ordinal));
        var kept = row?.Value(threePublic.Columns.Count - 1);
        if (held is null || kept is null || held == kept) return;
        var location = new FindingLocation(document, threePublic.DisplayName, row!.Name, threePublic.Columns[^1]);
        findings.Add(kept > held
            ? new Finding("DTX-10-07", Severity.Error, location, $"≤ {held}", $"{kept}", kept - held,
                $"“三公”经费表的公务用车保有量 {kept} 辆多于{assets.DisplayName}的车辆数合计 {held} 辆")
            : new Finding("DTX-10-07", Severity.Warning, location, $"{held}", $"{kept}", kept - held,
                $"{assets.DisplayName}的车辆数合计 {held} 辆，“三公”经费表的公务用车保有量 {kept} 辆：请核实相差的 {held - kept} 辆是否为非财政拨款保障或不纳入“三公”经费统计的车辆"));
    }

    private static void BothPrinted(SumCheck sums, string rule, string table, string row, string column, decimal? stated, decimal? other, string what)
    {
        if (stated is null || other is null) return;
        sums.Compare(rule, table, row, column, stated, [other], what);
    }

    private static List<TableRow> Side(DisclosureTable table, string section) => table.Rows.Where(r => r.Section == section).ToList();

    private static int IndexOf(IReadOnlyList<string> columns, string name)
    {
        for (var i = 0; i < columns.Count; i++)
            if (columns[i].Replace(" ", "") == name) return i;
        return -1;
    }
}
