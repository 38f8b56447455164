using Approval.Workflow.Checking;
using Approval.Workflow.DepartmentReport;
using Approval.Workflow.Disclosure;
using Approval.Workflow.SelfEvaluation;
using Approval.Workflow.Submissions;

namespace Approval.Workflow.Tests;

/// <summary>
/// Seed 001's report checked against the unit's own 决算公开 and 项目支出绩效自评表 of 2021, given as inputs. The seed
/// quotes: 决算收入 241.44, 决算支出 241.44, 财政拨款支出 241.44 (其中 工资福利 149.72 + 日常公用 91.72), 商品服务支出决算数 91.73;
/// its attachments give 97.44 (项目 report) and 自评价平均分 97.44 (the 汇总审核表).
/// </summary>
public class DepartmentReportCheckerTests
{
    private static readonly DepartmentSelfEvaluation Seed001 = new(Seeds.Import(Seeds.YiyangGovService2021).Narrative, 97.44m, "优秀");

    private static TableRow Row(string section, string name, decimal value, string? code = null) => new(null, section, code, name, null, [value]);

    /// <summary>A 决算公开 package with the few rows the report quotes: 01's two 合计, 04's 支出合计, 06's 301/302 and 合计.</summary>
    private static RelatedDisclosure Package(decimal fiscalExpense, decimal goods) => new("2021年度部门决算公开", new DisclosurePackage(
    [
        new DisclosureTable(DisclosureTableKind.IncomeExpenditureSummary, "01", "收入支出决算总表", ["决算数"],
            [Row("收入", "一、一般公共预算财政拨款收入", 241.44m), Row("收入", "本年收入合计", 241.44m), Row("支出", "本年支出合计", 241.44m)]),
        new DisclosureTable(DisclosureTableKind.FiscalAppropriationSummary, "04", "财政拨款收入支出决算总表", ["合计"],
            [Row("收入", "本年收入合计", fiscalExpense), Row("支出", "本年支出合计", fiscalExpense)]),
        new DisclosureTable(DisclosureTableKind.GeneralBudgetBasicExpenditure, "06", "一般公共预算财政拨款基本支出决算表", ["决算数"],
            [Row("人员经费", "工资福利支出", 149.72m, "301"), Row("公用经费", "商品和服务支出", goods, "302")])
        {
            StatedTotals = new Dictionary<string, decimal> { ["人员经费合计"] = 149.72m, ["公用经费合计"] = goods },
        },
    ], ""));

    private static RelatedProject Project(string name, decimal total) => new(name, new ProjectSelfEvaluationForm
    {
        Header = new ProjectHeader(name, "弋阳县政务服务中心", "弋阳县政务服务中心", 2021),
        Funds = new FundsBlock { Total = new FundsLine("年度资金总额", 10, 10, 10) },
        Indicators = [],
        StatedTotal = total,
    });

    [Fact]
    public void Without_related_reports_the_notes_say_what_was_not_checked_and_the_staffing_breakdown_exceeds_its_total()
    {
        var (findings, notes) = DepartmentReportChecker.Check(Seed001);
        // "编制人数共 10 人，其中…事业编制人数为 7 人，补助事业编制 4 人": 7 + 4 = 11 > 10. (实有 25 = 7 + 1 + 4 + 13 passes.)
        var staffing = Assert.Single(findings, f => f.Rule == "DE-PARTS-EXCEED");
        Assert.Equal("7 + 4 = 11人", staffing.Actual);
        Assert.Equal(1m, staffing.Difference);
        Assert.Equal("一、部门概述和基本情况", staffing.Location.Table);
        // 97.44 is not the 整体's own figure: the reviewer is told where it came from.
        Assert.Contains(findings, f => f.Rule == "DE-SCORE-SOURCE" && f.Message.Contains("所附项目支出绩效自评报告", StringComparison.Ordinal));
        Assert.DoesNotContain(findings, f => f.Rule is "DE-GRADE-BAND" or "DE-SECTION-MISSING" or "DE-FIGURE-DISCLOSURE" or "DE-PROJECT-AVERAGE");
        var disclosure = Assert.Single(notes, n => n.What.Contains("DE-FIGURE-DISCLOSURE", StringComparison.Ordinal));
        Assert.False(disclosure.Done);
        Assert.Contains("系统中没有本单位同年度的部门决算公开", disclosure.Detail);
        Assert.Contains("财政拨款支出", disclosure.Detail);
        Assert.False(Assert.Single(notes, n => n.What.Contains("DE-PROJECT-SCORE", StringComparison.Ordinal)).Done);
        Assert.True(Assert.Single(notes, n => n.What.Contains("DE-GRADE-BAND", StringComparison.Ordinal)).Done);
    }

