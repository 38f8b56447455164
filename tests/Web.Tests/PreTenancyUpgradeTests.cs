using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net.Http.Json;
using System.Text.Json;
using Alba;
using Approval.Web.Integrity;
using Approval.Web.Tenants;
using Approval.Web.Tests.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Approval.Web.Tests;

/// <summary>
/// A database written by the release before 财政局 tenancy (Fixtures/pre-tenancy.sql.gz: pg_dump of that release's demo,
/// with one report approved and published and one returned) is taken over by the bureau the operator names.
/// </summary>
public class PreTenancyUpgradeTests
{
    private const string PublishedId = "01a23854-7c55-73b6-9d73-a737dfdd4ec6";
    private const string ReturnedId = "01a23854-7bfe-7992-a1ab-a9a6b7b800aa";
    // The chain key that release ran with (Approval__ChainKey); an upgrade keeps the deployment's key.
    private const string ChainKeySetting = "pre-tenancy-chain-key";

    private static Task<string> RestoreOldReleaseAsync() => RestoreDumpAsync("pre-tenancy");

    /// <summary>A new database holding Fixtures/{name}.sql.gz (a release's pg_dump); its owner's connection string.</summary>
    internal static async Task<string> RestoreDumpAsync(string name)
    {
        var owner = await TestDatabase.CreateAsync(name.Replace("-", "", StringComparison.Ordinal));
        var sql = Path.Combine(Path.GetTempPath(), $"{name}-{Guid.NewGuid():N}.sql");
        await using (var gz = new GZipStream(File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Fixtures", name + ".sql.gz")), CompressionMode.Decompress))
        await using (var file = File.Create(sql))
            await gz.CopyToAsync(file);
        try
        {
            var c = new NpgsqlConnectionStringBuilder(owner);
            var psi = new ProcessStartInfo(Path.Combine(await TestDatabase.ToolsDirectory(), "psql"))
            {
                RedirectStandardError = true, RedirectStandardOutput = true,
                Environment = { ["PGPASSWORD"] = c.Password },
            };
            foreach (var a in new[] { "-h", c.Host!, "-p", c.Port.ToString(CultureInfo.InvariantCulture), "-U", c.Username!, "-d", c.Database!, "-v", "ON_ERROR_STOP=1", "-q", "-f", sql })
                psi.ArgumentList.Add(a);
            using var process = Process.Start(psi)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            await output;
            Assert.True(process.ExitCode == 0, $"psql failed: {error}");
        }
        finally { File.Delete(sql); }
        return owner;
    }

    private static Task<IAlbaHost> StartAsync(string owner, string app, params (string Key, string Value)[] settings) =>
        AlbaHost.For<Program>(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:ApprovalOwner", owner);
            builder.UseSetting("ConnectionStrings:Approval", app);
            builder.UseSetting("Approval:Demo", "false");
            builder.UseSetting("Approval:ChainKey", ChainKeySetting);
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
        });

    [Fact]
    public async Task The_named_bureau_takes_over_every_account_report_and_event_with_its_chains_intact()
    {
        var owner = await RestoreOldReleaseAsync();
        try
        {
            var app = await TestDatabase.AppConnectionStringAsync(owner);
            await using var host = await StartAsync(owner, app, ("Approval:UpgradeBureau:Id", "shangrao"), ("Approval:UpgradeBureau:Name", "上饶市财政局"));
            var store = host.Services.GetRequiredService<IDocumentStore>();

            await using (var query = store.QuerySession("shangrao"))
            {
                foreach (var id in new[] { PublishedId, ReturnedId })
                {
                    var verification = await EventChainStamp.VerifyAsync(query, new ChainKey(System.Text.Encoding.UTF8.GetBytes(ChainKeySetting)), Guid.Parse(id), CancellationToken.None);
                    Assert.True(verification.Intact, verification.Summary);
                }
            }
            await using (var query = store.QuerySession())
                Assert.Contains(await query.Query<FinanceBureau>().ToListAsync(), b => b.Id == "shangrao" && b.Name == "上饶市财政局");

            // The old accounts sign in, in their bureau, and find their work where they left it.
            var preparer = await SignInAsync(host, "dashuju");
            var drafts = await GetAsync(host, preparer, "/api/submissions?pageSize=100");
            Assert.Contains(drafts.GetProperty("items").EnumerateArray(), s => s.GetProperty("id").GetString() == ReturnedId && s.GetProperty("state").GetString() == "Returned");
            var reviewer = await SignInAsync(host, "jingban");
            var queue = await GetAsync(host, reviewer, "/api/review-queue");
            Assert.Equal(1, queue.GetProperty("counts").GetProperty("published").GetInt32());
            Assert.Equal(1, queue.GetProperty("counts").GetProperty("returned").GetInt32());
            var history = await GetAsync(host, await SignInAsync(host, "shenji"), $"/api/submissions/{PublishedId}/history");
            Assert.Equal(6, history.GetArrayLength());
            var catalogue = await GetAsync(host, null, "/api/public/reports");
            Assert.Contains(catalogue.GetProperty("items").EnumerateArray(), r => r.GetProperty("submissionId").GetString() == PublishedId);

            // New work still lands: the upgraded stream takes the next event, chained to the old ones.
            await Command(host, preparer, $"/api/submissions/{ReturnedId}/score", new { version = 5 });
            await using (var query = store.QuerySession("shangrao"))
            {
                var verification = await EventChainStamp.VerifyAsync(query, new ChainKey(System.Text.Encoding.UTF8.GetBytes(ChainKeySetting)), Guid.Parse(ReturnedId), CancellationToken.None);
                Assert.True(verification.Intact && verification.EventsChecked == 6, verification.Summary);
            }
            await host.StopAsync();

            // Once upgraded, the database starts without the setting: the upgrade does not run again.
            await using var again = await StartAsync(owner, app);
            var queueAgain = await GetAsync(again, await SignInAsync(again, "jingban"), "/api/review-queue");
            Assert.Equal(1, queueAgain.GetProperty("counts").GetProperty("published").GetInt32());
        }
        finally
        {
            await TestDatabase.DropAsync(owner);
        }
    }

    [Fact]
    public async Task Without_the_bureau_named_the_app_refuses_to_start_and_changes_nothing()
    {
        var owner = await RestoreOldReleaseAsync();
        try
        {
            // The real process, as an operator starts it: it says which setting is missing and ends with EX_CONFIG.
            var app = await TestDatabase.AppConnectionStringAsync(owner);
            var (exitCode, output) = await AppProcess.CommandAsync(new Dictionary<string, string>
            {
                ["ConnectionStrings__ApprovalOwner"] = owner, ["ConnectionStrings__Approval"] = app,
                ["Approval__Demo"] = "false", ["Approval__ChainKey"] = ChainKeySetting,
            }, standardInput: null);
            Assert.True(exitCode == 78, output);
            Assert.Contains("无法启动：缺少必需的设置 Approval:UpgradeBureau:Id", output);
            Assert.Contains("Approval__UpgradeBureau__Id", output);

            await using var conn = new NpgsqlConnection(owner);
            await conn.OpenAsync();
            Assert.True(await PreTenancyUpgrade.IsNeededAsync(conn, "approval", CancellationToken.None));
            await using var tenants = new NpgsqlCommand("select array_agg(distinct tenant_id) from approval.mt_events", conn);
            Assert.Equal(["*DEFAULT*"], (string[])(await tenants.ExecuteScalarAsync())!);
        }
        finally
        {
            await TestDatabase.DropAsync(owner);
        }
    }

    internal static async Task<string> SignInAsync(IAlbaHost host, string user)
    {
        var result = await host.Scenario(s =>
        {
            s.Post.Json(new { userName = user, password = "Demo#2026pass" }).ToUrl("/api/auth/login");
            s.StatusCodeShouldBeOk();
        });
        return (await result.ReadAsJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    internal static async Task<JsonElement> GetAsync(IAlbaHost host, string? token, string url)
    {
        using var client = host.Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (token is not null) request.Headers.Authorization = new("Bearer", token);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    internal static async Task Command(IAlbaHost host, string token, string url, object body)
    {
        using var client = host.Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new("Bearer", token);
        using var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"POST {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
