using Approval.Workflow.Checking;
using Approval.Workflow.Import;

namespace Approval.Workflow.Tests;

/// <summary>Issue #27: `check` runs the 部门整体 rules (DE-) on a 部门整体支出绩效自评报告, as the app does.</summary>
public class DepartmentReportInCheckTests
{
    [Fact]
    public void Seed_001_is_checked_as_a_department_report_with_its_held_out_staffing_mistake()
    {
        var report = Seeds.Check(Seeds.YiyangGovService2021);
        var department = Assert.Single(report.Documents, d => d.Kind == ReportChecker.DepartmentKind);
        Assert.Equal("弋阳县政务服务中心2021年度部门整体支出绩效自评报告", department.Title);
        var staffing = Assert.Single(department.Findings, f => f.Rule == "DE-PARTS-EXCEED");
        Assert.Equal("7 + 4 = 11人", staffing.Actual);
        Assert.Contains(department.Findings, f => f.Rule == "DE-SCORE-SOURCE");
        // Read and checked, and says what was not: the 公开表 it quotes are not in the file.
        Assert.True(department.Checked > 0);
        Assert.Contains("未核对：与本单位同年度部门决算公开核对", department.Reading);
        // Said to a CLI user, who has no records in an app: the file holds no 公开表, not "the system".
        Assert.Contains("所查文件中没有部门决算公开（check 只与同一文件中的表核对", department.Reading);
        Assert.DoesNotContain("系统中", department.Reading);
        // Not checked twice as a 情况说明 as well.
        Assert.DoesNotContain(report.Documents, d => d.Kind == ReportChecker.NarrativeKind);
        Assert.Equal(1, CheckReportFormatter.ExitCode(report));
    }

    [Theory]
    [InlineData("评价等级为良", true)]
    [InlineData("评价等级为优", false)]
    public void A_small_department_report_has_its_grade_checked_against_its_score(string grade, bool wrong)
    {
        var text = $"""
            某某县文化馆2023年度部门整体支出绩效自评报告

            一、部门概述
            本馆编制人数共8人，其中事业编制6人，工勤编制2人。
            二、部门整体支出绩效目标
            全年完成公共文化服务活动。
            三、绩效目标实现情况
            经自评，部门整体支出绩效自评得分92分，{grade}。
            四、存在的问题及改进措施
            经费执行进度偏慢。
            五、绩效自评结果应用
            结果用于下年度预算安排。
            """;
        var report = ReportChecker.Check(ReportTextImporter.ReadText(text, "dept.txt"));
        var department = Assert.Single(report.Documents, d => d.Kind == ReportChecker.DepartmentKind);
        Assert.Equal(wrong, department.Findings.Any(f => f.Rule == "DE-GRADE-BAND"));
        Assert.Equal(wrong ? 1 : 0, CheckReportFormatter.ExitCode(report));
    }
}
