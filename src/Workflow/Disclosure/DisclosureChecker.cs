using System.Globalization;
using System.Text.RegularExpressions;
using Approval.Workflow.Checking;

namespace Approval.Workflow.Disclosure;

/// <summary>The 勾稽关系 of DOMAIN.md over one report's 公开表, within each table and across them.</summary>
public static partial class DisclosureChecker
{
    public static IReadOnlyList<Finding> Check(IReadOnlyList<DisclosureTable> tables, string document = "部门决算公开", CheckOptions? options = null)
    {
        options ??= CheckOptions.Default;
        var findings = new List<Finding>();
        var sums = new SumCheck(document, options, findings);
        foreach (var table in tables)
        {
            switch (table.Kind)
            {
                case DisclosureTableKind.Income:
                case DisclosureTableKind.Expenditure:
                case DisclosureTableKind.GeneralBudgetExpenditure:
                case DisclosureTableKind.StateCapital:
                    CheckCodeTable(table, sums, rowSum: (0, Enumerable.Range(1, table.Columns.Count - 1).ToArray()));
                    break;
                case DisclosureTableKind.GovernmentFund:
                    CheckCodeTable(table, sums, rowSum: (2, [3, 4]));
                    break;
                case DisclosureTableKind.IncomeExpenditureSummary:
                    CheckSummary(table, sums);
                    break;
                case DisclosureTableKind.FiscalAppropriationSummary:
                    CheckFiscalSummary(table, sums);
                    break;
                case DisclosureTableKind.GeneralBudgetBasicExpenditure:
                    CheckBasicExpenditure(table, sums);
                    break;
                case DisclosureTableKind.ThreePublicExpenses:
                    CheckThreePublic(table, sums);
                    break;
                case DisclosureTableKind.StateAssets:
                    CheckAssets(table, sums);
                    break;
            }
        }
        CheckAcrossTables(tables, sums);
        CheckLinesAcrossTables(kind => tables.FirstOrDefault(t => t.Kind == kind), sums, options);
        return findings;
    }

