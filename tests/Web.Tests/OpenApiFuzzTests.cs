using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Approval.Web.Tests.Infrastructure;
using Approval.Workflow.Submissions;

namespace Approval.Web.Tests;

/// <summary>
/// Every operation of the OpenAPI document, as every kind of caller, with hostile path, query and body values derived
/// from the document's own schemas: no 5xx, every refusal in the one problem shape (a <c>code</c>, a Chinese title, an
/// English detail), and the store grows only by the writes that were acknowledged. Bounded and seeded.
/// </summary>
[Collection(ApiLane.Name)]
public class OpenApiFuzzTests(WorkflowFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.BeginClassAsync(GetType());
    public Task DisposeAsync() => Task.CompletedTask;

    private static readonly string?[] Callers = [null, "prep", "rev", "audit", "admin", "prep-other"];

    [Fact]
    public async Task Every_operation_refuses_hostile_input_with_a_problem_and_never_a_5xx()
    {
        var created = await app.Command("prep", "/api/submissions", new { fiscalYear = 2021, kind = SubmissionKind.ProjectSelfEvaluation, title = "模糊测试", content = Samples.Ganfutong() }, 201);
        var id = created.GetProperty("submissionId").GetGuid();
        foreach (var user in Callers.OfType<string>()) await app.TokenFor(user); // before the fuzzed logins meet the sign-in throttle
        using var http = app.Host.Server.CreateClient();
        var document = JsonNode.Parse(await http.GetStringAsync("/openapi/v1.json"))!;
        var schemas = document["components"]?["schemas"]?.AsObject();

        var random = new Random(20261123);
        var requests = new List<(string Method, string Url, string? Body, string? User)>();
        foreach (var (path, operations) in document["paths"]!.AsObject())
            foreach (var (method, operation) in operations!.AsObject())
            {
                var parameters = operation!["parameters"]?.AsArray().Select(p => p!).ToList() ?? [];
                var bodySchema = operation["requestBody"]?["content"]?["application/json"]?["schema"];
                foreach (var user in Callers)
                {
                    foreach (var variant in Enumerable.Range(0, 6))
                        requests.Add((method.ToUpperInvariant(), Url(path, parameters, id, variant, random), bodySchema is null ? null : "{}", user));
                    if (bodySchema is null) continue;
                    foreach (var body in HostileBodies(Resolve(bodySchema, schemas), schemas, random))
                        requests.Add((method.ToUpperInvariant(), Url(path, parameters, id, 0, random), body, user));
                }
            }
        Assert.True(requests.Count > 1000, $"only {requests.Count} requests generated");

        var before = await app.TotalEvents();
        var writes = 0;
        var failures = new ConcurrentBag<string>();
        using var gate = new SemaphoreSlim(4);
        await Task.WhenAll(requests.Select(async r =>
        {
            await gate.WaitAsync();
            try
            {
                var request = new HttpRequestMessage(new HttpMethod(r.Method), r.Url);
                if (r.User is not null) request.Headers.Authorization = new("Bearer", await app.TokenFor(r.User));
                if (r.Body is not null) request.Content = new StringContent(r.Body, Encoding.UTF8, "application/json");
                var response = await http.SendAsync(request);
                var status = (int)response.StatusCode;
                var text = await response.Content.ReadAsStringAsync();
                var what = $"{r.Method} {r.Url} as {r.User ?? "anonymous"} with {r.Body?[..Math.Min(120, r.Body.Length)]}: {status} {text[..Math.Min(200, text.Length)]}";
                if (status >= 500) failures.Add(what);
                else if (status >= 400 && !IsProblem(text)) failures.Add("not a problem: " + what);
                else if (status is 200 or 201 && r.Method != "GET" && r.Url.StartsWith("/api/submissions", StringComparison.Ordinal)) Interlocked.Increment(ref writes);
            }
            finally { gate.Release(); }
        }));

        Assert.True(failures.IsEmpty, $"{failures.Count} of {requests.Count}:\n{string.Join("\n", failures.Take(15))}");
        Assert.Equal(before + writes, await app.TotalEvents());
    }

    private static bool IsProblem(string text)
    {
        try
        {
            var problem = JsonDocument.Parse(text).RootElement;
            return problem.TryGetProperty("code", out var code) && code.GetString() is { Length: > 0 }
                && problem.TryGetProperty("title", out var title) && title.GetString()!.Any(c => c >= 0x4E00 && c <= 0x9FFF)
                && problem.TryGetProperty("detail", out var detail) && detail.GetString() is { Length: > 0 };
        }
        catch (JsonException) { return false; }
    }

    /// <summary>Path and query values: sensible (variant 0), then odd, huge, negative, foreign and malformed ones.</summary>
    private static string Url(string path, List<JsonNode> parameters, Guid id, int variant, Random random)
    {
        var url = path;
        var query = new List<string>();
        foreach (var p in parameters)
        {
            var name = p["name"]!.GetValue<string>();
            var type = p["schema"]?["type"]?.ToJsonString() ?? "";
            var value = (name, variant) switch
            {
                ("id", 0) => id.ToString(),
                ("id", 1) => Guid.NewGuid().ToString(),
                ("id", 2) => "not-a-guid",
                ("id", _) => id.ToString(),
                ("unitId", _) => new[] { "U-SR", "U-OTHER", "../../etc", "%00" }[variant % 4],
                ("at", _) => new[] { "2026-11-23T10:00:00+08:00", "2026-11-23T10:00:00-11:00", "9999-99-99", "0001-01-01T00:00:00Z", "now", "2026-11-23T10:00:00+14:00" }[variant],
                (_, _) when type.Contains("integer") => new[] { "2021", "99999999999999999999999", "-1", "0", "1e9", "abc" }[variant],
                (_, _) when type.Contains("boolean") => new[] { "true", "maybe", "1", "", "false", "null" }[variant],
                _ => new[] { "x", "Submitted", "<script>", new string('长', 5000), "\u202e", "优" }[variant],
            };
            if (p["in"]!.GetValue<string>() == "path") url = url.Replace("{" + name + "}", Uri.EscapeDataString(value));
            else query.Add($"{name}={Uri.EscapeDataString(value)}");
        }
        return query.Count == 0 ? url : url + "?" + string.Join('&', query);
    }

    /// <summary>Whole-body shapes every endpoint must refuse, then the schema's properties one at a time made hostile.</summary>
    private static IEnumerable<string> HostileBodies(JsonNode? schema, JsonObject? schemas, Random random)
    {
        yield return "null";
        yield return "[]";
        yield return "\"x\"";
        yield return "12345678901234567890123456789";
        yield return "{\"version\":1e400}";
        yield return new string('[', 3000) + new string(']', 3000);
        // The idempotency key is read before any endpoint binds the body: a key that is no text, or far too long.
        yield return "{\"commandId\":\"\\ud800\",\"version\":1}";
        yield return "{\"commandId\":\"\\u0000\",\"version\":1}";
        yield return $"{{\"commandId\":\"{new string('k', 5000)}\",\"version\":1}}";
        var properties = schema?["properties"]?.AsObject();
        if (properties is null) yield break;
        foreach (var (name, propertySchema) in properties)
        {
            var resolved = Resolve(propertySchema, schemas);
            var type = resolved?["type"]?.ToJsonString() ?? "object";
            var values = type.Contains("integer") || type.Contains("number")
                ? new[] { "1e308", "-99999999999999999999999999999", "\"7\"", "0.000000001", "null" }
                : type.Contains("string")
                    ? new[] { "\"\"", $"\"{new string('长', 20_000)}\"", "\"\\u0000\\u202e\\u200b\"", "\"\\ud800\"", "\"x\\udc00\"", "\"编号<script>\"", "\"../../etc/passwd\"", "42", "null" }
                    : type.Contains("boolean") ? new[] { "\"yes\"", "2", "null" }
                    : type.Contains("array") ? new[] { "{}", "[null,null]", $"[{string.Join(',', Enumerable.Repeat("{}", 2000))}]", "null" }
                    : new[] { "[]", "\"x\"", "{\"unknown\":1}", "null" };
            foreach (var value in values) yield return $"{{\"{name}\":{value},\"version\":{random.Next(-1, 4)}}}";
        }
    }

    private static JsonNode? Resolve(JsonNode? schema, JsonObject? schemas) =>
        schema?["$ref"]?.GetValue<string>() is { } reference && schemas is not null ? schemas[reference.Split('/')[^1]] : schema;
}
