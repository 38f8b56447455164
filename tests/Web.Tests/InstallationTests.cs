using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Approval.Web.Organization;
using Approval.Web.Tests.Infrastructure;
using Npgsql;

namespace Approval.Web.Tests;

/// <summary>
/// Installed by a bureau's IT staff on a database of their own: no demo data, the first administrator created from the
/// command line, sign-ins that survive a restart (the key ring lives in the database), no start without a chain key.
/// Every step is the real app in its own process.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class InstallationTests : IAsyncLifetime
{
    private const string AdminPassword = "Chief#2026-install";
    private string _owner = "";
    private Dictionary<string, string> _environment = [];

    public async Task InitializeAsync()
    {
        _owner = await TestDatabase.CreateAsync("install");
        _environment = new()
        {
            ["ConnectionStrings__Approval"] = await TestDatabase.AppConnectionStringAsync(_owner),
            ["ConnectionStrings__ApprovalOwner"] = _owner,
            ["Approval__ChainKey"] = "installation-test-chain-key",
        };
    }

    public Task DisposeAsync() => TestDatabase.DropAsync(_owner);

    [Fact]
    public async Task Without_a_chain_key_the_app_refuses_to_start_and_names_the_setting()
    {
        var environment = new Dictionary<string, string>(_environment);
        environment.Remove("Approval__ChainKey");
        var (exitCode, output) = await AppProcess.CommandAsync(environment, null);
        Assert.Equal(78, exitCode);
        Assert.Contains("Approval:ChainKey", output);
        Assert.Contains("Approval__ChainKey", output);
        Assert.Equal(0L, await Count("select count(*) from pg_tables where schemaname = 'approval'")); // nothing touched
    }

    [Fact]
    public async Task The_first_administrator_comes_from_the_command_line_and_stays_signed_in_across_restarts()
    {
        var created = await AppProcess.CommandAsync(_environment, AdminPassword, "accounts", "add-admin", "chief", "--tenant", "shangrao", "--bureau-name", "上饶市财政局", "--display-name", "财政局系统管理员", "--password-stdin");
        Assert.True(created.ExitCode == 0, created.Output);
        Assert.Contains("已创建财政局 shangrao 的管理员 chief", created.Output);
        Assert.DoesNotContain(AdminPassword, created.Output);

        var again = await AppProcess.CommandAsync(_environment, "Another#2026-pass", "accounts", "add-admin", "chief", "--tenant", "yiyang", "--bureau-name", "弋阳县财政局", "--password-stdin");
        Assert.NotEqual(0, again.ExitCode);
        Assert.Contains("已存在", again.Output);
        var weak = await AppProcess.CommandAsync(_environment, "short", "accounts", "add-admin", "second", "--tenant", "shangrao", "--password-stdin");
        Assert.NotEqual(0, weak.ExitCode);
        Assert.Contains("密码至少", weak.Output);

        // The province's 省级审计: its own tenant, named on first use; not a bureau, and no bureau is the province.
        var unnamed = await AppProcess.CommandAsync(_environment, AdminPassword, "accounts", "add-province-auditor", "sheng", "--password-stdin");
        Assert.NotEqual(0, unnamed.ExitCode);
        Assert.Contains("--bureau-name", unnamed.Output);
        var intoBureau = await AppProcess.CommandAsync(_environment, AdminPassword, "accounts", "add-admin", "fake", "--tenant", "province", "--bureau-name", "省", "--password-stdin");
        Assert.NotEqual(0, intoBureau.ExitCode);
        Assert.Contains("add-province-auditor", intoBureau.Output);
        var auditor = await AppProcess.CommandAsync(_environment, AdminPassword, "accounts", "add-province-auditor", "sheng", "--bureau-name", "江西省财政厅", "--display-name", "省审计", "--password-stdin");
        Assert.True(auditor.ExitCode == 0, auditor.Output);
        Assert.Contains("已创建省级审计 sheng", auditor.Output);

        string token;
        await using (var app = await AppProcess.BinaryAsync(_environment))
        {
            Assert.Contains("首次使用", app.Output);
            Assert.DoesNotContain("演示模式", app.Output);
            using var http = new HttpClient { BaseAddress = new Uri(app.Url), Timeout = TimeSpan.FromSeconds(60) };
            Assert.Equal(HttpStatusCode.Unauthorized, (await Login(http, "dashuju", DemoData.Password)).StatusCode); // no demo accounts
            var login = await Login(http, "chief", AdminPassword);
            Assert.True(login.IsSuccessStatusCode, await login.Content.ReadAsStringAsync());
            token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
            Assert.Equal("Admin", (await Me(http, token)).GetProperty("role").GetString());
            var province = await Login(http, "sheng", AdminPassword);
            Assert.True(province.IsSuccessStatusCode, await province.Content.ReadAsStringAsync());
            var provinceToken = (await province.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
            Assert.Equal("ProvinceAuditor", (await Me(http, provinceToken)).GetProperty("role").GetString());
            var bureaus = new HttpRequestMessage(HttpMethod.Get, "/api/province/submissions");
            bureaus.Headers.Authorization = new("Bearer", provinceToken);
            var listed = await (await http.SendAsync(bureaus)).Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(["shangrao"], listed.EnumerateArray().Select(b => b.GetProperty("bureau").GetString()!).ToList()); // the province is no bureau
            Assert.DoesNotContain("No XML encryptor", app.Output);
            await app.KillAsync();
        }
        Assert.True(await Count("select count(*) from approval.mt_doc_dataprotectionkey") >= 1);
        // The key ring's secrets are sealed under the chain key: what the database holds mints no cookie or token.
        Assert.Equal(0L, await Count("select count(*) from approval.mt_doc_dataprotectionkey where data::text like '%masterKey%' or data::text not like '%KeyRingDecryptor%'"));

        await using (var restarted = await AppProcess.BinaryAsync(_environment))
        {
            using var http = new HttpClient { BaseAddress = new Uri(restarted.Url), Timeout = TimeSpan.FromSeconds(60) };
            var me = await Me(http, token); // issued before the restart, by the other process
            Assert.Equal("chief", me.GetProperty("userId").GetString());
            Assert.Equal("财政局系统管理员", me.GetProperty("name").GetString());
        }

        // Under another chain key the sealed keys do not open: the old token is refused, and the app still starts.
        await using (var otherKey = await AppProcess.BinaryAsync(new Dictionary<string, string>(_environment) { ["Approval__ChainKey"] = "another-chain-key" }))
        {
            using var http = new HttpClient { BaseAddress = new Uri(otherKey.Url), Timeout = TimeSpan.FromSeconds(60) };
            var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
            request.Headers.Authorization = new("Bearer", token);
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(request)).StatusCode);
        }
    }

    private static Task<HttpResponseMessage> Login(HttpClient http, string user, string password) =>
        http.PostAsJsonAsync("/api/auth/login", new { userName = user, password });

    private static async Task<JsonElement> Me(HttpClient http, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        request.Headers.Authorization = new("Bearer", token);
        var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"/api/auth/me: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<long> Count(string sql)
    {
        await using var conn = new NpgsqlConnection(_owner);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
