using Approval.Web.Auth;
using Approval.Web.Deadlines;
using Approval.Workflow.Deadlines;
using Approval.Workflow.Submissions;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Approval.Web.Pages.Deadlines;

/// <summary>
/// 逾期催报: the units past a due date that have not submitted, and the items reviewers have held too long, in the
/// caller's scope (a reviewer's sections; the whole bureau for auditors and administrators), with the 催报 sent so far.
/// Reviewers and administrators send; auditors read.
/// </summary>
public class IndexModel(IQuerySession session, TimeProvider clock, IMessageChannel channel) : PageModel
{
    public OverdueView Overdue { get; private set; } = new(default, [], [], 0, false);
    public IReadOnlyList<Reminder> Sent { get; private set; } = [];
    public bool MaySend { get; private set; }
    public int DueDateCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (User.ToActor() is not { } actor || !OverdueQuery.MayRead(actor)) return Forbid();
        MaySend = actor.Role is Role.Reviewer or Role.Admin;
        Overdue = await DeadlineEndpoints.ViewAsync(session, actor, clock, channel, ct);
        Sent = await DeadlineEndpoints.VisibleAsync(session, actor, ct);
        DueDateCount = await session.Query<ReportDueDate>().CountAsync(ct);
        return Page();
    }
}
