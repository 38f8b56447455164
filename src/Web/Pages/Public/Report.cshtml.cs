using Approval.Workflow.Submissions.Publishing;
using Approval.Workflow.Submissions.Summary;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Approval.Web.Pages.Public;

[AllowAnonymous]
public class ReportModel(IQuerySession session) : PageModel
{
    public PublishedReport Report { get; private set; } = null!;
    public UnitSummaryReview? Summary { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int? version, CancellationToken ct)
    {
        if (!ModelState.IsValid) return NotFound(); // ?version=abc names no version: not the latest in disguise
        var report = await Web.Public.PublicEndpoints.FindPublishedAsync(session, id, version, ct);
        if (report is null) return NotFound();
        Report = report;
        // A published 汇总审核表 shows the unit's table, reviewer block included, with the reviewed projects only:
        // nothing of a draft or of a report still in review reaches the public.
        if (report.Kind == Workflow.Submissions.SubmissionKind.SummaryReview)
        {
            await using var bureau = session.DocumentStore.QuerySession(report.TenantId);
            Summary = (await UnitSummaryReview.LoadAsync(bureau, report.UnitId, report.FiscalYear, ct))?.VisibleTo(null);
        }
        return Page();
    }
}
