using Approval.Workflow.Checking;
using Approval.Workflow.DepartmentReport;
using Approval.Workflow.Templates;

namespace Approval.Workflow.Tests;

/// <summary>
/// The 部门整体支出绩效自评表 attached to a 部门整体 report (Data/made-up/overall-form-001.txt: made up from seed 001's
/// figures, since no seed has one): recognised as an attachment of its own, read by the 自评表 parser with 部门名称 for
/// 项目名称, scored by the 自评表 engine, and its 总分 compared with the score the report states (DE-FORM-TOTAL).
/// </summary>
public class OverallFormTests
{
    /// <summary>Seed 001's report with the made-up form inserted before its 项目支出绩效自评报告, as a unit would attach it.</summary>
    public static string Seed001WithForm(Func<string, string>? changeForm = null, Func<string, string>? changeReport = null)
    {
        var form = string.Join("\n", File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", "made-up", "overall-form-001.txt"))
            .Where(l => !l.StartsWith('#')));
        var report = File.ReadAllText(Seeds.PathOf(Seeds.YiyangGovService2021));
        const string projectReport = "\n项目支出绩效自评报告\n";
        Assert.Contains(projectReport, report);
        var at = report.IndexOf(projectReport, StringComparison.Ordinal);
        report = report[..at] + "\n" + (changeForm?.Invoke(form) ?? form) + "\n" + report[at..];
        return changeReport?.Invoke(report) ?? report;
    }

    [Fact]
    public void The_form_is_an_attachment_of_its_own_read_with_the_department_for_the_project()
    {
        var document = DepartmentReportReader.Read(Seed001WithForm());
        Assert.Equal([AttachmentKind.OverallForm, AttachmentKind.ProjectReport, AttachmentKind.SummaryTable], document.Attachments.Select(a => a.Kind));
        Assert.Equal("附件：部门整体支出绩效自评表", document.Attachments[0].Title);
        var form = document.Attachments[0].Form!;
        Assert.Equal(("弋阳县政务服务中心", 2021), (form.Header.ProjectName, form.Header.Year));
        Assert.Equal((240.99m, 241.44m, 241.44m, 10m), (form.Funds.Total.InitialBudget, form.Funds.Total.FullYearBudget, form.Funds.Total.Executed, form.Funds.Weight));
        Assert.Equal(["基本支出", "项目支出"], form.Funds.SubRows.Select(r => r.Name));
        Assert.Equal(70.42m, form.Funds.SubRows[1].Executed);
        Assert.StartsWith("创新政务服务“异地办”", form.Goal.Expected);
        Assert.StartsWith("完成“异地办”", form.Goal.Actual);
        Assert.Equal(9, form.Indicators.Count);
        Assert.Equal(("满意度", "服务对象满意度", "办事群众满意度", 9.68m), (form.Indicators[8].LevelOne, form.Indicators[8].LevelTwo, form.Indicators[8].Name, form.Indicators[8].StatedScore));
        Assert.Equal((100m, 99.68m, "优"), (form.StatedWeightTotal, form.StatedTotal, form.StatedGrade));
        // the report's own sections are as without the form: the form's lines change neither them nor the 落款
        var plain = DepartmentReportReader.Read(File.ReadAllText(Seeds.PathOf(Seeds.YiyangGovService2021)));
        Assert.Equal(plain.Sections.Select(s => s.Heading), document.Sections.Select(s => s.Heading));
        Assert.Equal(plain.Closing, document.Closing);
    }

    [Fact]
    public void The_form_is_scored_by_the_self_evaluation_engine_and_its_total_is_the_reports_score_when_the_text_states_none()
    {
        var text = Seed001WithForm();
        var form = DepartmentReportReader.Read(text).Attachments[0].Form!;
        var result = OverallFormCheck.Evaluate(form);
        Assert.Equal((99.68m, Grade.优), (Money.Round2(result.Total), result.Grade));
        Assert.Empty(result.Findings);

        // Seed 001's text states no 整体 score: the form's 总分 is taken, before the 项目 report's 97.44, and said so.
        var imported = DepartmentReportImport.From(text);
        Assert.Equal((99.68m, "优"), (imported.StatedScore, imported.StatedGrade));
        Assert.StartsWith("所附部门整体支出绩效自评表的总分", imported.StatedScoreSource);
        var (findings, notes) = DepartmentReportChecker.Check(imported);
        Assert.DoesNotContain(findings, f => f.Rule == "DE-FORM-TOTAL");
        Assert.Contains(findings, f => f.Rule == "DE-SCORE-SOURCE");
        Assert.Contains(notes, n => n.Done && n.What.Contains("DE-FORM-TOTAL") && n.Detail.Contains("按规则计算 99.68 分（优）"));
    }

    [Fact]
    public void A_report_stating_another_score_than_its_forms_total_is_a_finding()
    {
        // The report's text says 97.44 (its projects' average), the attached form totals 99.68.
        var text = Seed001WithForm(changeReport: r => r.Replace("二、政务服务中心整体支出实现情况\n", "二、政务服务中心整体支出实现情况\n\n经自评，部门整体支出绩效自评得分 97.44 分，评价等级为优。\n", StringComparison.Ordinal));
        var imported = DepartmentReportImport.From(text);
        Assert.Equal(97.44m, imported.StatedScore);
        var finding = Assert.Single(DepartmentReportChecker.Check(imported).Findings, f => f.Rule == "DE-FORM-TOTAL");
        Assert.Equal((Severity.Error, "99.68", "97.44", -2.24m), (finding.Severity, finding.Expected, finding.Actual, finding.Difference));
        Assert.Equal("报告所写自评得分 97.44 分，所附部门整体支出绩效自评表总分为 99.68 分", finding.Message);
    }

    [Fact]
    public void The_forms_own_arithmetic_is_checked_as_a_project_forms_is_and_named_as_the_departments()
    {
        // 总分 printed 98.68 where its scores add to 99.68; a 满意度 score of 9.8 where 92% of ≥95% gives 9.68.
        var text = Seed001WithForm(changeForm: f => f.Replace("总分\t\t\t\t\t\t100\t99.68", "总分\t\t\t\t\t\t100\t98.68", StringComparison.Ordinal)
            .Replace("\t10\t9.68\t", "\t10\t9.8\t", StringComparison.Ordinal));
        var (findings, _) = DepartmentReportChecker.Check(DepartmentReportImport.From(text));
        var form = findings.Where(f => f.Location.Document == OverallFormCheck.Document).ToList();
        Assert.Contains(form, f => f.Rule.StartsWith("SE-", StringComparison.Ordinal) && f.Message.Contains("办事群众满意度"));
        Assert.Contains(form, f => f.Rule.StartsWith("SE-", StringComparison.Ordinal) && f.Location.ToString().Contains("总分"));
        Assert.DoesNotContain(findings, f => f.Location.Document.StartsWith("项目支出绩效自评表", StringComparison.Ordinal));
    }

    [Fact]
    public void A_report_without_the_form_says_the_check_did_not_run()
    {
        var (findings, notes) = DepartmentReportChecker.Check(DepartmentReportImport.From(File.ReadAllText(Seeds.PathOf(Seeds.YiyangGovService2021))));
        Assert.DoesNotContain(findings, f => f.Location.Document == OverallFormCheck.Document);
        Assert.Contains(notes, n => !n.Done && n.Detail == "报告未附部门整体支出绩效自评表");
    }
}
