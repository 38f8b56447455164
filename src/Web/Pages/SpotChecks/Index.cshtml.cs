using Approval.Web.Auth;
using Approval.Web.SpotChecks;
using Approval.Workflow.Submissions;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Approval.Web.Pages.SpotChecks;

/// <summary>抽查复核: the draws of a year the caller may see and, for reviewers, the form to draw a new sample.</summary>
public class IndexModel(IQuerySession session, TimeProvider clock) : PageModel
{
    public int Year { get; private set; }
    public bool IsReviewer { get; private set; }
    public IReadOnlyList<SpotCheckView> Draws { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? year, CancellationToken ct)
    {
        var actor = PageAccess.Admitted(User);
        IsReviewer = actor.Role == Role.Reviewer;
        // 自评 is of the year before: in 2026 the bureau re-checks the 2025 forms.
        Year = year is >= 2000 and <= 2100 ? year.Value : clock.GetUtcNow().AddHours(8).Year - 1;
        Draws = await SpotCheckQueries.ListAsync(session, actor, Year, ct);
        return Page();
    }
}
