using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Approval.Workflow.SelfEvaluation;
using Approval.Workflow.Submissions;

namespace Approval.Bench;

/// <summary>
/// Realistic lifecycles through the real API: draft, revise ×3, score, submit, claim, approve (every fifth
/// returned and resubmitted first), publish — each worker for its own unit, so commands do not conflict.
/// With several <paramref name="nodes"/>, the commands of a lifecycle go to the nodes in turn, as a round-robin proxy
/// without sticky sessions would send them: every command reads the stream another node has just written.
/// </summary>
public sealed class ProductLoad(HttpClient http, string url, BenchOrganization org, ProjectSelfEvaluationForm form, IReadOnlyList<string>? nodes = null)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public ConcurrentDictionary<string, ConcurrentBag<double>> Latencies { get; } = new();
    private long _commands;
    private long _failures;

    public sealed record Result(double CommandsPerSecond, long Commands, long Failures);

    private async Task<JsonElement> Send(string node, string user, HttpMethod method, string path, object body, string type, CancellationToken ct)
    {
        var request = new HttpRequestMessage(method, node + path)
        {
            Content = new StringContent(JsonSerializer.Serialize(body, Json), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", org.Tokens[user]);
        var watch = Stopwatch.StartNew();
        using var response = await http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        watch.Stop();
        if (!response.IsSuccessStatusCode)
        {
            Interlocked.Increment(ref _failures);
            throw new InvalidOperationException($"{type}: {(int)response.StatusCode} {text[..Math.Min(200, text.Length)]}");
        }
        Latencies.GetOrAdd(type, _ => []).Add(watch.Elapsed.TotalMilliseconds);
        Interlocked.Increment(ref _commands);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private SubmissionContent Content(decimal executed) =>
        new() { ProjectForm = form with { Funds = form.Funds with { Total = form.Funds.Total with { Executed = executed } } } };

    /// <summary>One full lifecycle; returns the submission id.</summary>
    public async Task<Guid> LifecycleAsync(int unit, int n, CancellationToken ct)
    {
        var prep = BenchOrganization.Preparer(unit);
        var rev = org.Reviewer(unit);
        var turn = unit;
        string Node() => nodes is { Count: > 0 } ? nodes[turn++ % nodes.Count] : url;
        var draft = await Send(Node(), prep, HttpMethod.Post, "/api/submissions",
            new { fiscalYear = 2021, kind = SubmissionKind.ProjectSelfEvaluation, title = $"压测 {unit}-{n}", content = Content(300m) }, "draft", ct);
        var id = draft.GetProperty("submissionId").GetGuid();
        long version = 1;
        async Task Step(string user, HttpMethod method, string action, object body, string type)
        {
            var result = await Send(Node(), user, method, $"/api/submissions/{id}/{action}", body, type, ct);
            version = result.GetProperty("version").GetInt64();
        }
        for (var r = 0; r < 3; r++)
            await Step(prep, HttpMethod.Put, "content", new { version, content = Content(301m + r + n % 100 / 100m) }, "revise");
        await Step(prep, HttpMethod.Post, "score", new { version }, "score");
        await Step(prep, HttpMethod.Post, "submit", new { version }, "submit");
        await Step(rev, HttpMethod.Post, "claim", new { version }, "claim");
        if (n % 5 == 4)
        {
            await Step(rev, HttpMethod.Post, "return", new { version, reason = "请修改" }, "return");
            await Step(prep, HttpMethod.Put, "content", new { version, content = Content(321m) }, "revise");
            await Step(prep, HttpMethod.Post, "score", new { version }, "score");
            await Step(prep, HttpMethod.Post, "submit", new { version }, "submit");
            await Step(rev, HttpMethod.Post, "claim", new { version }, "claim");
        }
        await Step(rev, HttpMethod.Post, "approve", new { version, grade = "良", opinion = "同意", signature = "经办人", stamp = "章" }, "approve");
        await Step(rev, HttpMethod.Post, "publish", new { version, indexNumber = $"B-{unit}-{n}", publisher = "单位", confidentialityReviewed = true, principalSigned = true }, "publish");
        return id;
    }

    /// <summary>Closed model: <paramref name="clients"/> workers loop lifecycles for the duration.</summary>
    public async Task<Result> ClosedAsync(int clients, TimeSpan duration, int firstUnit)
    {
        var before = _commands;
        var failuresBefore = _failures;
        var watch = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(duration);
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async w =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                try { await LifecycleAsync(firstUnit + w, n, stop.Token); }
                catch (OperationCanceledException) { }
                catch (InvalidOperationException e) { Console.Error.WriteLine(e.Message); }
            }
        }));
        var seconds = watch.Elapsed.TotalSeconds;
        return new Result((_commands - before) / seconds, _commands - before, _failures - failuresBefore);
    }

    /// <summary>
    /// Open model: commands arrive at a constant rate whatever the latency (lifecycles started so that the command
    /// rate is <paramref name="commandsPerSecond"/>); latencies are measured from each command's own start.
    /// </summary>
    public async Task<Result> OpenAsync(double commandsPerSecond, TimeSpan duration, int firstUnit, int units)
    {
        const int commandsPerLifecycle = 10; // 1 draft + 3 revise + score + submit + claim + approve + publish (+ the occasional return)
        var lifecyclesPerSecond = commandsPerSecond / commandsPerLifecycle;
        var interval = TimeSpan.FromSeconds(1 / lifecyclesPerSecond);
        var before = _commands;
        var watch = Stopwatch.StartNew();
        var running = new List<Task>();
        var started = 0;
        var unitCursor = 0;
        while (watch.Elapsed < duration)
        {
            var due = interval * started;
            if (watch.Elapsed < due) await Task.Delay(due - watch.Elapsed);
            var unit = firstUnit + unitCursor++ % units;
            var n = started++;
            running.Add(Task.Run(async () =>
            {
                try { await LifecycleAsync(unit, 1000 + n, CancellationToken.None); }
                catch (InvalidOperationException e) { Console.Error.WriteLine(e.Message); }
            }));
        }
        await Task.WhenAll(running);
        return new Result((_commands - before) / watch.Elapsed.TotalSeconds, _commands - before, _failures);
    }
}
