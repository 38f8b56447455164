using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Approval.Workflow.Submissions;

namespace Approval.Web.Tests.Infrastructure;

/// <summary>
/// Clients of several nodes under load: each worker drafts a report and takes it through score, submit, claim and
/// approve, spreading its commands over the nodes. A command that fails for want of a node (connection refused, a 5xx,
/// 409 command-in-progress) is sent again with the same Idempotency-Key to the next node, as a client behind a load
/// balancer would; anything else, or no success within the retry budget, is a failed command.
/// </summary>
public sealed class CommandLoad(IReadOnlyList<string> urls, HttpClient http, IReadOnlyDictionary<string, string> tokens, string tag, TimeSpan retryBudget)
{
    /// <summary>Every command that got a 2xx: the stream and the version it answered.</summary>
    public ConcurrentBag<(Guid Id, long Version)> Acknowledged { get; } = [];
    /// <summary>The submissions drafted, by their unique title.</summary>
    public ConcurrentDictionary<string, Guid> Drafted { get; } = new();
    public ConcurrentBag<string> Failures { get; } = [];
    private int _retries;
    public int Retries => _retries;

    public static async Task<Dictionary<string, string>> SignInAsync(HttpClient http, string url, params string[] users)
    {
        var tokens = new Dictionary<string, string>();
        foreach (var user in users)
        {
            var login = await http.PostAsJsonAsync($"{url}/api/auth/login", new { userName = user, password = TestOrganization.Password });
            tokens[user] = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        }
        return tokens;
    }

    /// <summary>
    /// Workers that each pause between commands, as people at their desks do: commands stay in flight at every moment of
    /// a restart, and the load leaves the nodes' start-ups (and the rest of the test run) the CPU they need — flat out,
    /// three workers held both cores of the test machine.
    /// </summary>
    public Task RunAsync(int workers, TimeSpan pause, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(() => Worker(w, pause, stop), CancellationToken.None)));

    private async Task Worker(int worker, TimeSpan pause, CancellationToken stop)
    {
        var node = worker;
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            try
            {
                var title = $"{tag}-{worker}-{n}";
                await Task.Delay(pause, stop);
                var created = await SendAsync("prep", "/api/submissions",
                    new Dictionary<string, object?> { ["fiscalYear"] = 2021, ["kind"] = SubmissionKind.ProjectSelfEvaluation, ["title"] = title, ["content"] = Samples.Ganfutong() }, node++, stop);
                if (created is null) continue;
                var id = created.Value.GetProperty("submissionId").GetGuid();
                Drafted[title] = id;
                var version = created.Value.GetProperty("version").GetInt64();
                foreach (var (user, action, extra) in Steps)
                {
                    var body = new Dictionary<string, object?>(extra) { ["version"] = version };
                    await Task.Delay(pause, stop);
                    var result = await SendAsync(user, $"/api/submissions/{id}/{action}", body, node++, stop);
                    if (result is null) break;
                    version = result.Value.GetProperty("version").GetInt64();
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
        }
    }

    private static readonly (string User, string Action, Dictionary<string, object?> Extra)[] Steps =
    [
        ("prep", "score", []), ("prep", "submit", []), ("rev", "claim", []),
        ("rev", "approve", new() { ["grade"] = "良", ["opinion"] = "同意", ["signature"] = "张", ["stamp"] = "章" }),
    ];

    /// <summary>One command on one node (retried there with its key); throws with the nodes' output when it fails.</summary>
    public async Task<JsonElement> SendOnAsync(int node, string user, string path, Dictionary<string, object?> body)
    {
        var only = new CommandLoad([urls[node]], http, tokens, tag, retryBudget);
        return await only.SendAsync(user, path, body, 0, CancellationToken.None)
            ?? throw new InvalidOperationException($"{user} POST {path} on node {node} failed: {only.Failures.Single()}");
    }

    /// <summary>One command, retried with its key on the next node until it succeeds or the budget is spent; null when it failed.</summary>
    public async Task<JsonElement?> SendAsync(string user, string path, Dictionary<string, object?> body, int firstNode, CancellationToken stop)
    {
        var key = Guid.NewGuid().ToString("D");
        var deadline = DateTime.UtcNow + retryBudget;
        var lastError = "";
        for (var attempt = 0; DateTime.UtcNow < deadline; attempt++)
        {
            stop.ThrowIfCancellationRequested();
            var url = urls[(firstNode + attempt) % urls.Count];
            if (attempt > 0)
            {
                Interlocked.Increment(ref _retries);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(1000, 100 * attempt)), stop);
            }
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url + path) { Content = JsonContent.Create(body, options: WorkflowFixture.Json) };
                request.Headers.Authorization = new("Bearer", tokens[user]);
                request.Headers.Add("Idempotency-Key", key);
                using var response = await http.SendAsync(request, stop);
                var text = await response.Content.ReadAsStringAsync(stop);
                if (response.IsSuccessStatusCode)
                {
                    var result = JsonDocument.Parse(text).RootElement.Clone();
                    Acknowledged.Add((result.GetProperty("submissionId").GetGuid(), result.GetProperty("version").GetInt64()));
                    return result;
                }
                lastError = $"{(int)response.StatusCode} from {url}: {text}";
                var retriable = (int)response.StatusCode >= 500 || (response.StatusCode == HttpStatusCode.Conflict && text.Contains("command-in-progress", StringComparison.Ordinal));
                if (!retriable) break;
            }
            catch (Exception e) when (e is HttpRequestException or IOException || (e is TaskCanceledException && !stop.IsCancellationRequested))
            {
                lastError = $"{e.GetType().Name} from {url}: {e.Message}";
            }
        }
        Failures.Add($"{user} POST {path} (key {key}): {lastError}");
        return null;
    }
}
