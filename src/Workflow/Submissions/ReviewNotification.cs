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
    public static ReviewNotification For(IEvent e, ISubmissionEvent fact, string title, string unitId, string unitName, string? sectionId, SubmissionState stateAfter) =>
        For(fact, e.Version, title, unitId, unitName, sectionId, stateAfter) with { Sequence = e.Sequence, At = e.Timestamp, TenantId = e.TenantId };

    private static ReviewNotification For(ISubmissionEvent fact, long version, string title, string unitId, string unitName, string? sectionId, SubmissionState stateAfter)
    {
        var notice = fact.Notice(title, unitName);
        var summary = notice.Summary.Length > MaxSummaryLength ? notice.Summary[..MaxSummaryLength] + "…" : notice.Summary;
        return new ReviewNotification(notice.Type, fact.SubmissionId, version, 0, unitId, unitName, sectionId, stateAfter.ToString(),
            title, summary, notice.Grade, default, notice.UnitOnly || sectionId is null, "");
    }

    /// <summary>
    /// The notifications of the events a command records on <paramref name="before"/> (null when it starts the stream), each
    /// with the submission as that event leaves it — decided with the events, before the commit. What only the commit
    /// gives (the event's sequence and time) and the 财政局 are filled in when they are sent (<see cref="SubmissionNotices"/>).
    /// </summary>
    public static IReadOnlyList<ReviewNotification> Pending(Submission? before, IEnumerable<object> events)
    {
        var (version, title, unitId, unitName, sectionId, state) =
            (before?.Version ?? 0, before?.Title ?? "", before?.UnitId ?? "", before?.UnitName ?? "", before?.SectionId, before?.State ?? default);
        var result = new List<ReviewNotification>();
        foreach (var e in events)
        {
            version++;
            if (e is not ISubmissionEvent fact) continue;
            switch (e)
            {
                case Drafting.SubmissionDrafted d:
                    (title, unitId, unitName) = (d.Title, d.UnitId, d.UnitName);
                    break;
                case Drafting.DraftRevised r:
                    title = r.Title;
                    break;
                case Submitting.SubmittedForReview s:
                    sectionId = s.SectionId;
                    break;
            }
            state = fact.StateAfter(state);
            result.Add(For(fact, version, title, unitId, unitName, sectionId, state));
        }
        return result;
    }
}

/// <summary>
/// A command's notifications, published by its handler as a Wolverine message: the outbox holds it until the command's
/// transaction — events and read models — has committed, then a local queue sends each notification to its hub groups.
/// </summary>
public sealed record SubmissionNotices(Guid SubmissionId, IReadOnlyList<ReviewNotification> Notices)
{
    public static SubmissionNotices Of(Submission? before, Guid submissionId, IEnumerable<object> events) => new(submissionId, ReviewNotification.Pending(before, events));
}
