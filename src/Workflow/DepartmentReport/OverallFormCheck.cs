using Approval.Workflow.Checking;
using Approval.Workflow.SelfEvaluation;
using Approval.Workflow.Submissions;

namespace Approval.Workflow.DepartmentReport;

/// <summary>
/// The 部门整体支出绩效自评表 attached to the report, scored by the 自评表 engine under the same rules as a project's form
/// (weights of the template, 执行率, Σ scores = 总分, grade band), its findings named as the 整体's form; and its 总分
/// against the score the report states (DE-FORM-TOTAL).
/// </summary>
public static class OverallFormCheck
{
    public const string Document = "部门整体支出绩效自评表";

    /// <summary>The form's result with its findings located in the 部门整体 form rather than a project's.</summary>
    public static SelfEvaluationResult Evaluate(ProjectSelfEvaluationForm form)
    {
        var result = SelfEvaluationEngine.Evaluate(form);
        return result with { Findings = [.. result.Findings.Select(f => f with { Location = f.Location with { Document = Document } })] };
    }

    public static void Check(DepartmentSelfEvaluation report, DepartmentReportDocument document, List<Finding> findings, List<CheckNote> notes)
    {
        const string note = "所附部门整体支出绩效自评表（按自评表规则评分；DE-FORM-TOTAL）";
        var attachment = document.Attachments.FirstOrDefault(a => a.Kind == AttachmentKind.OverallForm);
        if (attachment?.Form is not { } form)
        {
            notes.Add(new CheckNote(note, false, attachment is null ? "报告未附部门整体支出绩效自评表" : "所附部门整体支出绩效自评表无法按单元格读取，未评分"));
            return;
        }
        var result = Evaluate(form);
        findings.AddRange(result.Findings);
        var total = Money.Round2(result.Total);
        var stated = form.StatedTotal;
        if (stated is { } printed && report.StatedScore is { } score && printed != score)
            findings.Add(new Finding("DE-FORM-TOTAL", Severity.Error, new FindingLocation(Document, "总分", "总分"), Money.Format(printed), Money.Format(score), score - printed,
                $"报告所写自评得分 {score} 分，所附部门整体支出绩效自评表总分为 {printed} 分"));
        notes.Add(new CheckNote(note, true,
            $"{form.Indicators.Count} 项指标，按规则计算 {Money.Format(total)} 分（{result.Grade}）" +
            (stated is null ? "，表中未填总分" : $"，表中总分 {stated} 分") +
            (report.StatedScore is { } s ? $"，报告自评得分 {s} 分" : "") +
            (result.Findings.Count == 0 ? "；表内未发现问题" : $"；表内发现 {result.Findings.Count} 处问题")));
    }
}
