using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Approval.Web.Tests.Infrastructure;
using Approval.Workflow.Submissions;

namespace Approval.Web.Tests;

[Collection(ApiLane.Name)]
public class ApiBasicsTests(WorkflowFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.BeginClassAsync(GetType());
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(int Status, string Body, string? ContentType)> Raw(string user, string url, string body, string contentType = "application/json")
    {
        using var client = app.Host.Server.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        request.Headers.Authorization = new("Bearer", await app.TokenFor(user));
        var response = await client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("{\"fiscalYear\": \"二〇二一\", \"kind\": \"ProjectSelfEvaluation\"}")]
    [InlineData("{\"fiscalYear\": 2021, \"kind\": \"NoSuchKind\"}")]
    [InlineData("[]")]
    public async Task Malformed_commands_get_a_400_problem_and_change_nothing(string body)
    {
        var (status, text, type) = await Raw("prep", "/api/submissions", body);
        Assert.Equal(400, status);
        Assert.Equal("application/problem+json", type);
        Assert.Equal(400, JsonDocument.Parse(text).RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Missing_content_and_missing_version_are_explained()
    {
        var missingContent = await app.Command("prep", "/api/submissions", new { fiscalYear = 2021, kind = "ProjectSelfEvaluation", title = "x" }, 400);
        Assert.Equal("content-required", missingContent.GetProperty("code").GetString());
        Assert.Equal("请提供报告内容", missingContent.GetProperty("title").GetString());

        var created = await app.Command("prep", "/api/submissions", new { fiscalYear = 2021, kind = "ProjectSelfEvaluation", title = "x", content = Samples.Ganfutong() }, 201);
        var id = created.GetProperty("submissionId").GetGuid();
        var noVersion = await app.Command("prep", $"/api/submissions/{id}/score", new { }, 400);
        Assert.Equal("version-required", noVersion.GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_openapi_document_lists_the_business_steps()
    {
        using var client = app.Host.Server.CreateClient();
        var doc = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var step in new[] { "/api/submissions", "/api/submissions/{id}/submit", "/api/submissions/{id}/approve", "/api/submissions/{id}/publish", "/api/review-queue" })
            Assert.Contains(step, paths);
        // A report's answer carries the caller's actions, named with their values; no other answer claims them.
        string Success(string path, string method) => doc.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses").GetProperty("200").GetRawText();
        var report = Success("/api/submissions/{id}", "get");
        Assert.Contains("\"actions\"", report);
        foreach (var action in Enum.GetValues<SubmissionAction>())
            Assert.Contains($"\"{action.ApiName()}\"", report);
        Assert.DoesNotContain("\"actions\"", Success("/api/submissions/{id}/score", "get"));
    }

    [Fact]
    public async Task Anonymous_callers_get_401_except_on_public_endpoints()
    {
        using var client = app.Host.Server.CreateClient();
        Assert.Equal(401, (int)(await client.GetAsync("/api/submissions")).StatusCode);
        Assert.Equal(200, (int)(await client.GetAsync("/api/public/reports")).StatusCode);
        Assert.Equal(200, (int)(await client.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task Lists_come_in_pages_with_their_total_and_filters()
    {
        for (var i = 0; i < 7; i++)
            await app.Command("prep", "/api/submissions", new { fiscalYear = 2019, kind = "ProjectSelfEvaluation", title = $"分页{i}", content = Samples.InYear(Samples.Ganfutong(), 2019) }, 201);
        var third = await app.Get<JsonElement>("prep", "/api/submissions?year=2019&unit=U-BD&pageSize=3&page=3");
        Assert.Equal((7, 3, 3, 1), (third.GetProperty("total").GetInt32(), third.GetProperty("page").GetInt32(), third.GetProperty("pageSize").GetInt32(), third.GetProperty("items").GetArrayLength()));
        Assert.Equal(3, third.GetProperty("pages").GetInt32());
        var first = await app.Get<JsonElement>("prep", "/api/submissions?year=2019&pageSize=3");
        var all = first.GetProperty("items").EnumerateArray().Concat((await app.Get<JsonElement>("prep", "/api/submissions?year=2019&pageSize=3&page=2")).GetProperty("items").EnumerateArray())
            .Concat(third.GetProperty("items").EnumerateArray()).Select(e => e.GetProperty("title").GetString()).ToList();
        Assert.Equal(7, all.Distinct().Count()); // every item once, none dropped
        Assert.Equal(0, (await app.Get<JsonElement>("prep", "/api/submissions?year=2019&unit=U-OT")).GetProperty("total").GetInt32()); // no other unit's, whatever the filter

        foreach (var bad in new[] { "page=0", "pageSize=0", "pageSize=500", "page=-3" })
        {
            var refused = await app.Send("prep", HttpMethod.Get, $"/api/submissions?{bad}");
            Assert.Equal(400, (int)refused.StatusCode);
            Assert.StartsWith("page", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        }
        var queue = await app.Get<JsonElement>("rev", "/api/review-queue?pageSize=1");
        Assert.True(queue.TryGetProperty("total", out _) && queue.TryGetProperty("counts", out _));
        var catalogue = await app.Get<JsonElement>("audit", "/api/public/reports?pageSize=2");
        Assert.Equal(2, catalogue.GetProperty("pageSize").GetInt32());
    }

    [Fact]
    public async Task A_clients_correlation_id_is_recorded_on_the_commands_events_and_echoed()
    {
        var created = await app.Command("prep", "/api/submissions", new { fiscalYear = 2021, kind = "ProjectSelfEvaluation", title = "关联编号", content = Samples.Ganfutong() }, 201);
        var id = created.GetProperty("submissionId").GetGuid();
        using var client = app.Host.Server.CreateClient();
        async Task<HttpResponseMessage> Score(string correlation)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/submissions/{id}/score") { Content = JsonContent.Create(new { version = 1 }) };
            request.Headers.Authorization = new("Bearer", await app.TokenFor("prep"));
            request.Headers.TryAddWithoutValidation("X-Correlation-Id", correlation);
            return await client.SendAsync(request);
        }

        var before = await app.TotalEvents();
        var refused = await Score(new string('c', 129));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("correlation-id-invalid", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(before, await app.TotalEvents());

        var scored = await Score("batch-2026-12:07.a");
        Assert.True(scored.IsSuccessStatusCode, await scored.Content.ReadAsStringAsync());
        Assert.Equal("batch-2026-12:07.a", scored.Headers.GetValues("X-Correlation-Id").Single());
        var history = await app.Get<JsonElement>("prep", $"/api/submissions/{id}/history");
        var events = history.ValueKind == JsonValueKind.Array ? history : history.GetProperty("events");
        Assert.Equal("batch-2026-12:07.a", events.EnumerateArray().Last().GetProperty("correlationId").GetString());
        Assert.NotEqual("batch-2026-12:07.a", events.EnumerateArray().First().GetProperty("correlationId").GetString());
    }
}
