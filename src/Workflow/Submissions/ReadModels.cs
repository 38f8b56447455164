using Approval.Workflow.Submissions.Publishing;
using Approval.Workflow.Submissions.Reviewing;
using Approval.Workflow.Submissions.Summary;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace Approval.Workflow.Submissions;

/// <summary>
/// The read models of a submission — its review-queue line, its 汇总审核表 entry and its published versions — kept
/// <b>inline</b>: written in the transaction that appends the events, so whatever a command committed, every page and
/// list shows at once. One projection for the three (registered as <c>ReadModels</c>) so that each command loads the
/// documents it continues in one round trip, and a rebuild replays the events once for all three.
/// </summary>
public sealed class ReadModelsProjection : IProjection
{
    private static readonly ReviewQueueProjection Queue = new();
    private static readonly UnitSummaryEntryProjection Summary = new();

    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        // Inline the operations are the command's session (one tenant); in a rebuild a page may hold several bureaus.
        foreach (var tenant in events.Where(e => e.Data is ISubmissionEvent).GroupBy(e => e.TenantId))
        {
            var ops = tenant.Key is { Length: > 0 } id && id != operations.TenantId ? operations.ForTenant(id) : operations;
            await ApplyAsync(ops, tenant.ToList(), cancellation);
        }
    }

    private static async Task ApplyAsync(IDocumentOperations ops, List<IEvent> events, CancellationToken ct)
    {
        var ids = events.Select(e => e.StreamId).Distinct().ToArray();
        var batch = ops.CreateBatchQuery();
        var queued = batch.LoadMany<ReviewQueueItem>().ById(ids);
        var entries = batch.LoadMany<UnitSummaryEntry>().ById(ids);
        await batch.Execute(ct);
        var items = (await queued).ToDictionary(i => i.Id);
        var lines = (await entries).ToDictionary(i => i.Id);

        foreach (var stream in events.GroupBy(e => e.StreamId))
        {
            items.TryGetValue(stream.Key, out var item);
            lines.TryGetValue(stream.Key, out var line);
            Submission? asOf = null; // the submission as of the event, read only for a publication
            foreach (var e in stream)
            {
                item = Queue.Evolve(item, stream.Key, e);
                line = Summary.Evolve(line, stream.Key, e);
                if (e.Data is SubmissionPublished or CorrectionPublished)
                {
                    // What is stored before this batch (inline: before this command), then this batch's events up to the publication.
                    if (asOf is null && stream.First().Version > 1)
                        asOf = await ops.Events.AggregateStreamAsync<Submission>(stream.Key, stream.First().Version - 1, token: ct);
                    foreach (var before in stream.TakeWhile(b => b != e).Where(b => b.Version > (asOf?.Version ?? 0))) asOf = Submission.After(asOf, before);
                    asOf = Submission.After(asOf, e);
                    PublishedReportProjection.Publish(ops, asOf, e);
                }
            }
            if (item is not null) ops.Store(item);
            if (line is not null) ops.Store(line);
        }
    }
}
