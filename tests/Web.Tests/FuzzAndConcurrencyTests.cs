using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Approval.Web.Tests.Infrastructure;

namespace Approval.Web.Tests;

[Collection(ApiLane.Name)]
public class FuzzAndConcurrencyTests(WorkflowFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.BeginClassAsync(GetType());
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Fifty_parallel_conflicting_commands_record_each_acknowledged_one_exactly_once()
    {
        var id = await app.Reports.Submitted(title: "并发");
        await app.Command("rev", $"/api/submissions/{id}/claim", new { version = 3 });
        var version = await app.StreamVersion(id);
        var commands = Enumerable.Range(0, 50).Select(i => (CommandId: Guid.NewGuid(), Text: $"并发意见 {i}")).ToList();
        var responses = await Task.WhenAll(commands.Select(c =>
            app.Send("rev", HttpMethod.Post, $"/api/submissions/{id}/comments", new { commandId = c.CommandId, version, text = c.Text })));
        var statuses = responses.Select(r => (int)r.StatusCode).ToList();
        Assert.All(statuses, s => Assert.Contains(s, new[] { 200, 409 }));
        var acknowledged = commands.Where((_, i) => statuses[i] == 200).Select(c => c.Text).ToList();
        Assert.Single(acknowledged); // all were decided on the same version: exactly one can win
        var winner = await responses[statuses.IndexOf(200)].Content.ReadFromJsonAsync<JsonElement>(WorkflowFixture.Json);
        Assert.Equal((id, version + 1), (winner.GetProperty("submissionId").GetGuid(), winner.GetProperty("version").GetInt64()));
        foreach (var loser in responses.Where(r => (int)r.StatusCode == 409))
        {
            var problem = await loser.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("version-conflict", problem.GetProperty("code").GetString());
            Assert.True(problem.TryGetProperty("currentVersion", out var current), problem.GetRawText());
            Assert.Equal(version + 1, current.GetInt64()); // where to retry from
            Assert.Contains("当前版本", problem.GetProperty("title").GetString());
        }

        await using var session = app.Store.QuerySession(TestOrganization.Tenant);
        var comments = (await session.Events.FetchStreamAsync(id)).Select(e => e.Data).OfType<Approval.Workflow.Submissions.Reviewing.ReviewCommented>().Select(c => c.Text).ToList();
        Assert.Equal(acknowledged, comments);

        // Retrying every command with its own id now answers as first answered, and still appends nothing new.
        var retries = await Task.WhenAll(commands.Select(c =>
            app.Send("rev", HttpMethod.Post, $"/api/submissions/{id}/comments", new { commandId = c.CommandId, version, text = c.Text })));
        Assert.Equal(version + 1, await app.StreamVersion(id));
        Assert.Equal(1, retries.Count(r => (int)r.StatusCode == 200));
    }

    private static readonly string[] Routes =
    [
        "POST /api/submissions", "PUT /api/submissions/{id}/content", "POST /api/submissions/{id}/score", "POST /api/submissions/{id}/submit",
        "POST /api/submissions/{id}/claim", "POST /api/submissions/{id}/comments", "POST /api/submissions/{id}/return", "POST /api/submissions/{id}/approve",
        "POST /api/submissions/{id}/publish", "POST /api/submissions/{id}/withdraw", "POST /api/auth/login", "POST /api/admin/units",
        "GET /api/submissions/{id}/as-of", "GET /api/submissions/{id}/diff", "GET /api/review-queue", "GET /api/public/reports/{id}",
    ];

    /// <summary>
    /// A bounded fuzz run with a fixed seed: valid requests mutated (bytes flipped, cut, spliced, types swapped,
    /// huge and odd values, control characters, random ids). No 5xx, nothing unhandled in the log, and the event
    /// store grows only by the commands that were acknowledged.
    /// </summary>
    [Fact]
    public async Task Thousands_of_mutated_requests_never_get_a_5xx()
    {
        var random = new Random(20261122);
        var id = await app.Reports.Submitted(title: "并发");
        foreach (var user in new[] { "prep", "rev", "audit", "prep-other" }) await app.TokenFor(user); // before the fuzzed logins meet the sign-in throttle
        app.ErrorLog.Errors.Clear();
        var before = await app.TotalEvents();
        var acknowledgedWrites = 0;
        var failures = new ConcurrentBag<string>();
        var bodies = new[]
        {
            JsonSerializer.Serialize(new { fiscalYear = 2021, kind = "ProjectSelfEvaluation", title = "fuzz", content = Samples.Ganfutong() }, WorkflowFixture.Json),
            JsonSerializer.Serialize(new { version = 3, text = "意见", row = "企业满意度", reason = "退回", grade = "良", opinion = "同意", signature = "张", stamp = "章" }),
            JsonSerializer.Serialize(new { userName = "prep", password = "x" }),
            JsonSerializer.Serialize(new { id = "U-F", name = "单位", sectionId = "S-1" }),
        };
        const int total = 2000;
        var requests = Enumerable.Range(0, total).Select(_ =>
        {
            var route = Routes[random.Next(Routes.Length)];
            var method = route[..route.IndexOf(' ')];
            var target = random.Next(10) == 0 ? Guid.NewGuid() : id;
            var url = route[(route.IndexOf(' ') + 1)..].Replace("{id}", random.Next(20) == 0 ? "not-a-guid" : target.ToString());
            if (url.EndsWith("as-of", StringComparison.Ordinal)) url += random.Next(2) == 0 ? "?version=" + random.Next(-5, 50) : "?at=garbage";
            if (url.EndsWith("diff", StringComparison.Ordinal)) url += $"?from={random.Next(-3, 9)}&to={random.Next(-3, 9)}";
            var body = Mutate(bodies[random.Next(bodies.Length)], random);
            var user = new[] { "prep", "rev", "audit", "prep-other" }[random.Next(4)];
            return (method, url, body, user);
        }).ToList();

        using var gate = new SemaphoreSlim(4);
        await Task.WhenAll(requests.Select(async r =>
        {
            await gate.WaitAsync();
            try
            {
                using var client = app.Host.Server.CreateClient();
                var request = new HttpRequestMessage(new HttpMethod(r.method), r.url);
                request.Headers.Authorization = new("Bearer", await app.TokenFor(r.user));
                if (r.method != "GET") request.Content = new ByteArrayContent(r.body) { Headers = { ContentType = new("application/json") } };
                var response = await client.SendAsync(request);
                var status = (int)response.StatusCode;
                if (status >= 500) failures.Add($"{r.method} {r.url} as {r.user}: {status} {Encoding.UTF8.GetString(r.body)[..Math.Min(200, r.body.Length)]}");
                if (status is 200 or 201 && r.method != "GET" && r.url.StartsWith("/api/submissions", StringComparison.Ordinal)) Interlocked.Increment(ref acknowledgedWrites);
            }
            finally { gate.Release(); }
        }));

        Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(10)));
        // Wolverine logs each refused body it could not read; an unhandled exception is what reaches our last-resort handler.
        var unhandled = app.ErrorLog.Errors.Where(e => e.StartsWith("Approval.Web.ApiExceptionHandler", StringComparison.Ordinal) || e.Contains("Unhandled", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(unhandled.Count == 0, string.Join("\n", unhandled.Take(5)));
        Assert.Equal(before + acknowledgedWrites, await app.TotalEvents());
    }

    private static byte[] Mutate(string json, Random random)
    {
        var text = json;
        switch (random.Next(9))
        {
            case 0: break; // some requests stay valid
            case 1:
                var bytes = Encoding.UTF8.GetBytes(text);
                for (var i = 0; i < 1 + random.Next(5); i++) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                return bytes;
            case 2: text = text[..random.Next(text.Length)]; break;
            case 3: text = text.Insert(random.Next(text.Length), new[] { "\\u0000", "\u0007", "{\"a\":", "]]]", "\"\"", "null", "1e309", "-0", "\\ud800" }[random.Next(9)]); break;
            case 4: text = System.Text.RegularExpressions.Regex.Replace(text, "\\d+(\\.\\d+)?", _ => new[] { "1e30", "-1", "0.0000001", "\"7\"", "null", "99999999999999999999999" }[random.Next(6)]); break;
            case 5: text = text.Replace("\"良\"", new[] { "\"优秀\"", "\"A\"", "1", "null", "\"\"" }[random.Next(5)]); break;
            case 6: text = new string('[', 5000) + text; break;
            case 7: text = text.Replace("\"", random.Next(2) == 0 ? "'" : ""); break;
            default: text = text.Replace("fuzz", new string('长', 10_000)).Replace("意见", "<script>alert(1)</script>\u0000"); break;
        }
        return Encoding.UTF8.GetBytes(text);
    }
}
