using Approval.Web.Auth;
using Approval.Workflow.Submissions;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Approval.Web.Pages.Audit;

public class IndexModel(IQuerySession session) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }
    public IReadOnlyList<Submission> Submissions { get; private set; } = [];
    public PageOf<object> Pager { get; private set; } = new([], 0, 1, Paging.DefaultSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (User.ToActor()?.Role is not (Role.Auditor or Role.Admin)) return Redirect("/");
        var found = await new Paging(Math.Max(1, PageNumber ?? 1), Paging.DefaultSize).ApplyAsync(session.Query<Submission>().OrderByDescending(s => s.UpdatedAt), ct);
        Submissions = found.Items;
        Pager = found.Position();
        return Page();
    }
}
