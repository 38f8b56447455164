using JasperFx.Events;

namespace Approval.Workflow.Submissions;

/// <summary>
/// A short, typed message about one committed event: ids and a Chinese summary, never the content.
/// <see cref="UnitOnly"/> keeps work on a draft within the unit (and auditors). <see cref="TenantId"/> is the 财政局 of
/// the event: its audience is only ever within that bureau.
/// </summary>
public sealed record ReviewNotification(
    string Type, Guid SubmissionId, long Version, long Sequence, string UnitId, string UnitName, string? SectionId, string State,
    string Title, string Summary, string? Grade, DateTimeOffset At, bool UnitOnly, string TenantId)
{
    public const int MaxSummaryLength = 140;

    /// <summary>The notification of <paramref name="e"/>, given the submission as that event left it.</summary>
    public static ReviewNotification For(IEvent e, ISubmissionEvent fact, string title, string unitId, string unitName, string? sectionId, SubmissionState stateAfter)
    {
        var notice = fact.Notice(title, unitName);
        var summary = notice.Summary.Length > MaxSummaryLength ? notice.Summary[..MaxSummaryLength] + "…" : notice.Summary;
        return new ReviewNotification(notice.Type, fact.SubmissionId, e.Version, e.Sequence, unitId, unitName, sectionId, stateAfter.ToString(),
            title, summary, notice.Grade, e.Timestamp, notice.UnitOnly || sectionId is null, e.TenantId);
    }
}
