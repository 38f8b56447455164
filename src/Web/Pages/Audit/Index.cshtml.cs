using Approval.Web.Auth;
using Approval.Workflow.Submissions;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Approval.Web.Pages.Audit;

public class IndexModel(IQuerySession session) : PageModel
{
    public IReadOnlyList<Submission> Submissions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (User.ToActor()?.Role is not (Role.Auditor or Role.Admin)) return Redirect("/");
        Submissions = await session.Query<Submission>().OrderByDescending(s => s.UpdatedAt).Take(1000).ToListAsync(ct);
        return Page();
    }
}
