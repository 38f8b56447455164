using Approval.Web.Auth;
using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Summary;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Approval.Web.Pages.Units;

/// <summary>
/// The unit's 项目支出绩效自评情况汇总审核表 for a year, for the unit, its section's reviewers, auditors and
/// administrators (<see cref="UnitSummaryAccess"/>, as the API): anyone else gets the same 404 as a table that does not exist.
/// </summary>
public class SummaryModel(IQuerySession session) : PageModel
{
    public UnitSummaryReview Review { get; private set; } = null!;
    public SummaryReviewView View { get; private set; } = null!;
    /// <summary>The unit's 汇总 submission the bureau approves; null until the unit drafts one.</summary>
    public Submission? SummarySubmission { get; private set; }
    /// <summary>跨报告核对 of the unit's reports of the year the caller may see.</summary>
    public Approval.Web.Submissions.Reconciliation.UnitReconciliationView Reconciliation { get; private set; } = null!;
    /// <summary>自评质量 of the forms the table counts, as each form's page gives it, and the unit's summary.</summary>
    public Approval.Web.Submissions.Credibility.UnitCredibilityView Credibility { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string unitId, int year, CancellationToken ct)
    {
        var actor = User.ToActor();
        var review = await UnitSummaryAccess.LoadForAsync(session, actor, unitId, year, ct);
        if (review is null) return NotFound();
        Review = review;
        View = SummaryReviewView.Of(review, interactive: true);
        Reconciliation = await Approval.Web.Submissions.Reconciliation.UnitReconciliation.OfAsync(session, actor!, review, ct);
        var counted = await session.LoadManyAsync<Submission>(ct, review.OrderedProjects().Select(r => r.SubmissionId).ToArray());
        Credibility = await Approval.Web.Submissions.Credibility.FormCredibility.OfUnitAsync(
            [.. review.OrderedProjects().Select(r => counted.FirstOrDefault(c => c.Id == r.SubmissionId)).OfType<Submission>().Where(c => SubmissionAccess.CanSee(actor, c))], actor!, session, ct);
        if (review.SummarySubmissionId is { } id && await session.LoadAsync<Submission>(id, ct) is { } summary && SubmissionAccess.CanSee(actor, summary))
            SummarySubmission = summary;
        return Page();
    }
}
