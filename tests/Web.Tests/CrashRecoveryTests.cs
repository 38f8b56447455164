using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Approval.Web.Tests.Infrastructure;
using Approval.Workflow.Submissions;
using Marten;
using Microsoft.AspNetCore.SignalR.Client;
using Npgsql;

namespace Approval.Web.Tests;

/// <summary>
/// The real app in its own process, under load, killed with SIGKILL and started again: every command that got a
/// 2xx is in the event store, the projections catch up to what a rebuild gives, and notifications resume.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class CrashRecoveryTests : IAsyncLifetime
{
    private string _owner = "", _app = "";
    private AppProcess? _process;
    private string Url => _process!.Url;

    public async Task InitializeAsync()
    {
        _owner = await TestDatabase.CreateAsync("crash");
        _app = await TestDatabase.AppConnectionStringAsync(_owner);
    }

    public async Task DisposeAsync()
    {
        if (_process is not null) await _process.DisposeAsync();
        await TestDatabase.DropAsync(_owner);
    }

    private async Task StartApp()
    {
        if (_process is not null) await _process.DisposeAsync();
        _process = await AppProcess.BinaryAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings__Approval"] = _app, ["ConnectionStrings__ApprovalOwner"] = _owner, ["Approval__Demo"] = "false",
            ["Approval__ChainKey"] = "crash-key", ["ASPNETCORE_ENVIRONMENT"] = "Testing",
        });
        await _process.WaitUntilHealthyAsync();
    }

    private DocumentStore Store() => new DocumentStore(ApprovalHost.BuildStoreOptions(_app, "approval", chainKey: null));

    private async Task<string> Token(HttpClient http, string user)
    {
        var login = await http.PostAsJsonAsync($"{Url}/api/auth/login", new { userName = user, password = TestOrganization.Password });
        return (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    [Fact]
    public async Task Killed_under_load_and_restarted_nothing_acknowledged_is_lost()
    {
        await StartApp();
        using (var seedStore = Store()) await TestOrganization.SeedAsync(seedStore);

        var acknowledged = new ConcurrentBag<(Guid Id, long Version)>();
        using var load = new CancellationTokenSource();
        // Generous: on a loaded 2-core machine the first requests after start-up can take seconds.
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var tokens = new Dictionary<string, string> { ["prep"] = await Token(http, "prep"), ["rev"] = await Token(http, "rev") };

        async Task<JsonElement?> Send(string user, HttpMethod method, string url, object body)
        {
            var request = new HttpRequestMessage(method, Url + url) { Content = JsonContent.Create(body, options: WorkflowFixture.Json) };
            request.Headers.Authorization = new("Bearer", tokens[user]);
            var response = await http.SendAsync(request, load.Token);
            if (!response.IsSuccessStatusCode) return null;
            var result = await response.Content.ReadFromJsonAsync<JsonElement>(load.Token);
            acknowledged.Add((result.GetProperty("submissionId").GetGuid(), result.GetProperty("version").GetInt64()));
            return result;
        }

        async Task Worker()
        {
            while (!load.IsCancellationRequested)
            {
                try
                {
                    var created = await Send("prep", HttpMethod.Post, "/api/submissions", new { fiscalYear = 2021, kind = SubmissionKind.ProjectSelfEvaluation, title = "崩溃测试", content = Samples.Ganfutong() });
                    if (created is null) continue;
                    var id = created.Value.GetProperty("submissionId").GetGuid();
                    var steps = new (string User, string Action, object Extra)[]
                    {
                        ("prep", "score", new { }), ("prep", "submit", new { }), ("rev", "claim", new { }),
                        ("rev", "approve", new { grade = "良", opinion = "同意", signature = "张", stamp = "章" }),
                    };
                    var version = 1L;
                    foreach (var (user, action, extra) in steps)
                    {
                        var body = JsonSerializer.SerializeToElement(extra).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
                        body["version"] = version;
                        var result = await Send(user, HttpMethod.Post, $"/api/submissions/{id}/{action}", body);
                        if (result is null) break;
                        version = result.Value.GetProperty("version").GetInt64();
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or OperationCanceledException or IOException) { }
            }
        }

        var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(Worker)).ToList();
        // Killed once the load is really on (a few commands acknowledged), not after a fixed time: on a loaded machine the
        // first commands after start-up can take seconds.
        var loaded = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (acknowledged.Count < 5 && DateTime.UtcNow < loaded) await Task.Delay(100);
        // ... and once the first acknowledged report shows in the review queue (at once: the read models are written inline,
        // in each command's transaction).
        using (var progress = Store())
            while (DateTime.UtcNow < loaded)
            {
                await using var session = progress.QuerySession(TestOrganization.Tenant);
                var first = acknowledged.First().Id;
                if (await session.LoadAsync<Approval.Workflow.Submissions.Reviewing.ReviewQueueItem>(first) is not null) break;
                await Task.Delay(100);
            }
        await _process!.KillAsync(); // SIGKILL: no shutdown, no flushing
        load.Cancel();
        await Task.WhenAll(workers);
        Assert.NotEmpty(acknowledged);

        await StartApp();
        using var store = Store();
        await using (var conn = new NpgsqlConnection(_owner))
        {
            await conn.OpenAsync();
            foreach (var (id, version) in acknowledged)
            {
                await using var cmd = new NpgsqlCommand("select count(*) from approval.mt_events where stream_id = @id and version = @v", conn);
                cmd.Parameters.AddWithValue("id", id);
                cmd.Parameters.AddWithValue("v", version);
                Assert.Equal(1L, (long)(await cmd.ExecuteScalarAsync())!);
            }
        }

        // Notifications resume: a reviewer connected after the restart hears of a new submission (the subscription may
        // first deliver what was committed before the kill and not yet announced: nothing acknowledged is lost).
        var reviewerToken = tokens["rev"];
        await using var hub = new HubConnectionBuilder().WithUrl($"{Url}/hubs/review", o => o.AccessTokenProvider = () => Task.FromResult<string?>(reviewerToken)).Build();
        var heard = new TaskCompletionSource<ReviewNotification>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<ReviewNotification>("Notify", n => { if (n.Type == "submitted" && n.Title == "重启后") heard.TrySetResult(n); });
        await hub.StartAsync();
        using var fresh = new CancellationTokenSource();
        var again = await http.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"{Url}/api/submissions")
        {
            Content = JsonContent.Create(new { fiscalYear = 2021, kind = SubmissionKind.ProjectSelfEvaluation, title = "重启后", content = Samples.Ganfutong() }, options: WorkflowFixture.Json),
            Headers = { Authorization = new("Bearer", tokens["prep"]) },
        });
        var newId = (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("submissionId").GetGuid();
        foreach (var (action, version) in new[] { ("score", 1), ("submit", 2) })
        {
            var step = await http.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"{Url}/api/submissions/{newId}/{action}")
            {
                Content = JsonContent.Create(new { version }), Headers = { Authorization = new("Bearer", tokens["prep"]) },
            });
            Assert.True(step.IsSuccessStatusCode, $"{action} after the restart: {(int)step.StatusCode} {await step.Content.ReadAsStringAsync()}");
        }
        try
        {
            Assert.Equal(newId, (await heard.Task.WaitAsync(TimeSpan.FromSeconds(60))).SubmissionId);
        }
        catch (TimeoutException)
        {
            var health = await http.GetStringAsync($"{Url}/health");
            await using (var diag = new NpgsqlConnection(_owner))
            {
                await diag.OpenAsync();
                await using var tables = new NpgsqlCommand("select table_schema||'.'||table_name from information_schema.tables where table_name like 'wolverine%'", diag);
                var names = new List<string>();
                await using (var r = await tables.ExecuteReaderAsync()) while (await r.ReadAsync()) names.Add(r.GetString(0));
                names.Add("approval.mt_event_progression");
                await using (var mx = new NpgsqlCommand("select max(seq_id) from approval.mt_events", diag)) health += $"\nmax seq {await mx.ExecuteScalarAsync()}";
                foreach (var t in names.Where(n => n.Contains("incoming") || n.Contains("outgoing") || n.Contains("progression")))
                {
                    await using var q = new NpgsqlCommand($"select row_to_json(x)::text from (select * from {t} limit 20) x", diag);
                    await using var r = await q.ExecuteReaderAsync();
                    while (await r.ReadAsync()) health += $"\n{t}: {r.GetString(0)[..Math.Min(400, r.GetString(0).Length)]}";
                }
            }
            Assert.Fail($"no notification after the restart within 60 s; /health: {health}\nthe app's last output:\n{string.Join('\n', _process.Output.Split('\n').TakeLast(60))}");
        }

        // The read models, written with the events, are exactly what a rebuild gives.
        await _process.KillAsync();
        var caughtUp = await ReadModel.SnapshotAsync(store);
        await ReadModel.RebuildAllAsync(store);
        Assert.Equal(caughtUp, await ReadModel.SnapshotAsync(store));
    }
}
