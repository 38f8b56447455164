using Approval.Workflow.Disclosure;

namespace Approval.Workflow.Tests;

/// <summary>What the official layouts of the 公开表 need from the parser: the heading line and both sides of 01 and 04.</summary>
public class DisclosureTableLayoutTests
{
    [Fact]
    public void Seed_002_tables_keep_their_heading_line()
    {
        var tables = Seeds.Import(Seeds.ShangraoBigData2021).Tables;
        Assert.All(tables, t => Assert.Equal("大数据发展管理局", t.Heading?.PreparingUnit));
        Assert.All(tables, t => Assert.Equal(2021, t.Heading?.Year));
        Assert.All(tables.Where(t => t.Kind != DisclosureTableKind.StateAssets), t => Assert.Equal("万元", t.Heading?.Unit));
        Assert.Equal("台、辆、套", tables.Single(t => t.Kind == DisclosureTableKind.StateAssets).Heading?.Unit);
        // 05 and 06 print the pieces on two lines.
        Assert.Equal(new DisclosureTableHeading("大数据发展管理局", 2021, "万元"), tables.Single(t => t.Kind == DisclosureTableKind.GeneralBudgetExpenditure).Heading);
        Assert.Equal(new DisclosureTableHeading("大数据发展管理局", 2021, "万元"), tables.Single(t => t.Kind == DisclosureTableKind.GeneralBudgetBasicExpenditure).Heading);
    }

    [Fact]
    public void Seed_003_and_004_headings_are_read_where_printed()
    {
        var seed003 = Seeds.Import(Seeds.JingdezhenAdminService2022).Tables;
        // Extracted with spaces: the pieces stand on lines of their own, between blank lines.
        Assert.Equal(new DisclosureTableHeading("景德镇市人民政府行政服务中心管理委员会", 2022, "万元"), seed003.Single(t => t.Kind == DisclosureTableKind.StateCapital).Heading);
        Assert.Equal("台、辆、套", seed003.Single(t => t.Kind == DisclosureTableKind.StateAssets).Heading?.Unit);

        // Seed 004 prints only the 金额单位 under each title.
        var seed004 = Seeds.Import(Seeds.GanzhouRongjiang2023).Tables;
        Assert.NotEmpty(seed004);
        Assert.All(seed004.Where(t => t.Kind != DisclosureTableKind.StateAssets), t => Assert.Equal("万元", t.Heading?.Unit));
        Assert.All(seed004, t => Assert.Null(t.Heading?.PreparingUnit));
    }

    [Fact]
    public void Seed_002_table_01_has_both_sides_complete_with_their_line_numbers()
    {
        var summary = Seeds.Import(Seeds.ShangraoBigData2021).Tables.Single(t => t.Kind == DisclosureTableKind.IncomeExpenditureSummary);
        var income = summary.Rows.Where(r => r.Section == "收入").ToList();
        var expense = summary.Rows.Where(r => r.Section == "支出").ToList();
        // Left: 1–8, 27, 28, 29, 31 (9–26 and 30 print only their 行次); right: 32–60 and 62.
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8", "27", "28", "29", "31"], income.Select(r => r.LineNo!));
        Assert.Equal([.. Enumerable.Range(32, 29).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), "62"], expense.Select(r => r.LineNo!));
        Assert.All(summary.Rows, r => Assert.Single(r.Values));
        Assert.Equal(("总计", 1664.55m), (income[^1].Name, income[^1].Value(0)!.Value));
        Assert.Equal(("总计", 1664.55m), (expense[^1].Name, expense[^1].Value(0)!.Value));
    }

    [Fact]
    public void Seed_002_table_04_income_side_has_one_amount_and_expense_side_four()
    {
        var fiscal = Seeds.Import(Seeds.ShangraoBigData2021).Tables.Single(t => t.Kind == DisclosureTableKind.FiscalAppropriationSummary);
        var income = fiscal.Rows.Where(r => r.Section == "收入").ToList();
        var expense = fiscal.Rows.Where(r => r.Section == "支出").ToList();
        Assert.Equal(["1", "2", "3", "27", "28", "29", "30", "31", "32"], income.Select(r => r.LineNo!));
        Assert.All(income, r => Assert.Single(r.Values));
        Assert.Equal(277.40m, income.Single(r => r.LineNo == "29").Value(0));
        Assert.Equal([.. Enumerable.Range(33, 28).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), "64"], expense.Select(r => r.LineNo!));
        Assert.All(expense, r => Assert.Equal(4, r.Values.Count));
        Assert.Equal([1664.55m, 1664.55m, 0m, 0m], expense.Single(r => r.Name == "本年支出合计").Values);
    }

    [Theory]
    // Seed 002's 01, line 114: "\t30\t\t\t61\t" — neither side names its line.
    [InlineData(Seeds.ShangraoBigData2021, DisclosureTableKind.IncomeExpenditureSummary, new[] { 114 }, new[] { "30" })]
    // Seed 004's 04, lines 248–250: "\t29\t\t\t\t\t61\t\t\t" and the two after it.
    [InlineData(Seeds.GanzhouRongjiang2023, DisclosureTableKind.FiscalAppropriationSummary, new[] { 248, 249, 250 }, new[] { "29", "30", "31" })]
    public void A_row_with_both_names_blank_reads_the_right_line_number_as_a_line_number_not_an_amount(string seed, DisclosureTableKind kind, int[] sourceLines, string[] leftLines)
    {
        var report = Seeds.Import(seed);
        Assert.DoesNotContain(report.Issues, i => i.Message.Contains("有金额但无项目名称", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Issues, i => sourceLines.Contains(i.Line));
        var table = report.Tables.Single(t => t.Kind == kind);
        // No income row made up of the right-hand 行次 (61, 62, 63) as its amount.
        Assert.DoesNotContain(table.Rows, r => r.Section == "收入" && leftLines.Contains(r.LineNo) && r.Value(0) is 61m or 62m or 63m);
        Assert.DoesNotContain(table.Rows, r => r.SourceLine is { } l && sourceLines.Contains(l));
    }

    [Fact]
    public void A_count_carries_the_unit_its_row_states()
    {
        var tables = Seeds.Import(Seeds.ShangraoBigData2021).Tables;
        var t07 = tables.Single(t => t.Kind == DisclosureTableKind.ThreePublicExpenses);
        var t10 = tables.Single(t => t.Kind == DisclosureTableKind.StateAssets);
        string? Unit(DisclosureTable t, string name) => CountRows.UnitOf(t, t.Rows.First(r => r.Name.Contains(name, StringComparison.Ordinal)));
        Assert.Equal("个", Unit(t07, "国内公务接待批次"));
        Assert.Equal("人", Unit(t07, "国内公务接待人次"));
        Assert.Equal("辆", Unit(t07, "公务用车购置数"));
        Assert.Null(Unit(t07, "公务接待费")); // an amount
        Assert.Equal("台/辆", Unit(t10, "车辆数合计"));
        Assert.Equal("台/套", Unit(t10, "通用设备"));
        Assert.Null(Unit(t10, "特种专业技术用车")); // a count whose row states no unit: the table's 单位 line says it
    }
}