    [Fact]
    public void Quoted_figures_agree_with_a_matching_package_and_the_project_average_with_the_forms()
    {
        // 04 本年支出合计 241.44 = the quoted 财政拨款支出; 06's 302 91.73 = the quoted 商品服务支出决算数; (95.38 + 99.5) ÷ 2 = 97.44.
        var related = new RelatedReports(Package(241.44m, 91.73m), [Project("政府购买工作人员14名", 95.38m), Project("公共资源交易中心日常运转", 99.5m)]);
        var (findings, notes) = DepartmentReportChecker.Check(Seed001, related);
        Assert.DoesNotContain(findings, f => f.Rule.StartsWith("DE-FIGURE", StringComparison.Ordinal) || f.Rule.StartsWith("DE-PROJECT", StringComparison.Ordinal));
        var disclosure = Assert.Single(notes, n => n.What.Contains("DE-FIGURE-DISCLOSURE", StringComparison.Ordinal));
        Assert.True(disclosure.Done);
        Assert.Contains("核对了 7 个数（决算收入、决算支出、工资福利支出、商品和服务支出、财政拨款支出、公用经费）", disclosure.Detail); // 工资福利支出 twice: 决算数 149.72 and 其中 149.72
        Assert.Contains("平均分 97.44 分，报告写 97.44 分", Assert.Single(notes, n => n.What.Contains("DE-PROJECT-SCORE", StringComparison.Ordinal)).Detail);
    }

    [Fact]
    public void A_quoted_figure_that_differs_from_the_package_is_found_at_its_sentence()
    {
        // 04 says 240.00: the quoted 241.44 is 1.44 off (beyond 0.005 + 0.005) → error. 06's 302 is 91.70: the quoted 91.73 is 0.03 off →
        // a warning only (06 covers the 一般公共预算财政拨款 基本支出 alone). 公用经费合计 91.70 vs the quoted 日常公用支出 91.72: 0.02 → warning.
        var (findings, _) = DepartmentReportChecker.Check(Seed001, new RelatedReports(Package(240.00m, 91.70m), []));
        var fiscal = Assert.Single(findings, f => f.Rule == "DE-FIGURE-DISCLOSURE" && f.Severity == Severity.Error);
        Assert.Equal(("240.00", "241.44", 1.44m), (fiscal.Expected, fiscal.Actual, fiscal.Difference));
        Assert.StartsWith("2021年财政拨款支出为241.44万元", fiscal.Location.Row);
        Assert.Equal("一、部门概述和基本情况", fiscal.Location.Table);
        Assert.Contains("公开04表本年支出合计", fiscal.Message);
        var warnings = findings.Where(f => f.Rule == "DE-FIGURE-DISCLOSURE" && f.Severity == Severity.Warning).ToList();
        Assert.Equal([0.03m, 0.02m], warnings.Select(w => w.Difference).OrderDescending());
    }

    [Fact]
    public void A_project_average_that_differs_from_the_forms_is_an_error_with_its_arithmetic()
    {
        // The forms say 95.38 and 98.5: (95.38 + 98.5) ÷ 2 = 96.94, the report's 汇总审核表 says 97.44.
        var (findings, _) = DepartmentReportChecker.Check(Seed001, new RelatedReports(null, [Project("政府购买工作人员14名", 95.38m), Project("公共资源交易中心日常运转", 98.5m)]));
        var average = Assert.Single(findings, f => f.Rule == "DE-PROJECT-AVERAGE");
        Assert.Equal(("96.94", "97.44", 0.50m), (average.Expected, average.Actual, average.Difference));
        Assert.Contains("（95.38 + 98.5）÷ 2", average.Message);
    }

