using Approval.Workflow.Checking;
using Approval.Workflow.SelfEvaluation;
using Approval.Workflow.Templates;

namespace Approval.Workflow.Submissions;

/// <summary>
/// The 自评表 attached to a 决算公开 package checked like any 自评表 (<see cref="SelfEvaluationEngine"/>): each finding's
/// document is the attachment's name ("附件2 项目支出绩效自评表「智能化维保」") and its message starts with it, so a list
/// of the package's findings says which 附件 it concerns.
/// </summary>
public static class AttachedFormChecks
{
    public static IReadOnlyList<Finding> Check(DisclosurePackage package, IReadOnlyList<IndicatorTemplate>? templates = null) =>
        [.. package.Forms.SelectMany(a => Evaluate(a, templates).Findings)];

    /// <summary>One attached form's result, its findings named with the attachment.</summary>
    public static SelfEvaluationResult Evaluate(AttachedForm attached, IReadOnlyList<IndicatorTemplate>? templates = null)
    {
        var result = SelfEvaluationEngine.Evaluate(attached.Form, null, null, templates);
        return result with { Findings = [.. result.Findings.Select(f => Named(f, attached))] };
    }

    public static bool Concerns(Finding finding, AttachedForm attached) => finding.Location.Document == attached.Name;

    /// <summary>The finding's message without the attachment's name before it (on the attached form itself).</summary>
    public static string Unnamed(Finding finding, AttachedForm attached) =>
        finding.Message.StartsWith(attached.Name + "：", StringComparison.Ordinal) ? finding.Message[(attached.Name.Length + 1)..] : finding.Message;

    private static Finding Named(Finding f, AttachedForm attached) =>
        f with { Location = f.Location with { Document = attached.Name }, Message = $"{attached.Name}：{f.Message}" };
}
