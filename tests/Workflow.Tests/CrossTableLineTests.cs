using Approval.Workflow.Checking;
using Approval.Workflow.Disclosure;

namespace Approval.Workflow.Tests;

/// <summary>
/// The line-level identities between 公开表 (DTX-…-LINE, DTX-04-01-CARRYOVER, DTX-08-04, DTX-09-04, DTX-10-07) over seeds
/// 002 and 004: the published figures agree line by line; a figure moved from one line to another (totals unchanged, so
/// no table-level check sees it) is found on both lines.
/// </summary>
public class CrossTableLineTests
{
    [Fact]
    public void The_seeds_agree_line_by_line_except_for_002s_vehicle()
    {
        Assert.DoesNotContain(DisclosureChecker.Check(Seeds.Import(Seeds.GanzhouRongjiang2023).Tables), f => f.Rule.StartsWith("DTX", StringComparison.Ordinal));
        var findings = DisclosureChecker.Check(Seeds.Import(Seeds.ShangraoBigData2021).Tables).Where(f => f.Rule.StartsWith("DTX", StringComparison.Ordinal)).ToList();
        // 公开10 holds one vehicle (6. 特种专业技术用车 = 1); 公开07 counts 0 公务用车 kept with 财政拨款 (运行维护费 0.00):
        // not provably wrong — a 特种专业技术用车 may be paid otherwise — so a warning for the reviewer.
        var vehicles = Assert.Single(findings);
        Assert.Equal(("DTX-10-07", Severity.Warning, "1", "0"), (vehicles.Rule, vehicles.Severity, vehicles.Expected, vehicles.Actual));
    }

    [Fact]
    public void An_expense_moved_between_01s_lines_disagrees_with_03s_categories()
    {
        // 01: 一般公共服务支出 328.25 → 428.25 and 科学技术支出 1,058.22 → 958.22: 本年支出合计 still 1,664.55.
        var tables = Change(Seeds.Import(Seeds.ShangraoBigData2021).Tables, DisclosureTableKind.IncomeExpenditureSummary, r => r.Name switch
        {
            "一、一般公共服务支出" => r with { Values = [428.25m] },
            "六、科学技术支出" => r with { Values = [958.22m] },
            _ => r,
        });
        var errors = Errors(tables);
        Assert.Equal(
        [
            ("DTX-03-01-LINE", "201 一般公共服务支出", -100.00m),   // 03's 201: 328.25 printed, 01's line 428.25
            ("DTX-03-01-LINE", "206 科学技术支出", 100.00m),        // 03's 206: 1,058.22 printed, 01's line 958.22
        ], errors.Select(f => (f.Rule, f.Location.Row!, f.Difference!.Value)));
    }

    [Fact]
    public void An_expense_moved_between_04s_lines_disagrees_with_05s_categories()
    {
        // 04: 资源勘探工业信息等支出 278.08 → 268.08 and 科学技术支出 1,058.22 → 1,068.22 in 小计 and 一般公共预算: totals unchanged.
        var tables = Change(Seeds.Import(Seeds.ShangraoBigData2021).Tables, DisclosureTableKind.FiscalAppropriationSummary, r => r.Name switch
        {
            "十四、资源勘探工业信息等支出" => r with { Values = [268.08m, 268.08m, 0m, 0m] },
            "六、科学技术支出" => r with { Values = [1068.22m, 1068.22m, 0m, 0m] },
            _ => r,
        });
        Assert.Equal(
        [
            ("DTX-05-04-LINE", "206 科学技术支出", -10.00m),            // 05's 206: 1,058.22 against 04's 1,068.22
            ("DTX-05-04-LINE", "215 资源勘探工业信息等支出", 10.00m),   // 05's 215: 278.08 against 04's 268.08
        ], Errors(tables).Select(f => (f.Rule, f.Location.Row!, f.Difference!.Value)));
    }