    [Fact]
    public void A_project_score_quoted_in_the_text_is_compared_with_its_form()
    {
        var report = new DepartmentSelfEvaluation("整体支出绩效自评报告\n一、部门概述\n其中网上中介超市建设项目自评得分 92.5 分，评价为优。", 92.5m, "优");
        // the form's 总分 is 90.5: the quoted 92.5 is 2 more
        var (findings, _) = DepartmentReportChecker.Check(report, new RelatedReports(null, [Project("网上中介超市建设", 90.5m)]));
        var score = Assert.Single(findings, f => f.Rule == "DE-PROJECT-SCORE");
        Assert.Equal(("90.50", "92.50", 2m), (score.Expected, score.Actual, score.Difference));
    }

    [Fact]
    public void Seed_001s_report_quoting_a_project_score_its_form_does_not_give_is_the_documented_error()
    {
        // docs/rules.md's DE-PROJECT-SCORE example: seed 001's "招聘政府购买工作人员 14 名，全面完成。" quoting 自评得分 96.38 分;
        // the form's 总分 is 95.38 → error 1.
        const string passage = "招聘政府购买工作人员 14 名，全面完成。";
        Assert.Contains(passage, Seed001.Narrative, StringComparison.Ordinal);
        var report = Seed001 with { Narrative = Seed001.Narrative.Replace(passage, "招聘政府购买工作人员 14 名，自评得分 96.38 分。", StringComparison.Ordinal) };
        var related = new RelatedReports(null, [Project("政府购买工作人员14名", 95.38m), Project("公共资源交易中心日常运转", 99.5m)]);
        Assert.DoesNotContain(DepartmentReportChecker.Check(Seed001, related).Findings, f => f.Rule == "DE-PROJECT-SCORE");
        var score = Assert.Single(DepartmentReportChecker.Check(report, related).Findings, f => f.Rule == "DE-PROJECT-SCORE");
        Assert.Equal((Severity.Error, "95.38", "96.38", 1m), (score.Severity, score.Expected, score.Actual, score.Difference));
    }

    [Fact]
    public void A_grade_outside_the_band_of_the_score_is_an_error()
    {
        var (findings, _) = DepartmentReportChecker.Check(Seed001 with { StatedScore = 88m, StatedGrade = "优秀" });
        var band = Assert.Single(findings, f => f.Rule == "DE-GRADE-BAND");
        Assert.Equal(("良", "优秀"), (band.Expected, band.Actual));
    }

    [Theory]
    [InlineData(97.44, "优秀", 0)]
    [InlineData(97.44, "优", 0)]
    [InlineData(88, "优秀", 1)]
    [InlineData(88, "良好", 2)]
    public void The_entered_score_and_grade_agree_with_the_ones_the_text_states(double score, string grade, int found)
    {
        var text = Seed001.Narrative.Replace("一、部门概述和基本情况", "一、部门概述和基本情况\n经自评，部门整体支出绩效自评得分 97.44 分，评价等级为优秀。", StringComparison.Ordinal);

        var (findings, notes) = DepartmentReportChecker.Check(new DepartmentSelfEvaluation(text, (decimal)score, grade));

        Assert.Equal(found, findings.Count(f => f.Rule == "DE-SCORE-TEXT"));
        Assert.True(Assert.Single(notes, n => n.What.Contains("DE-SCORE-TEXT", StringComparison.Ordinal)).Done);
    }

    [Fact]
    public void A_text_that_states_no_score_of_its_own_is_not_compared()
    {
        var (findings, notes) = DepartmentReportChecker.Check(Seed001 with { StatedScore = 50m });

        Assert.DoesNotContain(findings, f => f.Rule == "DE-SCORE-TEXT");
        Assert.False(Assert.Single(notes, n => n.What.Contains("DE-SCORE-TEXT", StringComparison.Ordinal)).Done);
    }
}
