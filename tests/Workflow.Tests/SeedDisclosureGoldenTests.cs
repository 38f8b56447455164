using Approval.Workflow.Checking;
using Approval.Workflow.Disclosure;
using Approval.Workflow.Narrative;

namespace Approval.Workflow.Tests;

/// <summary>The 公开表 and 情况说明 of seeds 002 and 004: their figures read exactly, their 勾稽关系 checked.</summary>
public class SeedDisclosureGoldenTests
{
    [Fact]
    public void Seed_002_tables_are_read_by_title_with_their_figures()
    {
        var tables = Seeds.Import(Seeds.ShangraoBigData2021).Tables;
        Assert.Equal(
        [
            DisclosureTableKind.IncomeExpenditureSummary, DisclosureTableKind.Expenditure, DisclosureTableKind.Income,
            DisclosureTableKind.FiscalAppropriationSummary, DisclosureTableKind.GeneralBudgetExpenditure,
            DisclosureTableKind.GeneralBudgetBasicExpenditure, DisclosureTableKind.ThreePublicExpenses,
            DisclosureTableKind.GovernmentFund, DisclosureTableKind.StateCapital, DisclosureTableKind.StateAssets,
        ], tables.Select(t => t.Kind));

        var summary = tables.Single(t => t.Kind == DisclosureTableKind.IncomeExpenditureSummary);
        Assert.Equal("01", summary.Number);
        Assert.Equal(1387.15m, summary.Rows.Single(r => r.Section == "收入" && r.Name == "本年收入合计").Value(0));
        Assert.Equal(277.40m, summary.Rows.Single(r => r.Section == "收入" && r.Name == "年初结转和结余").Value(0));
        Assert.Equal(1058.22m, summary.Rows.Single(r => r.Section == "支出" && r.Name == "六、科学技术支出").Value(0));

        var income = tables.Single(t => t.Kind == DisclosureTableKind.Income);
        var row = income.Rows.Single(r => r.Code == "2060599");
        Assert.Equal("其他科技条件与服务支出", row.Name);
        Assert.Equal([911.84m, 911.84m, 0m, 0m, 0m, 0m, 0m], row.Values);

        var basic = tables.Single(t => t.Kind == DisclosureTableKind.GeneralBudgetBasicExpenditure);
        Assert.Equal(294.39m, basic.StatedTotals["人员经费合计"]);
        Assert.Equal(33.86m, basic.StatedTotals["公用经费合计"]);
        Assert.Equal(22.60m, basic.Rows.Single(r => r.Code == "30239").Value(0));
        Assert.Equal("07", tables.Single(t => t.Kind == DisclosureTableKind.ThreePublicExpenses).Number);
    }

    [Fact]
    public void Seed_002_tables_keep_the_notes_printed_under_them_and_06_its_printed_total_label()
    {
        var report = Seeds.Import(Seeds.ShangraoBigData2021);
        var tables = report.Tables;
        Assert.Equal(["注：本表反映部门本年度取得的各项收入情况。"], tables.Single(t => t.Kind == DisclosureTableKind.Income).Notes);
        Assert.Equal(["注：本表反映部门本年度国有资本经营预算财政拨款支出情况。", "说明：当此表数据为空时，即本部门无国有资本经营预算财政拨款支出。"],
            tables.Single(t => t.Kind == DisclosureTableKind.StateCapital).Notes);
        Assert.All(tables, t => Assert.NotEmpty(t.Notes ?? [])); // every table of seed 002 prints one
        Assert.DoesNotContain("本表反映", report.Narrative);     // no longer left to the narrative
        var basic = tables.Single(t => t.Kind == DisclosureTableKind.GeneralBudgetBasicExpenditure);
        Assert.Equal("公用支出合计", basic.PrintedTotalLabels!["公用经费合计"]); // as printed; the check keys it 公用经费合计
        Assert.False(basic.PrintedTotalLabels.ContainsKey("人员经费合计"));
    }

