using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Approval.Web.Tests.Infrastructure;
using Approval.Workflow.Submissions;

namespace Approval.Web.Tests;

/// <summary>
/// Exactly once under races, by the convention clients know (the IETF Idempotency-Key header, or the body's commandId):
/// one event whatever the race, every duplicate answered as the first request was (status, body, Location), never a
/// version conflict or a 5xx; the same key with a different request is 422.
/// </summary>
[Collection(ApiLane.Name)]
public class IdempotencyTests(WorkflowFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.BeginClassAsync(GetType());
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<HttpResponseMessage> Send(string url, object body, string? key = null, HttpMethod? method = null)
    {
        using var client = app.Host.Server.CreateClient();
        var request = new HttpRequestMessage(method ?? HttpMethod.Post, url) { Content = JsonContent.Create(body, options: WorkflowFixture.Json) };
        request.Headers.Authorization = new("Bearer", await app.TokenFor("prep"));
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Twenty_parallel_drafts_with_one_key_store_one_report_and_all_get_the_first_answer()
    {
        var key = $"draft-{Guid.NewGuid():N}";
        var before = await app.TotalEvents();
        var body = new { fiscalYear = 2021, kind = SubmissionKind.ProjectSelfEvaluation, title = "幂等起草", content = Samples.Ganfutong() };
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Send("/api/submissions", body, key)));
        var texts = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        Assert.All(responses.Zip(texts), r => Assert.True(r.First.StatusCode == HttpStatusCode.Created, $"{(int)r.First.StatusCode} {r.Second}"));
        var ids = texts.Select(t => JsonDocument.Parse(t).RootElement.GetProperty("submissionId").GetGuid()).Distinct().ToList();
        var id = Assert.Single(ids);
        Assert.All(responses, r => Assert.Equal($"/api/submissions/{id}", r.Headers.Location?.ToString()));
        Assert.Equal(before + 1, await app.TotalEvents());
    }

    [Fact]
    public async Task Thirty_parallel_retries_of_one_command_append_one_event_and_replay_its_answer()
    {
        var created = await Send("/api/submissions", new { fiscalYear = 2021, kind = SubmissionKind.ProjectSelfEvaluation, title = "幂等评分", content = Samples.Ganfutong() });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("submissionId").GetGuid();
        var commandId = Guid.NewGuid();
        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => Send($"/api/submissions/{id}/score", new { commandId, version = 1 })));
        var texts = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        Assert.All(responses.Zip(texts), r => Assert.True(r.First.StatusCode == HttpStatusCode.OK, $"{(int)r.First.StatusCode} {r.Second}"));
        Assert.All(texts, t => Assert.Equal(2, JsonDocument.Parse(t).RootElement.GetProperty("version").GetInt64()));
        Assert.Equal(2, await app.StreamVersion(id));
    }

    [Fact]
    public async Task The_same_key_for_a_different_request_is_422_and_a_mismatched_commandId_400()
    {
        var key = $"k-{Guid.NewGuid():N}";
        var first = await Send("/api/submissions", new { fiscalYear = 2021, kind = SubmissionKind.ProjectSelfEvaluation, title = "第一份", content = Samples.Ganfutong() }, key);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var before = await app.TotalEvents();
        var other = await Send("/api/submissions", new { fiscalYear = 2021, kind = SubmissionKind.ProjectSelfEvaluation, title = "另一份", content = Samples.Ganfutong() }, key);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("idempotency-key-reused", (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(before, await app.TotalEvents());

        var mismatch = await Send("/api/submissions", new { commandId = Guid.NewGuid(), fiscalYear = 2021, kind = SubmissionKind.ProjectSelfEvaluation, title = "x", content = Samples.Ganfutong() }, $"k-{Guid.NewGuid():N}");
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
        Assert.Equal("idempotency-key-mismatch", (await mismatch.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_key_belongs_to_its_caller_and_a_header_key_replays_with_location()
    {
        var key = $"shared-{Guid.NewGuid():N}";
        var body = new { fiscalYear = 2021, kind = SubmissionKind.ProjectSelfEvaluation, title = "各自的键", content = Samples.Ganfutong() };
        var mine = await Send("/api/submissions", body, key);
        var again = await Send("/api/submissions", body, key);
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (mine.StatusCode, again.StatusCode));
        Assert.Equal(mine.Headers.Location, again.Headers.Location);
        Assert.Equal(await mine.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());

        // Another preparer with the same key text: their own operation, never the first caller's answer.
        using var client = app.Host.Server.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/submissions") { Content = JsonContent.Create(body, options: WorkflowFixture.Json) };
        request.Headers.Authorization = new("Bearer", await app.TokenFor("prep-yy"));
        request.Headers.Add("Idempotency-Key", key);
        var theirs = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, theirs.StatusCode);
        Assert.NotEqual(mine.Headers.Location, theirs.Headers.Location);
    }

    [Fact]
    public async Task A_malformed_key_is_refused_and_changes_nothing()
    {
        var before = await app.TotalEvents();
        var response = await Send("/api/submissions", new { fiscalYear = 2021, kind = SubmissionKind.ProjectSelfEvaluation, title = "x", content = Samples.Ganfutong() },
            new string('k', 300));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("idempotency-key-invalid", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(before, await app.TotalEvents());
    }

    [Fact]
    public async Task A_guid_key_is_one_key_however_it_is_spelled()
    {
        var commandId = Guid.NewGuid();
        var body = new { commandId = commandId.ToString(), fiscalYear = 2021, kind = SubmissionKind.ProjectSelfEvaluation, title = "大小写", content = Samples.Ganfutong() };
        var first = await Send("/api/submissions", body);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var before = await app.TotalEvents();
        // The same GUID in capitals: the same key, and (the key is no part of the request's fingerprint) the same
        // request — the first answer, never a second report.
        var shouted = await Send("/api/submissions", body with { commandId = commandId.ToString().ToUpperInvariant() });
        Assert.Equal(HttpStatusCode.Created, shouted.StatusCode);
        Assert.Equal(first.Headers.Location, shouted.Headers.Location);
        var mixed = await Send("/api/submissions", body, commandId.ToString().ToUpperInvariant());
        Assert.Equal(HttpStatusCode.Created, mixed.StatusCode); // header and body name the same key: the first answer
        Assert.Equal(first.Headers.Location, mixed.Headers.Location);
        var empty = await Send("/api/submissions", body with { commandId = Guid.Empty.ToString() });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(before, await app.TotalEvents());
    }

    [Fact]
    public async Task One_key_is_one_request_whether_it_comes_in_the_header_quoted_or_in_the_body()
    {
        var created = await Send("/api/submissions", new { fiscalYear = 2021, kind = SubmissionKind.ProjectSelfEvaluation, title = "键的位置", content = Samples.Ganfutong() });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("submissionId").GetGuid();
        var key = $"moved-{Guid.NewGuid():N}";
        var before = await app.TotalEvents();
        var inHeader = await Send($"/api/submissions/{id}/score", new { version = 1 }, key);
        var quoted = await Send($"/api/submissions/{id}/score", new { version = 1 }, $"\"{key}\"");
        var inBody = await Send($"/api/submissions/{id}/score", new { commandId = key, version = 1 });
        var inBodyLast = await Send($"/api/submissions/{id}/score", new { version = 1, commandId = key });
        var both = await Send($"/api/submissions/{id}/score", new { commandId = key, version = 1 }, key);
        var first = await inHeader.Content.ReadAsStringAsync();
        foreach (var (how, response) in new[] { ("quoted header", quoted), ("body", inBody), ("body, last", inBodyLast), ("header and body", both) })
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{how}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.Equal(first, await response.Content.ReadAsStringAsync());
        }
        Assert.Equal(before + 1, await app.TotalEvents());
    }

    [Fact]
    public async Task An_administrators_create_retried_with_its_key_gets_the_first_answer_and_another_body_422()
    {
        async Task<HttpResponseMessage> Create(string id, string name, string key)
        {
            using var client = app.Host.Server.CreateClient();
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/sections") { Content = JsonContent.Create(new { id, name }) };
            request.Headers.Authorization = new("Bearer", await app.TokenFor("admin"));
            request.Headers.Add("Idempotency-Key", key);
            return await client.SendAsync(request);
        }

        var key = $"section-{Guid.NewGuid():N}";
        var id = $"S-IDEM-{Guid.NewGuid():N}"[..20];
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Create(id, "幂等股室", key)));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(HttpStatusCode.OK, (await Create(id, "幂等股室", key)).StatusCode);

        var other = await Create(id, "另一个名称", key);
        Assert.Equal((HttpStatusCode)422, other.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Create(id, "幂等股室", $"section-{Guid.NewGuid():N}")).StatusCode);
        await using var session = app.Store.QuerySession(TestOrganization.Tenant);
        Assert.Equal("幂等股室", (await session.LoadAsync<Organization.ReviewSection>(id))?.Name);
    }

    [Fact]
    public async Task An_accounts_create_is_not_deduplicated_because_its_body_holds_the_password()
    {
        var key = $"account-{Guid.NewGuid():N}";
        var name = $"idem-{Guid.NewGuid():N}"[..20];
        async Task<HttpResponseMessage> Create()
        {
            using var client = app.Host.Server.CreateClient();
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/accounts")
            { Content = JsonContent.Create(new { id = name, displayName = "幂等账户", password = WorkflowFixture.Password, role = "Auditor" }) };
            request.Headers.Authorization = new("Bearer", await app.TokenFor("admin"));
            request.Headers.Add("Idempotency-Key", key);
            return await client.SendAsync(request);
        }

        Assert.Equal(HttpStatusCode.OK, (await Create()).StatusCode);
        var retry = await Create();
        Assert.Equal(HttpStatusCode.Conflict, retry.StatusCode);
        Assert.Equal("account-exists", (await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }
}
