using Approval.Workflow.Submissions;

namespace Approval.Workflow.Import;

public static class DisclosurePackages
{
    /// <summary>
    /// An imported 决算公开 package whole: the 公开表, the 情况说明 and every 项目支出绩效自评表 printed with it (附件2, 附件4 …),
    /// each with its 附件 label — a package published without its attached forms would be incomplete.
    /// </summary>
    public static DisclosurePackage From(ImportedReport report) =>
        new(report.Tables, report.Narrative)
        {
            AttachedForms = report.Forms.Count == 0 ? null : [.. report.Forms.Select((f, i) => new AttachedForm(report.LabelOf(i), f))],
        };
}
