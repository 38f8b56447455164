using System.Globalization;
using Approval.Workflow.Integrity;
using Approval.Workflow.Submissions;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace Approval.Web.Integrity;

/// <summary>
/// Stamps every pending event with its chain link, however many a command appends. Registered as the first inline
/// projection because that is the one hook Marten runs with each stream's pending events in order, their versions,
/// timestamps and metadata already assigned, before the <see cref="Submission"/> snapshot (which keeps the latest link)
/// is built and before anything is written. It stores no documents.
/// </summary>
public sealed class EventChainStamping(ChainKey key) : IProjection
{
    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        foreach (var stream in events.GroupBy(e => e.StreamId))
        {
            var first = stream.First();
            if (first.Version < 1)
                throw new InvalidOperationException($"stream {stream.Key}: events are appended with a known version (FetchForWriting or StartStream) so that they can be chained");
            var previous = first.Version == 1 ? null : await TipAsync(operations, stream.Key, first.Version - 1, cancellation);
            foreach (var e in stream)
            {
                // Unix milliseconds, not an ISO date: header values that look like dates come back as DateTime objects.
                var recordedAt = e.Timestamp.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
                var link = EventChain.Link(previous, new ChainedEvent(e.StreamId, e.Version, e.EventTypeName, EventChainStamp.Serialize(operations, e.Data),
                    e.UserName, e.CorrelationId, e.CausationId, recordedAt), key.Value);
                e.SetHeader(EventChain.RecordedAtHeader, recordedAt);
                e.SetHeader(EventChain.HashHeader, link);
                previous = link;
            }
        }
    }

    /// <summary>The link of the stream's latest stored event: kept by the snapshot, which the command path has in its identity map.</summary>
    private static async Task<string?> TipAsync(IDocumentOperations operations, Guid streamId, long version, CancellationToken ct)
    {
        var submission = await operations.LoadAsync<Submission>(streamId, ct);
        if (submission?.Version == version) return submission.LastEventHash;
        var latest = await operations.Events.QueryAllRawEvents().Where(e => e.StreamId == streamId && e.Version == version).SingleOrDefaultAsync(ct)
                     ?? throw new InvalidOperationException($"stream {streamId} has no event {version} to chain to");
        return EventChainStamp.HashOf(latest);
    }
}