    [Fact]
    public void Seed_002_tables_balance_except_for_rounding_in_06()
    {
        var findings = DisclosureChecker.Check(Seeds.Import(Seeds.ShangraoBigData2021).Tables);
        Assert.DoesNotContain(findings, f => f.Severity == Severity.Error);
        Assert.Equal(
        [
            // 301's lines add up to 281.25, printed 281.27: ten non-zero lines and the heading carry rounding, tolerance 11 × 0.005 = 0.055.
            ("DT06-HEADING", "301 工资福利支出", 0.02m),
            // 302's lines add up to 33.66, printed 33.65.
            ("DT06-HEADING", "302 商品和服务支出", -0.01m),
            // 公用经费 302 + 307 + 310 + 312 + 399 = 33.65 + 0 + 0.20 + 0 + 0 = 33.85, printed 33.86.
            ("DT06-PUBLIC", "公用经费合计", 0.01m),
            // 10's one vehicle (a 特种专业技术用车) against 07's 0 公务用车保有量: a warning (CrossTableLineTests).
            ("DTX-10-07", "4.公务用车保有量（辆）", -1m),
        ], findings.Select(f => (f.Rule, f.Location.Row!, f.Difference!.Value)));
        Assert.All(findings.SkipLast(1), f => Assert.Equal(Severity.Rounding, f.Severity));
        Assert.Equal(Severity.Warning, findings[^1].Severity);
    }

