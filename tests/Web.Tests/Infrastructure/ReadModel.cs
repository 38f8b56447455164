using System.Text.Json;
using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Publishing;
using Approval.Workflow.Submissions.Reviewing;
using Approval.Workflow.Submissions.Summary;
using JasperFx.Events.Daemon;
using Marten;

namespace Approval.Web.Tests.Infrastructure;

/// <summary>The read side as one comparable text, and a rebuild of every async projection.</summary>
public static class ReadModel
{
    public static async Task<string> SnapshotAsync(IDocumentStore store, bool includeSubmissions = false)
    {
        await using var session = store.QuerySession();
        var parts = new List<object>
        {
            (await session.Query<ReviewQueueItem>().ToListAsync()).OrderBy(d => d.Id),
            (await session.Query<UnitSummaryEntry>().ToListAsync()).OrderBy(d => d.Id),
            (await session.Query<PublishedReport>().ToListAsync()).OrderBy(d => d.Id),
            (await session.Query<PublishedCatalogueEntry>().ToListAsync()).OrderBy(d => d.Id),
        };
        if (includeSubmissions) parts.Add((await session.Query<Submission>().ToListAsync()).OrderBy(d => d.Id));
        return JsonSerializer.Serialize(parts, WorkflowFixture.Json);
    }

    public static async Task RebuildAllAsync(IDocumentStore store)
    {
        var daemon = await store.BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync(ApprovalHost.ReadModels, TimeSpan.FromMinutes(1), CancellationToken.None);
    }
}
