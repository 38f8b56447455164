using Approval.Web.Auth;
using Approval.Web.SpotChecks;
using Approval.Workflow.Submissions;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace Approval.Web.Pages.SpotChecks;

/// <summary>
/// A 自评表's 抽查复核 result on its page: for the unit once released (复核得分 beside 自评得分, 等级, reasons, notes); for the
/// section, auditors and administrators as soon as it was drawn. Nothing when the form was not drawn or the caller may not see it.
/// </summary>
public sealed class SpotCheckResultViewComponent(IQuerySession session) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Submission submission)
    {
        var actor = UserClaimsPrincipal.ToActor();
        var view = actor is null ? null : await SpotCheckQueries.OfFormAsync(session, actor, submission, HttpContext.RequestAborted);
        return view is null ? Content("") : View(view);
    }
}
