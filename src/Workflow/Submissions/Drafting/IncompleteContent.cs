using Approval.Workflow.SelfEvaluation;

namespace Approval.Workflow.Submissions.Drafting;

/// <summary>
/// Content as JSON may send it: any part left out or null. Such content is refused with the part named before any
/// rule reads it (a null where the model expects a value would otherwise be a crash, not an answer).
/// </summary>
public static class IncompleteContent
{
    public static string? Problem(SubmissionContent content) =>
        (content.Attachments is null || content.Attachments.Any(a => a is null) ? "附件列表（attachments）不完整" : null)
        ?? (content.ProjectForm is { } form ? Of(form) : null)
        ?? (content.Department is { } d && d.Narrative is null ? "缺少报告正文（department.narrative）；没有正文时请传空字符串" : null)
        ?? (content.Disclosure is { } p ? Of(p) : null);

    private static string? Of(ProjectSelfEvaluationForm form)
    {
        if (form.Header is null) return "缺少自评表表头（projectForm.header）";
        if (form.Header.ProjectName is null) return "缺少项目名称（projectForm.header.projectName）";
        if (form.Funds is null || form.Funds.Total is null) return "缺少项目资金（projectForm.funds.total）";
        if (form.Funds.Total.Name is null) return "项目资金缺少名称（projectForm.funds.total.name）";
        if (form.Funds.SubRows is null || form.Funds.SubRows.Any(r => r?.Name is null)) return "资金来源明细不完整（projectForm.funds.subRows）";
        if (form.Goal is null || form.Goal.Expected is null || form.Goal.Actual is null) return "年度总体目标不完整（projectForm.goal）";
        if (form.StatedLevelOneWeights is null) return "一级指标分值不完整（projectForm.statedLevelOneWeights）";
        if (form.Indicators is null) return "缺少绩效指标（projectForm.indicators）";
        for (var i = 0; i < form.Indicators.Count; i++)
        {
            var row = form.Indicators[i];
            if (row is null) return $"第 {i + 1} 个绩效指标为空（null）";
            if (row.Name is null || row.LevelOne is null || row.LevelTwo is null || row.Target is null || row.Actual is null)
                return $"第 {i + 1} 个绩效指标不完整：名称、一级指标、二级指标、年度指标值和实际完成值都要有（可为空字符串）";
        }
        return null;
    }

    private static string? Of(DisclosurePackage package)
    {
        if (package.Narrative is null) return "缺少情况说明（disclosure.narrative）；没有情况说明时请传空字符串";
        if (package.Tables is null) return "缺少公开表（disclosure.tables）";
        for (var t = 0; t < package.Tables.Count; t++)
        {
            var table = package.Tables[t];
            var which = $"第 {t + 1} 张公开表";
            if (table is null) return $"{which}为空（null）";
            if (table.Title is null || table.Columns is null || table.Rows is null || table.StatedTotals is null)
                return $"{which}不完整：表名（title）、栏目（columns）和行（rows）都要有";
            if (table.Columns.Any(c => c is null)) return $"{which}的栏目中有空项（null）";
            for (var r = 0; r < table.Rows.Count; r++)
            {
                var row = table.Rows[r];
                if (row is null) return $"{which}第 {r + 1} 行为空（null）";
                if (row.Name is null || row.Section is null || row.Values is null)
                    return $"{which}第 {r + 1} 行不完整：名称（name）、栏（section）和数据（values）都要有（可为空）";
            }
        }
        return null;
    }
}
