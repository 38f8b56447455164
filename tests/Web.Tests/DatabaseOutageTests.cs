using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Alba;
using Approval.Web.Tests.Infrastructure;
using Approval.Workflow.Submissions;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Approval.Web.Tests;

/// <summary>
/// The database goes away under a running app (every connection dropped, new ones refused) and comes back: commands
/// answer 503 with Retry-After and store nothing, /health keeps answering at once, and work resumes by itself.
/// </summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private string _owner = "";
    private TcpProxy _proxy = null!;
    private IAlbaHost _host = null!;

    public async Task InitializeAsync()
    {
        _owner = await TestDatabase.CreateAsync("outage");
        var app = new NpgsqlConnectionStringBuilder(await TestDatabase.AppConnectionStringAsync(_owner));
        _proxy = new TcpProxy(app.Host!, app.Port);
        string ViaProxy(string connection) => new NpgsqlConnectionStringBuilder(connection) { Host = "127.0.0.1", Port = _proxy.Port, Timeout = 3 }.ConnectionString;
        _host = await AlbaHost.For<Program>(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:Approval", ViaProxy(app.ConnectionString));
            builder.UseSetting("ConnectionStrings:ApprovalOwner", ViaProxy(_owner));
            builder.UseSetting("Approval:ChainKey", "outage-key");
            builder.UseSetting("Approval:Demo", "false");
        });
        await TestOrganization.SeedAsync(_host.Services.GetRequiredService<IDocumentStore>());
    }

    public async Task DisposeAsync()
    {
        _proxy.Restore();
        await _host.DisposeAsync();
        await _proxy.DisposeAsync();
        await TestDatabase.DropAsync(_owner);
    }

    [Fact]
    public async Task While_the_database_is_away_commands_get_503_nothing_is_stored_and_work_resumes()
    {
        using var http = _host.Server.CreateClient();
        var login = await http.PostAsJsonAsync("/api/auth/login", new { userName = "prep", password = TestOrganization.Password });
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        Task<HttpResponseMessage> Draft(string title)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/submissions")
            {
                Content = JsonContent.Create(new { fiscalYear = 2021, kind = SubmissionKind.ProjectSelfEvaluation, title, content = Samples.Ganfutong() }, options: WorkflowFixture.Json),
            };
            request.Headers.Authorization = new("Bearer", token);
            return http.SendAsync(request);
        }
        Assert.Equal(HttpStatusCode.Created, (await Draft("停机前")).StatusCode);

        _proxy.Cut();
        var refused = await Draft("停机中");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter is not null, "Retry-After");
        Assert.Equal("unavailable", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());

        var watch = Stopwatch.StartNew();
        var health = await http.GetAsync("/health");
        watch.Stop();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        // Bounded by the checks' 0.8 s timeout; the margin is for a loaded machine, not a speed target.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"/health took {watch.Elapsed.TotalSeconds:0.0} s");

        _proxy.Restore();
        HttpResponseMessage? after = null;
        for (var attempt = 0; attempt < 40 && after?.StatusCode != HttpStatusCode.Created; attempt++)
        {
            if (attempt > 0) await Task.Delay(250);
            after = await Draft("恢复后");
        }
        Assert.Equal(HttpStatusCode.Created, after!.StatusCode);

        await using var conn = new NpgsqlConnection(_owner);
        await conn.OpenAsync();
        await using var titles = new NpgsqlCommand("select data ->> 'Title' from approval.mt_doc_submission order by data ->> 'CreatedAt'", conn);
        var stored = new List<string>();
        await using (var reader = await titles.ExecuteReaderAsync())
            while (await reader.ReadAsync()) stored.Add(reader.GetString(0));
        Assert.Equal(["停机前", "恢复后"], stored);
    }
}
