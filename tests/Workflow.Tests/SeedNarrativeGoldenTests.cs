using Approval.Workflow.Checking;
using Approval.Workflow.Narrative;

namespace Approval.Workflow.Tests;

/// <summary>The 情况说明 against its own package: its figures against the 公开表, its "其中" lists against their wholes, its projects against their 自评表.</summary>
public class SeedNarrativeGoldenTests
{
    private static IReadOnlyList<Finding> PackageFindings(string seed)
    {
        var report = Seeds.Import(seed);
        return PackageNarrativeChecker.Check(report.Narrative, report.Tables, report.Forms);
    }

    [Fact]
    public void Seed_002_narrative_and_attached_report_disagree_with_its_own_tables_and_form_in_six_places()
    {
        Assert.Equal(
        [
            // 四、基本支出 section: "工资福利支出294.39万元" — 公开06's 301 is 281.27; 294.39 is 06's 人员经费合计 (301 281.27 + 303 13.12).
            ("NT-FIGURE-TABLE", Severity.Error, 13.12m),
            // "基本支出328.25万元，其中：（一）工资福利 294.39（二）商品和服务 33.65（三）对个人和家庭补助 13.12（四）资本性 0.2" = 341.36:
            // 13.12 counted twice. 341.36 − 328.25 = 13.11 > tolerance (4 + 1) × 0.005.
            ("NT-PARTS-EXCEED", Severity.Error, 13.11m),
            // "赣服通自评得分为95分", its 自评表 says 总分 87.5 (and its printed scores add to 81.0).
            ("NT-PROJECT-SCORE", Severity.Error, 7.5m),
            // The attached "“赣服通”上饶分厅 4.0 版绩效自评报告", its 资金使用情况 table "443 321 72.5": 预算金额 443 − the form's 428 = 15;
            // 实际出资额 321 agrees; 72.5% (321 ÷ 443) − the form's 321 ÷ 428 = 75.00% → −2.5.
            ("NT-REPORT-FUNDS", Severity.Error, 15m),
            ("NT-REPORT-FUNDS", Severity.Error, -2.5m),
            // Its 综合评价结论 "项目总体得分为 95" − the form's 总分 87.5 = 7.5.
            ("NT-REPORT-SCORE", Severity.Error, 7.5m),
        ], PackageFindings(Seeds.ShangraoBigData2021).Select(f => (f.Rule, f.Severity, f.Difference!.Value)));
    }

    [Fact]
    public void Seed_002_figures_that_agree_are_found_in_the_right_tables()
    {
        var tables = Seeds.Import(Seeds.ShangraoBigData2021).Tables;
        // Each quoted in the 情况说明 and equal (within the rounding of its printed digits) to the table's figure.
        Assert.Equal(277.40m, TableFigures.Resolve("年初结转和结余", tables)!.Value);   // "年初结转和结余 277.4 万元"
        Assert.Equal(1387.15m, TableFigures.Resolve("本年收入合计", tables)!.Value);    // "本年收入合计 1387.15 万元"
        Assert.Equal(1664.55m, TableFigures.Resolve("支出总计", tables)!.Value);        // "支出总计 1664.55 万元"
        Assert.Equal(0m, TableFigures.Resolve("年末结转和结余", tables)!.Value);        // "年末结转和结余 0 万元"
        Assert.Equal(1664.55m, TableFigures.Resolve("财政拨款支出", tables)!.Value);    // 公开04: "决算数为1664.55万元"
        Assert.Equal(1336.30m, TableFigures.Resolve("项目支出", tables)!.Value);        // 公开03: "项目支出 1336.3 万元"
        Assert.Equal(328.25m, TableFigures.Resolve("一般公共预算财政拨款基本支出", tables)!.Value); // 公开05
        // The 三公 table is 公开07 in this package: found by kind, its 决算数 column.
        var threePublic = TableFigures.Resolve("三公经费", tables)!;
        Assert.Equal((7.11m, "公开07表“三公”经费支出决算数"), (threePublic.Value, threePublic.Where));
        Assert.Equal(7.11m, TableFigures.Resolve("公务接待费", tables)!.Value);
        // "机关运行经费支出 33.85 万元": 06's 公用经费合计 is printed 33.86 (its lines add to 33.85) — within 0.005 + 0.005, no finding.
        Assert.False(TableFigures.Resolve("机关运行经费", tables)!.Strict);
        Assert.Equal(33.86m, TableFigures.Resolve("机关运行经费", tables)!.Value);
        // 06's classes are strict only in the 基本支出 section.
        Assert.True(TableFigures.Resolve("工资福利支出", tables, basicScope: true)!.Strict);
        Assert.False(TableFigures.Resolve("工资福利支出", tables)!.Strict);
    }

