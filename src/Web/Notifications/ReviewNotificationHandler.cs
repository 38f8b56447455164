using Approval.Workflow.Submissions;
using Marten;
using Microsoft.AspNetCore.SignalR;
using Wolverine;

namespace Approval.Web.Notifications;

/// <summary>
/// Sends a command's notifications to the hub groups that may hear of them. The command's handler publishes them as one
/// <see cref="SubmissionNotices"/> message; Wolverine's outbox delivers it only after the command's transaction — the
/// events and the read models written inline with them — has committed, so a client reading the queue or the submission
/// on notice sees the change. What only the commit gives (each event's sequence and time) is read back here, off the
/// command's path; the 财政局 is the command's, carried by the message's envelope.
/// </summary>
public static partial class ReviewNotificationHandler
{
    public static async Task Handle(SubmissionNotices recorded, Envelope envelope, IDocumentStore store, IHubContext<ReviewHub, IReviewClient> hub,
        ILogger<ReviewHub> logger, CancellationToken ct)
    {
        if (recorded.Notices.Count == 0) return;
        try
        {
            var tenant = envelope.TenantId is { Length: > 0 } t ? t : JasperFx.StorageConstants.DefaultTenantId;
            var committed = await CommittedAsync(store, tenant, recorded, ct);
            foreach (var pending in recorded.Notices)
            {
                // Not committed (the message outlived a rolled-back transaction): nothing to announce.
                if (!committed.TryGetValue(pending.Version, out var e)) continue;
                var notification = pending with { Sequence = e.Sequence, At = e.At, TenantId = tenant };
                await hub.Clients.Groups(ReviewAudience.Of(notification).ToList()).Notify(notification);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A notification that cannot be sent is not retried: clients catch up with Missed().
            LogNotSent(logger, ex, recorded.SubmissionId);
        }
    }

    /// <summary>The sequence and time of each of the message's events, by version: one indexed read of a few columns.</summary>
    private static async Task<Dictionary<long, (long Sequence, DateTimeOffset At)>> CommittedAsync(IDocumentStore store, string tenant, SubmissionNotices recorded,
        CancellationToken ct)
    {
        var schema = store.Options.Events.DatabaseSchemaName;
        await using var conn = store.Storage.Database.CreateConnection();
        await conn.OpenAsync(ct);
        await using var cmd = new Npgsql.NpgsqlCommand(
            $"select version, seq_id, timestamp from {schema}.mt_events where stream_id = @id and tenant_id = @tenant and version >= @from and version <= @to", conn);
        cmd.Parameters.AddWithValue("id", recorded.SubmissionId);
        cmd.Parameters.AddWithValue("tenant", tenant);
        cmd.Parameters.AddWithValue("from", recorded.Notices.Min(n => n.Version));
        cmd.Parameters.AddWithValue("to", recorded.Notices.Max(n => n.Version));
        var result = new Dictionary<long, (long, DateTimeOffset)>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) result[reader.GetInt64(0)] = (reader.GetInt64(1), reader.GetFieldValue<DateTimeOffset>(2));
        return result;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Could not send the notifications of submission {SubmissionId}")]
    private static partial void LogNotSent(ILogger logger, Exception exception, Guid submissionId);
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
