using Approval.Web.Auth;
using Approval.Web.SpotChecks;
using Approval.Workflow.SpotChecks;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Approval.Web.Pages.SpotChecks;

/// <summary>结果应用: each approved 自评表 of the year, its grades and the bureau's note for next year's budget.</summary>
public class ResultsModel(IQuerySession session, TimeProvider clock) : PageModel
{
    public int Year { get; private set; }
    public IReadOnlyList<ResultApplicationRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? year, CancellationToken ct)
    {
        var actor = PageAccess.Admitted(User);
        Year = year is >= 2000 and <= 2100 ? year.Value : clock.GetUtcNow().AddHours(8).Year - 1;
        Rows = await SpotCheckQueries.ResultsAsync(session, actor, Year, ct);
        return Page();
    }
}
