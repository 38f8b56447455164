using Approval.Web.Auth;
using Approval.Workflow.Deadlines;
using Approval.Workflow.Submissions;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace Approval.Web.Pages;

/// <summary>
/// 催报 on a unit's 本单位报告 page (those sent to the unit in the last 30 days) and 审核提醒 on a reviewer's queue (those
/// addressed to them): the in-app side of a reminder, shown whether or not email is configured.
/// </summary>
public sealed class DeadlineNoticesViewComponent(IQuerySession session, TimeProvider clock) : ViewComponent
{
    public const int ShownDays = 30;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var actor = UserClaimsPrincipal.ToActor();
        var since = clock.GetUtcNow().AddDays(-ShownDays);
        var notices = actor switch
        {
            { Role: Role.Preparer, UnitId: { } unit } => await session.Query<Reminder>()
                .Where(r => r.Type == Reminder.Reporting && r.UnitId == unit && r.SentAt > since).OrderByDescending(r => r.SentAt).Take(10).ToListAsync(HttpContext.RequestAborted),
            { Role: Role.Reviewer } => await session.Query<Reminder>()
                .Where(r => r.Type == Reminder.Review && r.ReviewerId == actor.UserId && r.SentAt > since).OrderByDescending(r => r.SentAt).Take(10).ToListAsync(HttpContext.RequestAborted),
            _ => [],
        };
        return View(notices);
    }
}
