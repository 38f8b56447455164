using Approval.Web.Auth;
using Approval.Web.Organization;
using Approval.Workflow.Submissions;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Approval.Web.Pages.Submissions;

public class IndexModel(IQuerySession session) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public SubmissionState? State { get; set; }
    public IReadOnlyList<Submission> Submissions { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];
    public string UnitName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (User.ToActor() is not { Role: Role.Preparer, UnitId: { } unitId }) return Redirect("/");
        UnitName = (await session.LoadAsync<BudgetUnit>(unitId, ct))?.Name ?? unitId;
        var all = await session.Query<Submission>().Where(s => s.UnitId == unitId).OrderByDescending(s => s.UpdatedAt).ToListAsync(ct);
        Years = all.Select(s => s.FiscalYear).Distinct().OrderDescending().ToList();
        Submissions = all.Where(s => (Year is null || s.FiscalYear == Year) && (State is null || s.State == State)).ToList();
        return Page();
    }
}