    [Fact]
    public void Seed_004_tables_have_only_rounding_notes()
    {
        var tables = Seeds.Import(Seeds.GanzhouRongjiang2023).Tables;
        Assert.Equal(10, tables.Count);
        Assert.Equal("09", tables.Single(t => t.Kind == DisclosureTableKind.ThreePublicExpenses).Number);
        // 04's left side prints 本年收入合计 and 总计 without their names (lines 27 and 32): read by line number.
        var fiscal = tables.Single(t => t.Kind == DisclosureTableKind.FiscalAppropriationSummary);
        Assert.Equal(1112.22m, fiscal.Rows.Single(r => r.Section == "收入" && r.Name == "总计").Value(0));

        var findings = DisclosureChecker.Check(tables);
        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Equal(Severity.Rounding, f.Severity));
        // 201's 款 add up to 0.21 + 447.80 + 13.71 = 461.72 against a printed 461.71.
        Assert.Contains(findings, f => f.Rule == "DT-HIERARCHY" && f.Location.Row == "201 一般公共服务支出" && f.Difference == -0.01m);
        // 301's ten filled lines (three are empty) add up to 105.04 against 105.01: 0.03 is within 11 × 0.005.
        Assert.Contains(findings, f => f.Rule == "DT06-HEADING" && f.Difference == -0.03m);
    }

    [Fact]
    public void Only_figures_that_carry_rounding_widen_the_tolerance()
    {
        // Seed 002's 公开01 with 本年支出合计 1,664.55 → 1,664.67: its 26 expense lines add up to 328.25 + 1,058.22 + 278.08 = 1,664.55.
        // Counting every printed line (26 + 1) × 0.005 = 0.135 would call 0.12 尾差; only the three non-zero lines and the
        // total carry rounding: 4 × 0.005 = 0.02, so 0.12 is an error.
        var tables = Seeds.Import(Seeds.ShangraoBigData2021).Tables.ToList();
        var summary = tables.Single(t => t.Kind == DisclosureTableKind.IncomeExpenditureSummary);
        var rows = summary.Rows.Select(r => r.Section == "支出" && r.Name == "本年支出合计" ? r with { Values = [1664.67m] } : r).ToList();
        tables[tables.IndexOf(summary)] = summary with { Rows = rows };

        var errors = DisclosureChecker.Check(tables).Where(f => f.Severity == Severity.Error).ToList();
        var sum = errors.Single(f => f.Rule == "DT01-EXPENSE-SUM");
        Assert.Equal(("1,664.55", "1,664.67", 0.12m), (sum.Expected, sum.Actual, sum.Difference));
        // 支出总计 1,664.55 against 1,664.67 + 0.00 + 0.00 (two figures carry rounding: 0.01); 03's 合计 1,664.55 against it too.
        Assert.Equal(["DT01-EXPENSE-SUM", "DT01-EXPENSE-TOTAL", "DTX-03-01"], errors.Select(f => f.Rule).Order());
    }

    [Theory]
    [InlineData(1.00, new[] { 0.50, 0.50, 0, 0, 0, 0 }, 0.015)]  // three non-zero figures
    [InlineData(0, new[] { 0.0, 0 }, 0)]
    [InlineData(0.01, new[] { 0.0, 0, 0 }, 0.005)]              // a total printed over nothing but zeros: only the total was rounded
    public void Tolerance_counts_the_non_zero_figures(double stated, double[] parts, double tolerance) =>
        Assert.Equal((decimal)tolerance, CheckOptions.Default.ToleranceFor((decimal)stated, parts.Select(p => (decimal?)(decimal)p)));

    [Fact]
    public void A_real_imbalance_is_an_error_with_expected_actual_and_difference()
    {
        var tables = Seeds.Import(Seeds.GanzhouRongjiang2023).Tables.ToList();
        var general = tables.Single(t => t.Kind == DisclosureTableKind.GeneralBudgetExpenditure);
        var rows = general.Rows.Select(r => r.Code == "2010306" ? r with { Values = [104.05m, 93.97m, 12.08m] } : r).ToList();
        tables[tables.IndexOf(general)] = general with { Rows = rows };

        var errors = DisclosureChecker.Check(tables).Where(f => f.Severity == Severity.Error).ToList();
        Assert.Equal(2, errors.Count);
        // The row no longer adds up: 93.97 + 12.08 = 106.05 against 104.05 printed.
        var row = errors.Single(f => f.Rule == "DT-ROW-SUM");
        Assert.Equal("2010306 政务公开审批", row.Location.Row);
        Assert.Equal("106.05", row.Expected);
        Assert.Equal("104.05", row.Actual);
        Assert.Equal(-2.00m, row.Difference);
        // Nor does its 款: 10.08 → 12.08 makes the 项目支出 of 20103's 项 add up to 341.95 against 339.95.
        var hierarchy = errors.Single(f => f.Rule == "DT-HIERARCHY");
        Assert.Equal(("20103 政府办公厅（室）及相关机构事务", "项目支出"), (hierarchy.Location.Row, hierarchy.Location.Column));
        Assert.Equal(-2.00m, hierarchy.Difference);
    }

    [Fact]
    public void Seed_002_narrative_mistakes_are_found()
    {
        var findings = NarrativeChecker.Check(Seeds.Import(Seeds.ShangraoBigData2021).Narrative);
        Assert.All(findings, f => Assert.Equal(Severity.Error, f.Severity));
        Assert.Equal(
        [
            // 年初结转和结余 277.4 "减少 3074.41 万元，下降 65%" — exactly the change of 本年支出合计 in the expense sentence
            // (1664.55, down 3074.41: base 4738.96, 64.9% → 65%), copied: named as such, no percentage proposed for a wrong 增减额.
            ("NR-CHANGE-OTHER-LINE", "减少3074.41万元，下降65%", null),
            // 对个人和家庭补助 13.12, up 11.06: base 2.06, 536.9% — printed 84%.
            ("NR-CHANGE", "84%", "536.9%"),
            // “三公” 7.11, up 5.66: base 1.45, 390.3% — printed 80% in the same words twice (total and 公务接待费): one finding.
            ("NR-CHANGE", "80%", "390.3%"),
        ], findings.Select(f => (f.Rule, f.Actual!, f.Expected)));
        Assert.EndsWith("（此句在文中出现 2 次）", findings[^1].Message);
        Assert.StartsWith("「减少 3074.41 万元，下降 65%」是本年支出合计（1664.55 万元）的变动，不是年初结转和结余（277.4 万元）的", findings[0].Message);
    }

    [Fact]
    public void Seed_004_narrative_percentages_are_all_right()
    {
        // e.g. 563.46 / (1112.22 − 563.46) = 102.68%; 1112.22 / 450.70 = 246.78%; 44.37 / 56.59 = 78.41%.
        Assert.Empty(NarrativeChecker.Check(Seeds.Import(Seeds.GanzhouRongjiang2023).Narrative));
    }

    [Theory]
    [InlineData("支出100.00万元，较上年减少300.00万元，下降150%", "NR-DECREASE-OVER-100")]
    [InlineData("支出100.00万元，较上年减少50.00万元，增长33%", "NR-DIRECTION")]
    [InlineData("年初预算数为200万元，决算数为150万元，完成年初预算的70%", "NR-COMPLETION")]
    public void Narrative_rules(string sentence, string rule) =>
        Assert.Equal(rule, Assert.Single(NarrativeChecker.Check(sentence)).Rule);

    [Theory]
    [InlineData("支出100.00万元，较上年降低50.00万元，降幅为40%", "NR-CHANGE")]           // 50 ÷ 150 = 33.3%
    [InlineData("支出100.00万元，较上年增加50.00万元，增幅50%", "NR-CHANGE")]             // 50 ÷ 50 = 100%
    [InlineData("支出100.00万元，较上年增加50.00万元，降幅50%", "NR-DIRECTION")]
    [InlineData("支出100.00万元，较上年下降50.00万元，增长33%", "NR-DIRECTION")]
    [InlineData("支出100.00万元，较上年减少150.00万元，降低150%", "NR-DECREASE-OVER-100")]
    [InlineData("一般公共服务支出328.25万元，占本年支出合计1664.55万元的21%", "NR-SHARE")]  // 19.72%
    public void More_wording(string sentence, string rule) =>
        Assert.Equal(rule, Assert.Single(NarrativeChecker.Check(sentence)).Rule);

    [Fact]
    public void Narrative_wording_that_holds_is_accepted()
    {
        Assert.Empty(NarrativeChecker.Check("支出100.00万元，较上年降低50.00万元，降幅为33%"));      // 33.33%
        Assert.Empty(NarrativeChecker.Check("支出150.00万元，较上年上升50.00万元，增幅50%"));
        Assert.Empty(NarrativeChecker.Check("一般公共服务支出328.25万元，占本年支出合计1664.55万元的19.72%"));
    }

    [Fact]
    public void Shares_of_a_listed_composition_are_checked_against_the_sum_of_the_list()
    {
        var narrative = Seeds.Import(Seeds.ShangraoBigData2021).Narrative;
        // As published: 328.25 ÷ (328.25 + 1336.3 + 0 + 0) = 19.72% → "20%", 1336.3 ÷ 1664.55 = 80.28% → "80%": right.
        Assert.DoesNotContain(NarrativeChecker.Check(narrative), f => f.Rule == "NR-SHARE");
        // Printed 25% and 75% instead (still adding to 100%, so the list is the whole): both wrong.
        var changed = narrative.Replace("基本支出 328.25 万元，占 20%", "基本支出 328.25 万元，占 25%").Replace("项目支出 1336.3 万元，占 80%", "项目支出 1336.3 万元，占 75%");
        Assert.Equal([("25%", "19.7%"), ("75%", "80.3%")],
            NarrativeChecker.Check(changed).Where(f => f.Rule == "NR-SHARE").Select(f => (f.Actual!, f.Expected!)));
        // A list whose shares do not add up to 100% may leave components out: its sum is not the whole, nothing is judged.
        Assert.Empty(NarrativeChecker.Check("本年支出的具体构成为：基本支出 328.25 万元，占 20%；项目支出 1336.3 万元，占 30%"));
    }

    [Fact]
    public void Narrative_rounding_of_stated_percentages_is_accepted()
    {
        Assert.Empty(NarrativeChecker.Check("支出100.00万元，较上年减少50.00万元，下降33%"));   // 33.33%
        Assert.Empty(NarrativeChecker.Check("年初预算数为3万元，决算数为2万元，完成年初预算的66.67%"));
    }
}

