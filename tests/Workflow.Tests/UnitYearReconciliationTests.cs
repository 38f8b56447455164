using Approval.Workflow.Checking;
using Approval.Workflow.DepartmentReport;
using Approval.Workflow.Reconciliation;
using Approval.Workflow.Submissions;

namespace Approval.Workflow.Tests;

/// <summary>跨报告核对 (#29) on the seeds that hold both 自评表 and 决算 tables: 002 (上饶市大数据 2021) and 004 (赣州蓉江 2023).</summary>
public class UnitYearReconciliationTests
{
    private static UnitYearReports Reports(string seed, decimal? declared = null, Func<Approval.Workflow.SelfEvaluation.ProjectSelfEvaluationForm, Approval.Workflow.SelfEvaluation.ProjectSelfEvaluationForm>? change = null)
    {
        var report = Seeds.Import(seed);
        return new UnitYearReports(
            [.. report.Forms.Select(f => change?.Invoke(f) ?? f).Select(f => new RelatedProject(f.Header.ProjectName, f))],
            new RelatedDisclosure("部门决算公开", new DisclosurePackage(report.Tables, report.Narrative)),
            null, null, null, declared);
    }

    private static ReconciliationLine Line(UnitYearReports reports, string id) => UnitYearReconciliation.Of(reports).Single(l => l.Id == id);

    [Theory]
    [InlineData(Seeds.ShangraoBigData2021, 536.00, 1336.30, "40.11%")]     // 智能化维保 215 + 赣服通 321
    [InlineData(Seeds.GanzhouRongjiang2023, 221.25, 994.99, "22.24%")]     // 123.95 + 97.3 (the total lines as printed)
    public void The_seeds_forms_spent_within_their_units_project_expenditure(string seed, decimal executed, decimal projects, string share)
    {
        var line = Line(Reports(seed), "RC-FORMS-DISCLOSURE");
        Assert.Equal((ReconciliationVerdict.Agrees, executed, projects), (line.Verdict, line.Left, line.Right));
        Assert.Contains(share, line.Detail);
        Assert.Contains("公开03表合计行项目支出", line.Detail);
    }

    [Fact]
    public void Forms_that_spent_more_than_the_whole_project_expenditure_differ()
    {
        var reports = Reports(Seeds.GanzhouRongjiang2023, change: f => f.Header.ProjectName == "大厅日常运行维护经费"
            ? f with { Funds = f.Funds with { Total = f.Funds.Total with { Executed = 900m } } }
            : f);
        var line = Line(reports, "RC-FORMS-DISCLOSURE");
        Assert.Equal(ReconciliationVerdict.Differs, line.Verdict);
        Assert.Contains("合计 997.30 万元，超过公开03表合计行项目支出 994.99 万元 2.31 万元", line.Detail);
    }

    [Fact]
    public void The_summarys_declared_project_expenditure_against_the_disclosure()
    {
        Assert.Equal(ReconciliationVerdict.Agrees, Line(Reports(Seeds.ShangraoBigData2021, declared: 1336.30m), "RC-DECLARED-DISCLOSURE").Verdict);
        var differs = Line(Reports(Seeds.ShangraoBigData2021, declared: 1300m), "RC-DECLARED-DISCLOSURE");
        Assert.Equal(ReconciliationVerdict.Differs, differs.Verdict);
        Assert.Contains("相差 -36.30 万元", differs.Detail);
        Assert.Equal(ReconciliationVerdict.NotChecked, Line(Reports(Seeds.ShangraoBigData2021), "RC-DECLARED-DISCLOSURE").Verdict);
    }

    [Fact]
    public void What_is_missing_or_unscored_is_never_said_to_agree()
    {
        var nothing = new UnitYearReports([], null, null, null, null, null);
        Assert.All(UnitYearReconciliation.Of(nothing), l => Assert.Equal(ReconciliationVerdict.NotChecked, l.Verdict));

        var unscored = Reports(Seeds.ShangraoBigData2021) with { Department = new ScoredReport("部门整体", null), DisclosureScore = new ScoredReport("决算公开", null) };
        Assert.Equal(ReconciliationVerdict.NotChecked, Line(unscored, "RC-DEPARTMENT-DISCLOSURE").Verdict);
        Assert.Contains("尚未按当前内容评分", Line(unscored, "RC-NARRATIVE-TABLES").Detail);

        // a 部门整体 report scored before the package was filed was never compared with it
        var early = unscored with { Department = new ScoredReport("部门整体", [], [new CheckNote("与本单位同年度部门决算公开核对（DE-FIGURE-DISCLOSURE）", false, "系统中没有本单位同年度的部门决算公开")]) };
        Assert.Equal(ReconciliationVerdict.NotChecked, Line(early, "RC-DEPARTMENT-DISCLOSURE").Verdict);

        var finding = new Finding("NT-THREE-PUBLIC", Severity.Error, new FindingLocation("情况说明"), "1.00", "2.00", 1m, "“三公”经费说明 2.00 万元，公开07表为 1.00 万元");
        var checkedOnes = unscored with
        {
            DisclosureScore = new ScoredReport("决算公开", [finding]),
            Department = new ScoredReport("部门整体", [], [new CheckNote("与本单位同年度部门决算公开核对（DE-FIGURE-DISCLOSURE）", true, "核对了 2 个数")]),
        };
        Assert.Equal((ReconciliationVerdict.Differs, true), (Line(checkedOnes, "RC-NARRATIVE-TABLES").Verdict, Line(checkedOnes, "RC-NARRATIVE-TABLES").Detail.Contains("公开07表为 1.00", StringComparison.Ordinal)));
        Assert.Equal(ReconciliationVerdict.Agrees, Line(checkedOnes, "RC-DEPARTMENT-DISCLOSURE").Verdict);
    }
}
