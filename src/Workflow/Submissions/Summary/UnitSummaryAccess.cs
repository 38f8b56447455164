using Marten;

namespace Approval.Workflow.Submissions.Summary;

/// <summary>
/// Who may read a unit's 汇总审核表, stated once for the API and the page: the unit's own preparers, auditors and
/// administrators always; a reviewer once the unit's 汇总 submission reaches their section (the rule of that submission,
/// so never while it is a draft); nobody else. A refusal looks exactly like a table that does not exist.
/// </summary>
public static class UnitSummaryAccess
{
    /// <summary>The table as <paramref name="actor"/> may see it, or null: no such table, or not theirs to see.</summary>
    public static async Task<UnitSummaryReview?> LoadForAsync(IQuerySession session, Actor? actor, string unitId, int year, CancellationToken ct)
    {
        if (actor is null) return null;
        if (actor.Role == Role.Preparer && actor.UnitId != unitId) return null;
        var review = await UnitSummaryReview.LoadAsync(session, unitId, year, ct);
        if (review is null) return null;
        var allowed = actor.Role switch
        {
            Role.Preparer or Role.Auditor or Role.Admin => true,
            Role.Reviewer => review.SummarySubmissionId is { } summaryId && await session.LoadAsync<Submission>(summaryId, ct) is { } summary
                && SubmissionAccess.CanSee(actor, summary),
            _ => false,
        };
        return allowed ? review.VisibleTo(actor) : null;
    }
}
