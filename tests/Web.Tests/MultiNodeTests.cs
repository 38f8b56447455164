using System.Diagnostics;
using Approval.Web.Tests.Infrastructure;
using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Reviewing;
using Marten;
using Microsoft.AspNetCore.SignalR.Client;
using Npgsql;

namespace Approval.Web.Tests;

/// <summary>Three app processes on one database and one Redis, started once for the class (each test leaves three running).</summary>
public sealed class ThreeNodes : IAsyncLifetime
{
    public NodeCluster Cluster { get; private set; } = null!;
    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };
    public Dictionary<string, string> Tokens { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        Cluster = await NodeCluster.StartAsync(3, "nodes");
        Console.WriteLine($"three nodes healthy in {clock.Elapsed.TotalSeconds:F1} s");
        Tokens = await CommandLoad.SignInAsync(Http, Cluster.Url(0), "prep", "rev");
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Cluster.DisposeAsync();
    }
}

/// <summary>
/// Several nodes as operators run them: every node writes the read models with its own commands and sends their
/// notifications, a reviewer hears of work committed on any node, and clients that retry with the same key on another
/// node lose nothing through a crash or a rolling restart.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class MultiNodeTests(ThreeNodes nodes) : IClassFixture<ThreeNodes>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private NodeCluster Cluster => nodes.Cluster;

    [Fact]
    public async Task A_reviewer_connected_to_one_node_hears_of_a_submission_committed_on_another()
    {
        await AllNodesRunning();
        await EveryNodeProjects();
        // The preparer's node commits and sends the notification; the reviewer is connected to another: only Redis connects them.
        var (reviewerNode, preparerNode) = (1, 2);
        await using var hub = await ConnectReviewer(reviewerNode);
        var title = $"跨节点-{Guid.NewGuid():N}"[..16];
        var heard = Listen(hub, title);

        var id = await SubmitOn(preparerNode, title);

        var notice = await Within(heard, Patience, $"the reviewer on node {reviewerNode} did not hear of {title} submitted on node {preparerNode}");
        Assert.Equal(id, notice.SubmissionId);
    }

    [Fact]
    public async Task Killing_a_node_under_load_loses_nothing_acknowledged_and_the_others_go_on_projecting_and_notifying()
    {
        await AllNodesRunning();
        var load = new CommandLoad(Cluster.Urls, nodes.Http, nodes.Tokens, $"kill-{Guid.NewGuid():N}"[..13], TimeSpan.FromSeconds(20));
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(3, TimeSpan.FromMilliseconds(250), stop.Token);
        await WaitFor(() => Task.FromResult(load.Acknowledged.Count >= 10), Patience, "no load: fewer than 10 commands acknowledged");

        await EveryNodeProjects();
        var victim = 0;
        var survivor = Enumerable.Range(0, Cluster.Count).First(n => n != victim);
        await using var hub = await ConnectReviewer(survivor);
        var title = $"接管-{Guid.NewGuid():N}"[..14];
        var heard = Listen(hub, title);

        await Cluster.KillAsync(victim);
        var clock = Stopwatch.StartNew();
        var markerId = await SubmitOn(survivor, title);
        using var store = Cluster.Store();
        // The review queue shows a submission made after the kill: the survivor writes it with its own commands.
        await WaitFor(async () =>
        {
            await using var session = store.QuerySession(TestOrganization.Tenant);
            return await session.LoadAsync<ReviewQueueItem>(markerId) is { State: SubmissionState.Submitted };
        }, TimeSpan.FromSeconds(15) - clock.Elapsed, $"the review queue did not show the submission made after node {victim} was killed within 15 s");
        var lag = clock.Elapsed;
        await Within(heard, Patience, $"no notification of {title} after node {victim} was killed");

        await Task.Delay(TimeSpan.FromSeconds(2)); // the load goes on a little on the new owner
        await stop.CancelAsync();
        await running;
        await AssertEverythingAcknowledgedIsStoredAndProjected(load, store);
        await Cluster.StartNodeAsync(victim);
        Console.WriteLine($"kill: lag recovered {lag.TotalSeconds:F1} s after the SIGKILL; {load.Acknowledged.Count} acknowledged, {load.Failures.Count} failed, {load.Retries} retries");
    }

    [Fact]
    public async Task A_rolling_restart_of_every_node_under_load_fails_no_command_of_clients_that_retry_on_another_node()
    {
        await AllNodesRunning();
        var load = new CommandLoad(Cluster.Urls, nodes.Http, nodes.Tokens, $"roll-{Guid.NewGuid():N}"[..13], TimeSpan.FromSeconds(60));
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(3, TimeSpan.FromMilliseconds(250), stop.Token);
        await WaitFor(() => Task.FromResult(load.Acknowledged.Count >= 10), Patience, "no load: fewer than 10 commands acknowledged");

        for (var node = 0; node < Cluster.Count; node++)
        {
            var before = load.Acknowledged.Count;
            var clock = Stopwatch.StartNew();
            await Cluster.StopAsync(node);
            var stopped = clock.Elapsed;
            await Cluster.StartNodeAsync(node);
            Console.WriteLine($"rolling restart: node {node} stopped in {stopped.TotalSeconds:F1} s, healthy again after {clock.Elapsed.TotalSeconds:F1} s");
            // The next node goes down only once the cluster has served commands again.
            await WaitFor(() => Task.FromResult(load.Acknowledged.Count >= before + 3), Patience, $"no commands acknowledged after node {node} was restarted");
        }
        await stop.CancelAsync();
        await running;

        Assert.True(load.Failures.IsEmpty, $"{load.Failures.Count} failed commands:\n{string.Join('\n', load.Failures.Take(10))}\n{Cluster.Describe()}");
        using var store = Cluster.Store();
        await AssertEverythingAcknowledgedIsStoredAndProjected(load, store);
        // No duplicates: one report per drafted title; each step (起草, 评分, 提交, 领取, 审核通过) at most once per report, so a
        // retry on another node never recorded a command twice; and a stream at most one event past its last acknowledged
        // command (the command in flight when the load stopped may commit without its answer reaching the client).
        await using var session = store.QuerySession(TestOrganization.Tenant);
        var titles = load.Drafted.Keys.ToArray();
        var drafted = await session.Query<Submission>().Where(s => s.Title.IsOneOf(titles)).Select(s => s.Title).ToListAsync();
        Assert.Equal(titles.Order(), drafted.Order());
        var lastAcknowledged = load.Acknowledged.GroupBy(a => a.Id).ToDictionary(g => g.Key, g => g.Max(a => a.Version));
        foreach (var (id, version) in lastAcknowledged)
        {
            var events = await session.Events.FetchStreamAsync(id);
            Assert.InRange(events.Count, version, version + 1);
            var repeated = events.GroupBy(e => e.EventTypeName).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            Assert.True(repeated.Count == 0, $"{id} recorded {string.Join(", ", repeated)} twice");
        }
        Console.WriteLine($"rolling restart: {load.Acknowledged.Count} acknowledged, {load.Retries} retries, 0 failed");
    }

    private async Task AssertEverythingAcknowledgedIsStoredAndProjected(CommandLoad load, DocumentStore store)
    {
        Assert.NotEmpty(load.Acknowledged);
        await using (var conn = new NpgsqlConnection(Cluster.OwnerConnectionString))
        {
            await conn.OpenAsync();
            foreach (var (id, version) in load.Acknowledged)
            {
                await using var cmd = new NpgsqlCommand("select count(*) from approval.mt_events where stream_id = @id and version = @v", conn);
                cmd.Parameters.AddWithValue("id", id);
                cmd.Parameters.AddWithValue("v", version);
                Assert.True((long)(await cmd.ExecuteScalarAsync())! == 1, $"acknowledged event {id} v{version} is not in the store\n{Cluster.Describe()}");
            }
        }
        await using var session = store.QuerySession(TestOrganization.Tenant);
        var ids = load.Acknowledged.Select(a => a.Id).Distinct().ToArray();
        var projected = (await session.LoadManyAsync<ReviewQueueItem>(ids)).ToDictionary(i => i.Id, i => i.Version);
        foreach (var (id, version) in load.Acknowledged)
            Assert.True(projected.TryGetValue(id, out var shown) && shown >= version, $"the review queue does not show {id} at v{version}\n{Cluster.Describe()}");
    }

    /// <summary>Whatever an earlier test left (a failed one may leave a node killed): three running nodes.</summary>
    private async Task AllNodesRunning()
    {
        foreach (var node in Enumerable.Range(0, Cluster.Count).Where(n => !Cluster.IsRunning(n)).ToList()) await Cluster.StartNodeAsync(node);
    }

    /// <summary>The read models are inline: every running node says it runs the projections (/health), none waits for an assignment.</summary>
    private async Task EveryNodeProjects()
    {
        var found = await Cluster.ProjectionNodesAsync(nodes.Http);
        Assert.True(found.Count == Cluster.Count, $"not every node runs the projections: [{string.Join(", ", found)}]\n{Cluster.Describe()}");
    }

    private async Task<HubConnection> ConnectReviewer(int node)
    {
        var token = nodes.Tokens["rev"];
        var hub = new HubConnectionBuilder().WithUrl($"{Cluster.Url(node)}/hubs/review", o => o.AccessTokenProvider = () => Task.FromResult<string?>(token)).Build();
        await hub.StartAsync();
        return hub;
    }

    private static Task<ReviewNotification> Listen(HubConnection hub, string title)
    {
        var heard = new TaskCompletionSource<ReviewNotification>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<ReviewNotification>("Notify", n => { if (n.Type == "submitted" && n.Title == title) heard.TrySetResult(n); });
        return heard.Task;
    }

    /// <summary>Drafts, scores and submits a report through one node (retrying there only).</summary>
    private async Task<Guid> SubmitOn(int node, string title)
    {
        var client = new CommandLoad(Cluster.Urls, nodes.Http, nodes.Tokens, "one", TimeSpan.FromSeconds(30));
        try
        {
            var created = await client.SendOnAsync(node, "prep", "/api/submissions",
                new() { ["fiscalYear"] = 2021, ["kind"] = SubmissionKind.ProjectSelfEvaluation, ["title"] = title, ["content"] = Samples.Ganfutong() });
            var id = created.GetProperty("submissionId").GetGuid();
            await client.SendOnAsync(node, "prep", $"/api/submissions/{id}/score", new() { ["version"] = 1 });
            await client.SendOnAsync(node, "prep", $"/api/submissions/{id}/submit", new() { ["version"] = 2 });
            return id;
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException($"{e.Message}\n{Cluster.Describe()}", e);
        }
    }

    private async Task<T> Within<T>(Task<T> task, TimeSpan timeout, string what)
    {
        try
        {
            return await task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"{what} within {timeout.TotalSeconds:F0} s\n{Cluster.Describe()}");
            throw;
        }
    }

    private Task WaitFor(Func<Task<bool>> condition, TimeSpan timeout, string what) => WaitFor(condition, timeout, () => what);

    /// <summary>Polls until <paramref name="condition"/> or the deadline; a failure prints every node's output.</summary>
    private async Task WaitFor(Func<Task<bool>> condition, TimeSpan timeout, Func<string> what)
    {
        var deadline = DateTime.UtcNow + timeout;
        do
        {
            if (await condition()) return;
            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Fail($"{what()}\n{Cluster.Describe()}");
    }
}
