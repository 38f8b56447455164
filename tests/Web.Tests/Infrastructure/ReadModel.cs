using System.Text.Json;
using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Publishing;
using Approval.Workflow.Submissions.Reviewing;
using Approval.Workflow.Submissions.Summary;
using Marten;

namespace Approval.Web.Tests.Infrastructure;

/// <summary>The read side as one comparable text, and a rebuild of the read models from the events.</summary>
public static class ReadModel
{
    /// <summary>Every 财政局's read models: a rebuild must reproduce each tenant's documents under that tenant.</summary>
    public static async Task<string> SnapshotAsync(IDocumentStore store, bool includeSubmissions = false)
    {
        await using var session = store.QuerySession();
        var parts = new List<object>
        {
            (await session.Query<ReviewQueueItem>().Where(d => d.AnyTenant()).ToListAsync()).OrderBy(d => d.Id),
            (await session.Query<UnitSummaryEntry>().Where(d => d.AnyTenant()).ToListAsync()).OrderBy(d => d.Id),
            (await session.Query<PublishedReport>().Where(d => d.AnyTenant()).ToListAsync()).OrderBy(d => d.Id),
            (await session.Query<PublishedCatalogueEntry>().Where(d => d.AnyTenant()).ToListAsync()).OrderBy(d => d.Id),
        };
        if (includeSubmissions) parts.Add((await session.Query<Submission>().Where(d => d.AnyTenant()).ToListAsync()).OrderBy(d => d.Id));
        return JsonSerializer.Serialize(parts, WorkflowFixture.Json);
    }

    /// <summary>
    /// Deletes the read models (and, with <paramref name="includeSubmissions"/>, the inline snapshots and score sheets)
    /// and rebuilds them from the events alone: a rebuild that did nothing leaves them empty, and the comparison fails.
    /// </summary>
    public static async Task RebuildAllAsync(IDocumentStore store, bool includeSubmissions = false)
    {
        Type[] readModels = [typeof(ReviewQueueItem), typeof(UnitSummaryEntry), typeof(PublishedReport), typeof(PublishedCatalogueEntry)];
        Type[] inline = includeSubmissions ? [typeof(Submission), typeof(ScoreSheet)] : [];
        foreach (var type in readModels.Concat(inline)) await store.Advanced.Clean.DeleteDocumentsByTypeAsync(type);
        Assert.Equal(Empty(includeSubmissions), await SnapshotAsync(store, includeSubmissions));

        var daemon = await store.BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync(ApprovalHost.ReadModels, TimeSpan.FromMinutes(1), CancellationToken.None);
        if (includeSubmissions)
        {
            await daemon.RebuildProjectionAsync<Submission>(TimeSpan.FromMinutes(1), CancellationToken.None);
            await daemon.RebuildProjectionAsync<ScoreSheetProjection>(TimeSpan.FromMinutes(1), CancellationToken.None);
        }
    }

    private static string Empty(bool includeSubmissions) =>
        JsonSerializer.Serialize(Enumerable.Repeat<object>(Array.Empty<object>(), includeSubmissions ? 5 : 4).ToList(), WorkflowFixture.Json);
}
