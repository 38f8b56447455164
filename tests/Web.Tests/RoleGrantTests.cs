using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Approval.Web.Auth;
using Approval.Web.Province;
using Approval.Web.Tenants;
using Approval.Web.Tests.Infrastructure;
using Approval.Workflow.Submissions;
using Marten;
using Microsoft.AspNetCore.Identity;

namespace Approval.Web.Tests;

/// <summary>
/// Who may grant which role, where — as data: every signed-in kind of caller of either bureau and the province tries to
/// grant every role (by name and by number) and to change an account into every role; only what the table says
/// succeeds, and only inside the caller's own 财政局. A 省级审计 never comes out of a bureau.
/// </summary>
[Collection(ApiLane.Name)]
public class RoleGrantTests(WorkflowFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.BeginClassAsync(GetType());
    public Task DisposeAsync() => Task.CompletedTask;

    private const string Password = "Grants#2026-pass";

    /// <summary>The grant table, written out: granter → the roles it may grant in its own jurisdiction.</summary>
    private static readonly Dictionary<Role, Role[]> Expected = new()
    {
        [Role.Preparer] = [],
        [Role.Reviewer] = [],
        [Role.Auditor] = [],
        [Role.Admin] = [Role.Preparer, Role.Reviewer, Role.Auditor, Role.Admin],
        [Role.ProvinceAuditor] = [],
    };

    /// <summary>Callers of bureau A (shangrao), of bureau B (yiyang) and of the province.</summary>
    private static readonly (string User, Role Role, string Tenant)[] Callers =
    [
        ("prep", Role.Preparer, TestOrganization.Tenant), ("rev", Role.Reviewer, TestOrganization.Tenant),
        ("audit", Role.Auditor, TestOrganization.Tenant), ("admin", Role.Admin, TestOrganization.Tenant),
        ("admin-b", Role.Admin, TestOrganization.OtherTenant), ("audit-province", Role.ProvinceAuditor, FinanceBureau.Province),
    ];

    [Fact]
    public void The_grant_table_in_the_code_is_the_one_documented_here()
    {
        foreach (var (granter, roles) in Expected)
            Assert.Equal(roles.OrderBy(r => r), RoleGrants.Grantable[granter].OrderBy(r => r));
        Assert.Equal(Enum.GetValues<Role>().Length, RoleGrants.Grantable.Count);
        Assert.Equal(Jurisdiction.Province, RoleGrants.JurisdictionOf(Role.ProvinceAuditor));
        Assert.All(Enum.GetValues<Role>().Where(r => r != Role.ProvinceAuditor), r => Assert.Equal(Jurisdiction.Bureau, RoleGrants.JurisdictionOf(r)));
    }

    [Fact]
    public async Task Every_caller_grants_exactly_the_roles_of_the_table_and_only_in_its_own_bureau()
    {
        var failures = new List<string>();
        var n = 0;
        foreach (var (user, callerRole, tenant) in Callers)
        {
            foreach (var role in Enum.GetValues<Role>())
            {
                foreach (var spelled in new[] { $"\"{role}\"", ((int)role).ToString(System.Globalization.CultureInfo.InvariantCulture) })
                {
                    var id = $"grant-{++n}";
                    var body = $$"""{"id":"{{id}}","displayName":"授权测试","password":"{{Password}}","role":{{spelled}},"unitId":"U-BD","sectionIds":["S-1"]}""";
                    var response = await Send(user, HttpMethod.Post, "/api/admin/accounts", body);
                    var allowed = Expected[callerRole].Contains(role);
                    var status = (int)response.StatusCode;
                    if (allowed ? status != 200 : status != 403)
                        failures.Add($"{user} ({tenant}) granting {spelled}: {status} {await response.Content.ReadAsStringAsync()}");
                    var whereStored = await TenantsHolding(id);
                    if (allowed && !whereStored.SequenceEqual([tenant])) failures.Add($"{user} granting {spelled}: stored in [{string.Join(",", whereStored)}], not {tenant}");
                    if (!allowed && whereStored.Count > 0) failures.Add($"{user} granting {spelled}: refused but stored in [{string.Join(",", whereStored)}]");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task No_account_is_changed_into_a_province_role_and_no_bureau_changes_another_bureaus_account()
    {
        await Created("admin", "promote-me", "Auditor");
        foreach (var spelled in new[] { "\"ProvinceAuditor\"", "4" })
        {
            var response = await Send("admin", HttpMethod.Put, "/api/admin/accounts/promote-me", $$"""{"role":{{spelled}}}""");
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("role-not-grantable", (await Problem(response)).GetProperty("code").GetString());
        }
        Assert.Equal(Role.Auditor, (await Stored(TestOrganization.Tenant, "promote-me"))!.Role);

        // The other bureau's administrator does not even find it; the same id in its own bureau is another account.
        Assert.Equal(HttpStatusCode.NotFound, (await Send("admin-b", HttpMethod.Put, "/api/admin/accounts/promote-me", """{"role":"Admin"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Send("admin-b", HttpMethod.Put, "/api/admin/accounts/admin", """{"disabled":true}""")).StatusCode);
        Assert.False((await Stored(TestOrganization.Tenant, "admin"))!.Disabled);

        // A province role is refused before the name is even looked up: no 409 for the province's own account name.
        var taken = await Send("admin", HttpMethod.Post, "/api/admin/accounts", $$"""{"id":"audit-province","displayName":"x","password":"{{Password}}","role":"ProvinceAuditor"}""");
        Assert.Equal(HttpStatusCode.Forbidden, taken.StatusCode);

        // Nor may anyone but a bureau administrator change accounts, the province's reader included.
        foreach (var user in new[] { "prep", "rev", "audit", "audit-province" })
            Assert.Equal(HttpStatusCode.Forbidden, (await Send(user, HttpMethod.Put, "/api/admin/accounts/promote-me", """{"role":"Admin"}""")).StatusCode);
    }

    [Fact]
    public async Task A_province_role_stored_in_a_bureau_grants_nothing_and_the_bureau_may_only_take_it_away()
    {
        // What the attack left behind before grants were checked: a 省级审计 minted inside a bureau.
        await using (var session = app.Store.LightweightSession(TestOrganization.Tenant))
        {
            var minted = new Account { Id = "minted-reader", DisplayName = "冒名省审计", Role = Role.ProvinceAuditor };
            minted.PasswordHash = new PasswordHasher<Account>().HashPassword(minted, Password);
            minted.NewSecurityStamp();
            session.Store(minted);
            await session.SaveChangesAsync();
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignIn("minted-reader")).StatusCode);

        // Claims that say so (a token issued before the fix) make nobody: no actor, no province reader.
        var forged = new ClaimsPrincipal(new ClaimsIdentity(
            [new(ClaimTypes.NameIdentifier, "minted-reader"), new(ClaimTypes.Role, nameof(Role.ProvinceAuditor)), new(ApprovalClaims.Tenant, TestOrganization.Tenant)],
            "Bearer", ClaimTypes.NameIdentifier, ClaimTypes.Role));
        Assert.Null(forged.ToActor());
        Assert.Null(ProvinceReader.Of(forged));

        // The bureau's administrator may demote it to a role of the bureau; then it signs in as that.
        Assert.Equal(HttpStatusCode.OK, (await Send("admin", HttpMethod.Put, "/api/admin/accounts/minted-reader", """{"role":"Auditor"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignIn("minted-reader")).StatusCode);
    }

    [Fact]
    public async Task Every_province_read_names_the_readers_own_tenant()
    {
        Assert.Equal(HttpStatusCode.OK, (await Send("audit-province", HttpMethod.Get, "/api/province/submissions", null)).StatusCode);
        foreach (var bureau in new[] { TestOrganization.Tenant, TestOrganization.OtherTenant })
        {
            await using var session = app.Store.QuerySession(bureau);
            var reads = await session.Query<ProvinceRead>().ToListAsync();
            Assert.NotEmpty(reads);
            Assert.All(reads, r => Assert.Equal(FinanceBureau.Province, r.ReaderTenant));
        }
    }

    private async Task Created(string admin, string id, string role)
    {
        var response = await Send(admin, HttpMethod.Post, "/api/admin/accounts", JsonSerializer.Serialize(new { id, displayName = "授权测试", password = Password, role }));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<HttpResponseMessage> SignIn(string user)
    {
        using var client = app.Host.Server.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = new StringContent(JsonSerializer.Serialize(new { userName = user, password = Password }), Encoding.UTF8, "application/json") };
        request.Headers.Add(ClientAddressFromTestHeader.Header, "10.33.0.1");
        return await client.SendAsync(request);
    }

    private async Task<HttpResponseMessage> Send(string user, HttpMethod method, string url, string? json)
    {
        using var client = app.Host.Server.CreateClient();
        var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new("Bearer", await app.TokenFor(user));
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        return await client.SendAsync(request);
    }

    private static async Task<JsonElement> Problem(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private async Task<Account?> Stored(string tenant, string id)
    {
        await using var session = app.Store.QuerySession(tenant);
        return await session.LoadAsync<Account>(id);
    }

    private async Task<List<string>> TenantsHolding(string id)
    {
        await using var session = app.Store.QuerySession();
        return (await session.Query<Account>().Where(a => a.AnyTenant() && a.Id == id).ToListAsync()).Select(a => a.TenantId).ToList();
    }
}
