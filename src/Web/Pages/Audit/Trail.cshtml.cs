using Approval.Web.Auth;
using Approval.Workflow.Submissions;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Approval.Web.Pages.Audit;

public class TrailModel(IQuerySession session) : PageModel
{
    public Guid Id { get; private set; }
    public string Title { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var submission = await session.LoadAsync<Submission>(id, ct);
        if (submission is null || !SubmissionAccess.CanSee(User.ToActor(), submission)) return NotFound();
        Id = id;
        Title = submission.Title;
        return Page();
    }
}
