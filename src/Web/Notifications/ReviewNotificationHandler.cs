using Approval.Workflow.Submissions;
using Marten;
using Microsoft.AspNetCore.SignalR;

namespace Approval.Web.Notifications;

/// <summary>
/// Sends each <see cref="ReviewNotification"/> to the hub groups that may hear of it. The review queue projection publishes
/// them as side effects of the batch that applied their events, and Wolverine delivers them only after that batch has
/// committed: a client reading the queue or the submission on notice sees the change.
/// </summary>
public static partial class ReviewNotificationHandler
{
    public static async Task Handle(ReviewNotification notification, IHubContext<ReviewHub, IReviewClient> hub, ILogger<ReviewHub> logger)
    {
        try
        {
            await hub.Clients.Groups(ReviewAudience.Of(notification).ToList()).Notify(notification);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A notification that cannot be sent is not retried: clients catch up with Missed().
            LogNotSent(logger, ex, notification.Sequence);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Could not send notification for event {Sequence}")]
    private static partial void LogNotSent(ILogger logger, Exception exception, long sequence);
}

/// <summary>
/// Who hears of an event: the unit always, auditors and admins everything; the section and the submission's watchers
/// only from submission on (work on a draft stays with the unit). Only ever within the event's own 财政局.
/// </summary>
public static class ReviewAudience
{
    public static IEnumerable<string> Of(ReviewNotification n)
    {
        yield return ReviewHub.UnitGroup(n.TenantId, n.UnitId);
        yield return ReviewHub.Everything(n.TenantId);
        if (n.UnitOnly || n.SectionId is null) yield break;
        yield return ReviewHub.SectionGroup(n.TenantId, n.SectionId);
        yield return ReviewHub.SubmissionGroup(n.TenantId, n.SubmissionId);
    }
}

/// <summary>What a replayed notification says of its submission: read with a select projection, not the whole snapshot.</summary>
public sealed class NotificationSubject
{
    public Guid Id { get; set; }
    public string Title { get; set; } = "";
    public string UnitId { get; set; } = "";
    public string UnitName { get; set; } = "";
    public string? SectionId { get; set; }
    public SubmissionState State { get; set; }
    public List<TitleSince> TitleHistory { get; set; } = [];

    public static async Task<Dictionary<Guid, NotificationSubject>> LoadAsync(IQuerySession session, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToArray();
        if (wanted.Length == 0) return [];
        var subjects = await session.Query<Submission>().Where(s => s.Id.IsOneOf(wanted))
            .Select(s => new NotificationSubject { Id = s.Id, Title = s.Title, UnitId = s.UnitId, UnitName = s.UnitName, SectionId = s.SectionId, State = s.State, TitleHistory = s.TitleHistory })
            .ToListAsync(ct);
        return subjects.ToDictionary(s => s.Id);
    }

    /// <summary>The notification of <paramref name="e"/> as replayed to a reconnecting client: the title as of that event; the state
    /// the event left (an event that keeps the state is told with today's).</summary>
    public ReviewNotification? NotificationOf(JasperFx.Events.IEvent e) => e.Data is ISubmissionEvent fact
        ? ReviewNotification.For(e, fact, TitleSince.At(TitleHistory, e.Version) ?? Title, UnitId, UnitName,
            fact is Workflow.Submissions.Submitting.SubmittedForReview submitted ? submitted.SectionId : SectionId, fact.StateAfter(State))
        : null;
}