    private static void CheckCodeTable(DisclosureTable table, SumCheck sums, (int Total, int[] Parts) rowSum)
    {
        var name = table.DisplayName;
        var coded = table.Rows.Where(r => r.CodeLevel > 0).ToList();
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var column = table.Columns[c];
            foreach (var parent in coded.Where(r => r.CodeLevel < 3))
            {
                var children = coded.Where(r => r.CodeLevel == parent.CodeLevel + 1 && r.Code!.StartsWith(parent.Code!, StringComparison.Ordinal)).ToList();
                if (children.Count == 0) continue;
                sums.Compare("DT-HIERARCHY", name, parent.Label, column, parent.Value(c), children.Select(ch => ch.Value(c)).ToList(),
                    $"{parent.Label}（{(parent.CodeLevel == 1 ? "类" : "款")}）{column} 应等于其下{(parent.CodeLevel == 1 ? "各款" : "各项")}之和");
            }
            var total = TotalRow(table);
            var categories = coded.Where(r => r.CodeLevel == 1).ToList();
            if (total is not null && categories.Count > 0)
                sums.Compare("DT-TOTAL", name, total.Name, column, total.Value(c), categories.Select(r => r.Value(c)).ToList(), $"合计 {column} 应等于各类之和");
        }
        if (rowSum.Parts.Length == 0 || rowSum.Parts.Max() >= table.Columns.Count) return;
        foreach (var row in table.Rows.Where(r => r.CodeLevel > 0 || r == TotalRow(table)))
        {
            sums.Compare("DT-ROW-SUM", name, row.Label, table.Columns[rowSum.Total], row.Value(rowSum.Total),
                rowSum.Parts.Select(row.Value).ToList(),
                $"{row.Label}：{table.Columns[rowSum.Total]} 应等于 {string.Join(" + ", rowSum.Parts.Select(p => table.Columns[p]))}");
        }
    }

    private static TableRow? TotalRow(DisclosureTable table) =>
        table.Rows.FirstOrDefault(r => r.Code is null && r.Name.Contains("合计", StringComparison.Ordinal));

    private static void CheckSummary(DisclosureTable table, SumCheck sums)
    {
        var name = table.DisplayName;
        var income = table.Rows.Where(r => r.Section == "收入").ToList();
        var expense = table.Rows.Where(r => r.Section == "支出").ToList();

        var incomeLines = income.Where(r => IsNumberedLine(r.Name)).ToList();
        var incomeTotal = Find(income, "本年收入合计");
        if (incomeTotal is not null)
            sums.Compare("DT01-INCOME-SUM", name, "本年收入合计", "决算数", incomeTotal.Value(0), incomeLines.Select(r => r.Value(0)).ToList(), "本年收入合计应等于各项收入之和");
        var incomeGrand = Find(income, "总计");
        if (incomeGrand is not null)
            sums.Compare("DT01-INCOME-TOTAL", name, "收入总计", "决算数", incomeGrand.Value(0),
                [incomeTotal?.Value(0), Find(income, "使用非财政拨款结余")?.Value(0), Find(income, "年初结转和结余")?.Value(0)],
                "收入总计应等于本年收入合计 + 使用非财政拨款结余 + 年初结转和结余");

        var expenseLines = expense.Where(r => IsNumberedLine(r.Name)).ToList();
        var expenseTotal = Find(expense, "本年支出合计");
        if (expenseTotal is not null)
            sums.Compare("DT01-EXPENSE-SUM", name, "本年支出合计", "决算数", expenseTotal.Value(0), expenseLines.Select(r => r.Value(0)).ToList(), "本年支出合计应等于各项支出之和");
        var expenseGrand = Find(expense, "总计");
        if (expenseGrand is not null)
            sums.Compare("DT01-EXPENSE-TOTAL", name, "支出总计", "决算数", expenseGrand.Value(0),
                [expenseTotal?.Value(0), Find(expense, "结余分配")?.Value(0), Find(expense, "年末结转和结余")?.Value(0)],
                "支出总计应等于本年支出合计 + 结余分配 + 年末结转和结余");
        if (incomeGrand is not null && expenseGrand is not null)
            sums.Compare("DT01-BALANCE", name, "总计", "决算数", incomeGrand.Value(0), [expenseGrand.Value(0)], "收入总计应等于支出总计");
    }

    private static void CheckFiscalSummary(DisclosureTable table, SumCheck sums)
    {
        var name = table.DisplayName;
        var income = table.Rows.Where(r => r.Section == "收入").ToList();
        var expense = table.Rows.Where(r => r.Section == "支出").ToList();

        var incomeTotal = Find(income, "本年收入合计");
        var appropriations = income.TakeWhile(r => !r.Name.Contains("本年收入合计", StringComparison.Ordinal)).Where(r => IsNumberedLine(r.Name)).ToList();
        if (incomeTotal is not null)
            sums.Compare("DT04-INCOME-SUM", name, "本年收入合计", "决算数", incomeTotal.Value(0), appropriations.Select(r => r.Value(0)).ToList(), "本年收入合计应等于三类财政拨款之和");
        var grand = Find(income, "总计");
        if (grand is not null)
            sums.Compare("DT04-INCOME-TOTAL", name, "收入总计", "决算数", grand.Value(0), [incomeTotal?.Value(0), Find(income, "年初财政拨款结转和结余")?.Value(0)],
                "收入总计应等于本年收入合计 + 年初财政拨款结转和结余");

        var expenseLines = expense.Where(r => IsNumberedLine(r.Name)).ToList();
        var expenseTotal = Find(expense, "本年支出合计");
        var expenseGrand = Find(expense, "总计");
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var column = table.Columns[c];
            if (expenseTotal is not null)
                sums.Compare("DT04-EXPENSE-SUM", name, "本年支出合计", column, expenseTotal.Value(c), expenseLines.Select(r => r.Value(c)).ToList(), $"本年支出合计（{column}）应等于各项支出之和");
            if (expenseGrand is not null)
                sums.Compare("DT04-EXPENSE-TOTAL", name, "支出总计", column, expenseGrand.Value(c), [expenseTotal?.Value(c), Find(expense, "年末财政拨款结转和结余")?.Value(c)],
                    $"支出总计（{column}）应等于本年支出合计 + 年末财政拨款结转和结余");
        }
        foreach (var row in expense.Where(r => r.Values.Count > 1))
            sums.Compare("DT04-ROW-SUM", name, row.Name, "小计", row.Value(0), row.Values.Skip(1).ToList(), $"{row.Name}：小计应等于三类财政拨款之和");
        if (grand is not null && expenseGrand is not null)
            sums.Compare("DT04-BALANCE", name, "总计", "决算数", grand.Value(0), [expenseGrand.Value(0)], "收入总计应等于支出总计");
    }

    private static readonly string[] PersonnelHeadings = ["301", "303"];
    private static readonly string[] PublicHeadings = ["302", "307", "310", "312", "399"];

    private static void CheckBasicExpenditure(DisclosureTable table, SumCheck sums)
    {
        var name = table.DisplayName;
        var headings = table.Rows.Where(r => r.Code is { Length: 3 }).ToList();
        foreach (var heading in headings)
        {
            var lines = table.Rows.Where(r => r.Code is { Length: 5 } && r.Code.StartsWith(heading.Code!, StringComparison.Ordinal)).ToList();
            if (lines.Count == 0) continue;
            sums.Compare("DT06-HEADING", name, heading.Label, "金额", heading.Value(0), lines.Select(l => l.Value(0)).ToList(), $"{heading.Label} 应等于其下各款之和");
        }
        decimal? Heading(string code) => headings.FirstOrDefault(h => h.Code == code)?.Value(0);
        if (table.StatedTotals.TryGetValue("人员经费合计", out var personnel))
            sums.Compare("DT06-PERSONNEL", name, "人员经费合计", "金额", personnel, PersonnelHeadings.Select(Heading).ToList(), "人员经费合计应等于 301 + 303");
        if (table.StatedTotals.TryGetValue("公用经费合计", out var publicFunds))
            sums.Compare("DT06-PUBLIC", name, "公用经费合计", "金额", publicFunds, PublicHeadings.Select(Heading).ToList(), "公用经费合计应等于 302 + 307 + 310 + 312 + 399");
    }

    private static void CheckThreePublic(DisclosureTable table, SumCheck sums)
    {
        var name = table.DisplayName;
        TableRow? Line(int n) => table.Rows.FirstOrDefault(r => r.LineNo == n.ToString(CultureInfo.InvariantCulture));
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var column = table.Columns[c];
            decimal? V(int n) => Line(n)?.Value(c);
            if (Line(1) is not null)
                sums.Compare("DT3G-TOTAL", name, "“三公”经费支出", column, V(1), [V(2), V(3), V(6)], $"“三公”经费（{column}）应等于因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费");
            if (Line(3) is not null)
                sums.Compare("DT3G-CARS", name, "公务用车购置及运行维护费", column, V(3), [V(4), V(5)], $"公务用车购置及运行维护费（{column}）应等于购置费 + 运行维护费");
            if (Line(6) is not null && (V(7) is not null || V(9) is not null))
                sums.Compare("DT3G-RECEPTION", name, "公务接待费", column, V(6), [V(7), V(9)], $"公务接待费（{column}）应等于国内接待费 + 国（境）外接待费");
        }
    }

    private static void CheckAssets(DisclosureTable table, SumCheck sums)
    {
        var total = table.Rows.FirstOrDefault(r => r.LineNo == "1");
        var vehicles = table.Rows.Where(r => int.TryParse(r.LineNo, out var n) && n is >= 2 and <= 9).ToList();
        if (total is null || vehicles.Count == 0) return;
        sums.Compare("DT10-VEHICLES", table.DisplayName, total.Name, "决算数", total.Value(0), vehicles.Select(v => v.Value(0)).ToList(), "车辆数合计应等于各类用车之和");
    }

    private static void CheckAcrossTables(IReadOnlyList<DisclosureTable> tables, SumCheck sums)
    {
        DisclosureTable? T(DisclosureTableKind kind) => tables.FirstOrDefault(t => t.Kind == kind);
        var summary = T(DisclosureTableKind.IncomeExpenditureSummary);
        var fiscal = T(DisclosureTableKind.FiscalAppropriationSummary);
        var general = T(DisclosureTableKind.GeneralBudgetExpenditure);
        var basic = T(DisclosureTableKind.GeneralBudgetBasicExpenditure);
        var income = T(DisclosureTableKind.Income);
        var expenditure = T(DisclosureTableKind.Expenditure);

        if (summary is not null && fiscal is not null)
        {
            foreach (var kind in new[] { "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款" })
            {
                var in01 = summary.Rows.FirstOrDefault(r => r.Section == "收入" && Normalize(r.Name).StartsWith(kind, StringComparison.Ordinal));
                var in04 = fiscal.Rows.FirstOrDefault(r => r.Section == "收入" && Normalize(r.Name).StartsWith(kind, StringComparison.Ordinal));
                if (in01 is null || in04 is null) continue;
                sums.Compare("DTX-04-01", fiscal.DisplayName, in04.Name, "决算数", in04.Value(0), [in01.Value(0)], $"公开04表「{kind}」应与公开01表的{kind}收入一致");
            }
        }
        if (general is not null && fiscal is not null && TotalRow(general) is { } generalTotal &&
            Find(fiscal.Rows.Where(r => r.Section == "支出").ToList(), "本年支出合计") is { } fiscalTotal)
        {
            sums.Compare("DTX-05-04", general.DisplayName, "合计", "本年支出合计", generalTotal.Value(0), [fiscalTotal.Value(1)],
                "一般公共预算财政拨款支出决算表合计应等于财政拨款收入支出决算总表本年支出合计的一般公共预算财政拨款列");
        }
        if (basic is not null && general is not null && TotalRow(general) is { } total05 &&
            basic.StatedTotals.TryGetValue("人员经费合计", out var personnel) && basic.StatedTotals.TryGetValue("公用经费合计", out var publicFunds))
        {
            sums.Compare("DTX-06-05", basic.DisplayName, "人员经费合计 + 公用经费合计", "金额", total05.Value(1), [personnel, publicFunds],
                "人员经费 + 公用经费应等于一般公共预算财政拨款支出决算表的基本支出合计");
        }
        if (summary is not null && income is not null && TotalRow(income) is { } total02 &&
            Find(summary.Rows.Where(r => r.Section == "收入").ToList(), "本年收入合计") is { } income01)
            sums.Compare("DTX-02-01", income.DisplayName, "合计", "本年收入合计", total02.Value(0), [income01.Value(0)], "收入决算表合计应等于收入支出决算总表的本年收入合计");
        if (summary is not null && expenditure is not null && TotalRow(expenditure) is { } total03 &&
            Find(summary.Rows.Where(r => r.Section == "支出").ToList(), "本年支出合计") is { } expense01)
            sums.Compare("DTX-03-01", expenditure.DisplayName, "合计", "本年支出合计", total03.Value(0), [expense01.Value(0)], "支出决算表合计应等于收入支出决算总表的本年支出合计");
    }

    private static TableRow? Find(IReadOnlyList<TableRow> rows, string name) =>
        rows.FirstOrDefault(r => Normalize(r.Name) == name) ?? rows.FirstOrDefault(r => Normalize(r.Name).StartsWith(name, StringComparison.Ordinal));

    /// <summary>"一、一般公共服务支出" is a numbered line (a category); "本年收入合计" is not.</summary>
    public static bool IsNumberedLine(string name) => NumberingPattern().IsMatch(name.Trim());

    public static string Normalize(string name) => NumberingPattern().Replace(name.Replace(" ", "").Trim(), "");

    [GeneratedRegex(@"^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\))")]
    private static partial Regex NumberingPattern();
}
