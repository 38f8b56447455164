using Approval.Web.Auth;
using Approval.Workflow.Submissions;

namespace Approval.Web.Pages;

/// <summary>
/// Where an inner page stands, below 首页: a page sets <c>ViewData["Breadcrumbs"]</c> and the layout renders
/// 首页 › 审核队列 › 〈报告名称〉. The last step is the page itself (no link).
/// </summary>
public sealed class Breadcrumbs(params (string Text, string? Href)[] steps)
{
    /// <summary>The steps below 首页; a step without text (a <c>default</c> for "none here") is left out.</summary>
    public IReadOnlyList<(string Text, string? Href)> Steps { get; } = steps.Where(s => s.Text is not null).ToList();

    /// <summary>A report's page, under the list its reader came from: their unit's reports, the queue, or the audit list.</summary>
    public static Breadcrumbs ForSubmission(Actor? actor, string title) => actor?.Role switch
    {
        Role.Preparer or Role.Reviewer or Role.Auditor or Role.Admin => new Breadcrumbs(PageAccess.ReportsOf(actor), (title, null)),
        _ => new Breadcrumbs(("公开报告", "/public"), (title, null)),
    };
}
