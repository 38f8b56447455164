using Approval.Web.Auth;
using Approval.Web.Delegations;
using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Publishing;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Approval.Web.Pages.Review;

/// <summary>委托: a reviewer hands their queue to a colleague for a period and revokes it; admins and auditors of the bureau see every one.</summary>
public class DelegationsModel(IQuerySession session, TimeProvider clock) : PageModel
{
    public IReadOnlyList<DelegationView> Delegations { get; private set; } = [];
    public IReadOnlyList<ColleagueView> Colleagues { get; private set; } = [];
    public bool IsReviewer { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = PageAccess.Admitted(User);
        IsReviewer = actor.Role == Role.Reviewer;
        Today = PublicationDeadline.Today(clock);
        Delegations = await DelegationEndpoints.ListAsync(session, actor, Today, ct);
        if (IsReviewer) Colleagues = await DelegationEndpoints.ColleaguesAsync(session, actor, ct);
        return Page();
    }
}