public class Seed003BestEffortTests
{
    [Fact]
    public void Space_separated_three_public_and_asset_tables_are_read()
    {
        var tables = Seeds.Import(Seeds.JingdezhenAdminService2022).Tables;
        var threePublic = tables.Single(t => t.Kind == DisclosureTableKind.ThreePublicExpenses);
        Assert.Equal(["年初预算数", "全年预算数", "决算数"], threePublic.Columns);
        Assert.Equal([2.40m, 2.40m, 0.70m], threePublic.Rows.Single(r => r.LineNo == "1").Values);
        var assets = tables.Single(t => t.Kind == DisclosureTableKind.StateAssets);
        Assert.Equal(10, assets.Rows.Count);
        Assert.Equal("二、单价100万元（含）以上设备（不含车辆）", assets.Rows[^1].Name);
        Assert.Empty(DisclosureChecker.Check(tables));
    }

    [Fact]
    public void Seed_003_narrative_mistakes_include_decreases_above_100_percent()
    {
        var findings = NarrativeChecker.Check(Seeds.Import(Seeds.JingdezhenAdminService2022).Narrative);
        // 年初结转和结余 down 2599.25 to 259.34 is printed as 下降1002.25% (2599.25 ÷ 259.34: the wrong base, and over 100%);
        // 机关运行经费 26.03 "（与…一致），较上年决算数减少 64.53 万元，降低 247.90%" (64.53 ÷ 26.03: the wrong base again).
        Assert.Equal(4, findings.Count(f => f.Rule == "NR-DECREASE-OVER-100"));
        Assert.Contains(findings, f => f.Rule == "NR-DECREASE-OVER-100" && f.Actual == "247.90%");
        // 本年收入合计 4654.86, up 2485.8: base 2169.06, 114.6% — printed 53.4%.
        Assert.Contains(findings, f => f.Rule == "NR-CHANGE" && f.Actual == "53.4%" && f.Expected == "114.6%");
        Assert.All(findings, f => Assert.Equal(Severity.Error, f.Severity));
    }
}