    [Fact]
    public void Seed_002_project_summaries_that_agree_with_their_forms_pass()
    {
        // "大楼智能化维保项目绩效自评得分为99.8分。项目全年预算数为220万元，执行数为215万元，完成预算的97.7%" — the form 「智能化维保」:
        // 总分 99.8, 220 / 215, 215 ÷ 220 = 97.73% (97.7 within half a unit). 赣服通: 428 / 321, 75% — only its score differs.
        Assert.DoesNotContain(PackageFindings(Seeds.ShangraoBigData2021), f => f.Rule == "NT-PROJECT-FUNDS");
        Assert.DoesNotContain(PackageFindings(Seeds.ShangraoBigData2021), f => f.Location.Row!.Contains("智能化维保", StringComparison.Ordinal));
    }

    [Fact]
    public void Seed_000_lists_basic_expenditure_parts_far_short_of_its_whole()
    {
        // "基本支出 1139.62 万元，其中：（一）工资福利 719.81（二）商品和服务 37.14（三）对个人和家庭补助 0（四）资本性 0" = 756.95;
        // 1139.62 is also its 一般公共服务支出's 决算数: a part is missing, or the whole is wrong. No tables to tell: a warning.
        var finding = Assert.Single(PackageFindings(Seeds.ShangraoGovService2021));
        Assert.Equal(("NT-PARTS-SHORT", Severity.Warning, -382.67m), (finding.Rule, finding.Severity, finding.Difference!.Value));
    }

    [Fact]
    public void Seed_003_lists_four_classes_that_do_not_make_up_its_appropriation_spending()
    {
        // "财政拨款本年支出…决算数为4744.92万元…其中：（一）1707.45（二）64.67（三）24.95（四）37.12" = 1834.19, short by 2910.73.
        var finding = Assert.Single(PackageFindings(Seeds.JingdezhenAdminService2022));
        Assert.Equal(("NT-PARTS-SHORT", Severity.Warning, -2910.73m), (finding.Rule, finding.Severity, finding.Difference!.Value));
    }

    [Fact]
    public void Seed_004_narrative_agrees_with_its_tables()
    {
        // 基本支出 117.23 = 105.01 + 12.22 + 0.00 + 0.00; 财政拨款支出 1112.22 vs its six 类 1112.21 (within 7 × 0.005);
        // 机关运行经费 0.00 against 06's 公用经费 12.22 is not compared: "本部门不是行政单位…故无机关运行经费支出".
        Assert.Empty(PackageFindings(Seeds.GanzhouRongjiang2023));
    }

    [Fact]
    public void A_breakdown_in_one_clause_never_counts_a_change_or_a_budget_as_a_part()
    {
        Assert.Null(Breakdowns.InClause("收入总计1664.55万元，其中年初结转和结余277.4万元，较2020年减少3074.41万元"));
        var cars = Breakdowns.InClause("公务用车购置及运行维护费支出0.5万元，其中公务用车购置年初预算数为3万元，决算数为0.2万元，运行维护费0.3万元")!;
        Assert.Equal([0.2m, 0.3m], cars.Parts);
    }

    [Fact]
    public void The_check_command_shows_the_package_findings_under_the_narrative()
    {
        var narrative = Seeds.Check(Seeds.ShangraoBigData2021).Documents.Single(d => d.Kind == ReportChecker.NarrativeKind);
        Assert.Contains(narrative.Findings, f => f.Rule == "NT-PROJECT-SCORE");
        Assert.Contains(narrative.Findings, f => f.Rule == "NT-PARTS-EXCEED");
    }

    [Fact]
    public void A_finding_under_a_Markdown_heading_names_its_place_without_the_markup()
    {
        // Seed 002's "#### **四、一般公共预算财政拨款基本支出决算情况说明**" runs into the sentence its NT-FIGURE-TABLE quotes.
        var finding = PackageFindings(Seeds.ShangraoBigData2021).First(f => f.Rule == "NT-FIGURE-TABLE");
        Assert.StartsWith("四、一般公共预算财政拨款基本支出决算情况说明", finding.Location.Row, StringComparison.Ordinal);
        Assert.All(PackageFindings(Seeds.ShangraoBigData2021), f => Assert.DoesNotMatch(@"[#*]|</?b>", f.Location.Row!));
    }
}
