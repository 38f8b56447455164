using Approval.Web.Auth;
using Approval.Web.Organization;
using Approval.Workflow.Submissions;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Approval.Web.Pages.Review;

public class IndexModel(IQuerySession session) : PageModel
{
    public IReadOnlyList<BudgetUnit> Units { get; private set; } = [];
    public bool IsReviewer { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // PageAccess lets only reviewers, auditors and admins in; anyone else has had the 403 page.
        var actor = PageAccess.Admitted(User);
        IsReviewer = actor.Role == Role.Reviewer;
        var sections = actor.ReviewSectionIds;
        Units = actor.Role == Role.Reviewer
            ? await session.Query<BudgetUnit>().Where(u => u.SectionId.IsOneOf(sections.ToArray())).ToListAsync(ct)
            : await session.Query<BudgetUnit>().ToListAsync(ct);
        return Page();
    }
}
