using Approval.Workflow.Import;
using Approval.Workflow.SelfEvaluation;

namespace Approval.Workflow.DepartmentReport;

/// <summary>
/// The 部门整体支出绩效自评表 attached to a 部门整体 report, read by the 项目支出绩效自评表 parser: the form is that table with
/// 部门名称 for 项目名称 and 年度预算 (基本支出 / 项目支出) for 项目资金. Only a form laid out in cells (tab-separated) is
/// read; a table broken up by a PDF is left as its lines.
/// </summary>
public static class OverallFormReader
{
    public static ProjectSelfEvaluationForm? Read(IReadOnlyList<(int Line, string Text)> region)
    {
        if (!region.Any(l => l.Text.Contains('\t'))) return null;
        var issues = new List<ImportIssue>();
        var form = SelfEvaluationFormParser.Parse(region, issues);
        return issues.Any(i => i.Fatal) ? null : form;
    }
}