    [Fact]
    public void Income_moved_from_appropriation_to_another_source_disagrees_with_02s_columns()
    {
        // 01: 一般公共预算财政拨款收入 1,387.15 → 1,382.15 and 事业收入 0.00 → 5.00: 本年收入合计 still 1,387.15.
        var tables = Change(Seeds.Import(Seeds.ShangraoBigData2021).Tables, DisclosureTableKind.IncomeExpenditureSummary, r => r.Name switch
        {
            "一、一般公共预算财政拨款收入" => r with { Values = [1382.15m] },
            "五、事业收入" => r with { Values = [5.00m] },
            _ => r,
        });
        Assert.Equal(
        [
            ("DTX-04-01", "决算数", 5.00m),              // 04's 一般公共预算财政拨款 1,387.15 against 01's 1,382.15 (the table-level check)
            ("DTX-02-01-LINE", "财政拨款收入", 5.00m),   // 02's 财政拨款收入 1,387.15 against 1,382.15 + 0.00 + 0.00
            ("DTX-02-01-LINE", "事业收入", -5.00m),      // 02's 事业收入 0.00 against 5.00
        ], Errors(tables).Select(f => (f.Rule, f.Location.Column!, f.Difference!.Value)));
    }

    [Fact]
    public void Fiscal_carryover_cannot_exceed_all_carryover()
    {
        // 01's 年初结转和结余 277.40 → 270.40 (and 本年收入合计 1,387.15 → 1,394.15 so 01 still balances): 04's 277.40 exceeds it.
        var tables = Change(Seeds.Import(Seeds.ShangraoBigData2021).Tables, DisclosureTableKind.IncomeExpenditureSummary, r => r.Name switch
        {
            "年初结转和结余" => r with { Values = [270.40m] },
            "八、其他收入" => r with { Values = [7.00m] },
            "本年收入合计" => r with { Values = [1394.15m] },
            _ => r,
        });
        var carryover = Assert.Single(Errors(tables), f => f.Rule == "DTX-04-01-CARRYOVER");
        Assert.Equal(("年初财政拨款结转和结余", "≤ 270.40", "277.40", 7.00m), (carryover.Location.Row, carryover.Expected, carryover.Actual, carryover.Difference));
        // 02's 合计 其他收入 0.00 and 本年收入合计 1,387.15 now disagree with 01 as well.
        Assert.Equal(["DTX-02-01", "DTX-02-01-LINE", "DTX-04-01-CARRYOVER"], Errors(tables).Select(f => f.Rule).Order());
    }

    [Fact]
    public void Government_fund_and_state_capital_tables_agree_with_04s_columns()
    {
        // Seed 002's 08 and 09 print an empty 合计 (no figures: nothing to compare). Filled in with spending 04 does not show (0.00):
        var tables = Seeds.Import(Seeds.ShangraoBigData2021).Tables.Select(t => t.Kind switch
        {
            DisclosureTableKind.GovernmentFund => t with { Rows = [new TableRow(null, "", null, "合计", null, [0m, 0m, 5.00m, 0m, 5.00m, 0m])] },
            DisclosureTableKind.StateCapital => t with { Rows = [new TableRow(null, "", null, "合计", null, [3.00m, 0m, 3.00m])] },
            _ => t,
        }).ToList();
        var errors = Errors(tables).Where(f => f.Rule is "DTX-08-04" or "DTX-09-04").ToList();
        Assert.Equal(
        [
            ("DTX-08-04", "本年支出小计", 5.00m),   // 08's 本年支出 5.00 against 04's 本年支出合计 政府性基金 0.00
            ("DTX-09-04", "合计", 3.00m),           // 09's 合计 3.00 against 04's 本年支出合计 国有资本经营 0.00
        ], errors.Select(f => (f.Rule, f.Location.Column!, f.Difference!.Value)));
    }

    [Fact]
    public void More_official_cars_than_vehicles_is_an_error()
    {
        var tables = Change(Seeds.Import(Seeds.ShangraoBigData2021).Tables, DisclosureTableKind.ThreePublicExpenses,
            r => r.Name.Contains("公务用车保有量", StringComparison.Ordinal) ? r with { Values = [null, 2m] } : r);
        var vehicles = Assert.Single(Errors(tables));
        // 07 keeps 2 公务用车, 10 holds 1 vehicle in all.
        Assert.Equal(("DTX-10-07", "≤ 1", "2"), (vehicles.Rule, vehicles.Expected, vehicles.Actual));
    }

    private static List<DisclosureTable> Change(IReadOnlyList<DisclosureTable> tables, DisclosureTableKind kind, Func<TableRow, TableRow> change) =>
        tables.Select(t => t.Kind == kind ? t with { Rows = t.Rows.Select(change).ToList() } : t).ToList();

    private static List<Finding> Errors(IReadOnlyList<DisclosureTable> tables) =>
        DisclosureChecker.Check(tables).Where(f => f.Severity == Severity.Error).ToList();
}
