using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Approval.Web.Admin;
using Approval.Web.Organization;
using Approval.Web.Tests.Infrastructure;
using Marten;
using Marten.Linq.MatchesSql;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Web.Tests;

/// <summary>
/// 业务股室 and 预算单位 are created by POST and changed by PUT …/{id}: a POST never overwrites a registered id of the
/// bureau (409, the stored one unchanged), a PUT of an unknown id is 404, and each stays inside the admin's 财政局 —
/// the other bureau holds the same ids (<see cref="TestOrganization"/>) and is never touched.
/// </summary>
[Collection(ApiLane.Name)]
public class OrganizationChangesTests(WorkflowFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.BeginClassAsync(GetType());
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<T?> Stored<T>(string tenant, string id) where T : notnull
    {
        await using var session = app.Host.Services.GetRequiredService<IDocumentStore>().QuerySession(tenant);
        return await session.LoadAsync<T>(id);
    }

    private static async Task<string?> Code(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();

    [Fact]
    public async Task Creating_a_taken_id_is_409_and_changes_nothing()
    {
        var section = await app.Send("admin", HttpMethod.Post, "/api/admin/sections", new { id = "S-1", name = "改名企图" });
        Assert.Equal(HttpStatusCode.Conflict, section.StatusCode);
        Assert.Equal("section-exists", await Code(section));
        Assert.Equal("经济建设股", (await Stored<ReviewSection>(TestOrganization.Tenant, "S-1"))!.Name);

        var unit = await app.Send("admin", HttpMethod.Post, "/api/admin/units", new { id = "U-BD", name = "覆盖企图", sectionId = "S-2" });
        Assert.Equal(HttpStatusCode.Conflict, unit.StatusCode);
        Assert.Equal("unit-exists", await Code(unit));
        var kept = (await Stored<BudgetUnit>(TestOrganization.Tenant, "U-BD"))!;
        Assert.Equal(("上饶市大数据发展管理局", "S-1"), (kept.Name, kept.SectionId));
    }

    [Fact]
    public async Task A_change_is_a_PUT_of_a_known_id_in_the_admins_own_bureau_only()
    {
        Assert.Equal(HttpStatusCode.OK, (await app.Send("admin", HttpMethod.Post, "/api/admin/sections", new { id = "S-CHG", name = "待改股" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Send("admin", HttpMethod.Post, "/api/admin/units", new { id = "U-CHG", name = "待改单位", sectionId = "S-1", supervisingDepartment = "某主管部门" })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await app.Send("admin", HttpMethod.Put, "/api/admin/sections/S-CHG", new { name = "已改股" })).StatusCode);
        Assert.Equal("已改股", (await Stored<ReviewSection>(TestOrganization.Tenant, "S-CHG"))!.Name);
        Assert.Equal(HttpStatusCode.OK, (await app.Send("admin", HttpMethod.Put, "/api/admin/units/U-CHG", new { sectionId = "S-CHG", supervisingDepartment = "" })).StatusCode);
        var unit = (await Stored<BudgetUnit>(TestOrganization.Tenant, "U-CHG"))!;
        Assert.Equal(("待改单位", "S-CHG", (string?)null), (unit.Name, unit.SectionId, unit.SupervisingDepartment)); // the name left out stays; an empty 主管部门 clears it

        // refusals: a blank name, an unknown section, an unknown id; the other bureau's S-CHG does not exist for its admin
        Assert.Equal("section-invalid", await Code(await app.Send("admin", HttpMethod.Put, "/api/admin/sections/S-CHG", new { name = " " })));
        Assert.Equal("section-unknown", await Code(await app.Send("admin", HttpMethod.Put, "/api/admin/units/U-CHG", new { sectionId = "S-NONE" })));
        Assert.Equal(HttpStatusCode.NotFound, (await app.Send("admin", HttpMethod.Put, "/api/admin/units/U-NONE", new { name = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Send("admin-b", HttpMethod.Put, "/api/admin/sections/S-CHG", new { name = "越界" })).StatusCode);

        // the same id in both bureaus: admin-b renames its own S-1, this bureau's keeps its name
        Assert.Equal(HttpStatusCode.OK, (await app.Send("admin-b", HttpMethod.Put, "/api/admin/sections/S-1", new { name = "经济建设股（弋阳，改）" })).StatusCode);
        Assert.Equal("经济建设股（弋阳，改）", (await Stored<ReviewSection>(TestOrganization.OtherTenant, "S-1"))!.Name);
        Assert.Equal("经济建设股", (await Stored<ReviewSection>(TestOrganization.Tenant, "S-1"))!.Name);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Send("audit", HttpMethod.Put, "/api/admin/sections/S-1", new { name = "x" })).StatusCode);
    }

    [Fact]
    public async Task A_closed_unit_starts_no_report_and_gets_no_preparer_and_a_section_closes_only_once_its_units_are_gone()
    {
        await app.Command("admin", "/api/admin/sections", new { id = "S-CLOSE", name = "将撤并股" });
        await app.Command("admin", "/api/admin/units", new { id = "U-CLOSE", name = "将撤并单位", sectionId = "S-CLOSE" });
        await app.Command("admin", "/api/admin/accounts", new { id = "prep-close", displayName = "撤并单位填报人", password = WorkflowFixture.Password, role = "Preparer", unitId = "U-CLOSE" });

        // the section still covers a unit in use: 409, nothing changed
        var refused = await app.Send("admin", HttpMethod.Put, "/api/admin/sections/S-CLOSE", new { disabled = true });
        Assert.Equal((HttpStatusCode.Conflict, "section-in-use"), (refused.StatusCode, await Code(refused)));
        Assert.False((await Stored<ReviewSection>(TestOrganization.Tenant, "S-CLOSE"))!.Disabled);

        Assert.Equal(HttpStatusCode.OK, (await app.Send("admin", HttpMethod.Put, "/api/admin/units/U-CLOSE", new { disabled = true })).StatusCode);
        var draft = await app.Command("prep-close", "/api/submissions",
            new { fiscalYear = 2021, kind = "ProjectSelfEvaluation", title = "停用后起草", content = Samples.Ganfutong() }, 409);
        Assert.Equal("unit-disabled", draft.GetProperty("code").GetString());
        var joined = await app.Send("admin", HttpMethod.Post, "/api/admin/accounts", new { id = "prep-close-2", displayName = "新填报人", password = WorkflowFixture.Password, role = "Preparer", unitId = "U-CLOSE" });
        Assert.Equal((HttpStatusCode.BadRequest, "unit-disabled"), (joined.StatusCode, await Code(joined)));

        Assert.Equal(HttpStatusCode.OK, (await app.Send("admin", HttpMethod.Put, "/api/admin/sections/S-CLOSE", new { disabled = true })).StatusCode);
        Assert.True((await Stored<ReviewSection>(TestOrganization.Tenant, "S-CLOSE"))!.Disabled);
        // a closed section takes no unit, no new reviewer, and its closed unit is not reopened inside it
        var placed = await app.Send("admin", HttpMethod.Post, "/api/admin/units", new { id = "U-LATE", name = "迟到单位", sectionId = "S-CLOSE" });
        Assert.Equal((HttpStatusCode.BadRequest, "section-disabled"), (placed.StatusCode, await Code(placed)));
        var moved = await app.Send("admin", HttpMethod.Put, "/api/admin/units/U-BD", new { sectionId = "S-CLOSE" });
        Assert.Equal((HttpStatusCode.BadRequest, "section-disabled"), (moved.StatusCode, await Code(moved)));
        var reviewer = await app.Send("admin", HttpMethod.Post, "/api/admin/accounts", new { id = "rev-close", displayName = "审核人", password = WorkflowFixture.Password, role = "Reviewer", sectionIds = new[] { "S-CLOSE" } });
        Assert.Equal((HttpStatusCode.BadRequest, "section-disabled"), (reviewer.StatusCode, await Code(reviewer)));
        var reopened = await app.Send("admin", HttpMethod.Put, "/api/admin/units/U-CLOSE", new { disabled = false });
        Assert.Equal((HttpStatusCode.BadRequest, "section-disabled"), (reopened.StatusCode, await Code(reopened)));
        Assert.True((await Stored<BudgetUnit>(TestOrganization.Tenant, "U-CLOSE"))!.Disabled);
        Assert.Equal("S-1", (await Stored<BudgetUnit>(TestOrganization.Tenant, "U-BD"))!.SectionId);

        // reopened into a section in use, the unit drafts again
        Assert.Equal(HttpStatusCode.OK, (await app.Send("admin", HttpMethod.Put, "/api/admin/units/U-CLOSE", new { disabled = false, sectionId = "S-1" })).StatusCode);
        await app.Command("prep-close", "/api/submissions",
            new { fiscalYear = 2021, kind = "ProjectSelfEvaluation", title = "重新启用后起草", content = Samples.Ganfutong() }, 201);
        // the account already in the unit keeps it while it is closed (a rename is not a new member)
        Assert.Equal(HttpStatusCode.OK, (await app.Send("admin", HttpMethod.Put, "/api/admin/units/U-CLOSE", new { disabled = true })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Send("admin", HttpMethod.Put, "/api/admin/accounts/prep-close", new { displayName = "撤并单位原填报人" })).StatusCode);
    }

    [Fact]
    public async Task Concurrent_creates_of_one_id_store_one_and_tell_the_others_409_never_a_500_or_an_overwrite()
    {
        var sections = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            app.Send("admin", HttpMethod.Post, "/api/admin/sections", new { id = "S-RACE", name = $"并发股{i}" })));
        Assert.Equal(1, sections.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(sections.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var winner = Array.FindIndex(sections, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal($"并发股{winner}", (await Stored<ReviewSection>(TestOrganization.Tenant, "S-RACE"))!.Name);

        var accounts = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            app.Send("admin", HttpMethod.Post, "/api/admin/accounts", new { id = "race-account", displayName = $"并发{i}", password = WorkflowFixture.Password, role = "Auditor" })));
        Assert.Equal(1, accounts.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(accounts.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));

        var template = Approval.Workflow.Templates.BuiltInTemplates.Ministry2020 with { Id = "race-template" };
        var templates = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => app.Send("admin", HttpMethod.Post, "/api/admin/templates", template)));
        Assert.Equal(1, templates.Count(r => r.StatusCode == HttpStatusCode.Created));
        foreach (var refused in templates.Where(r => r.StatusCode != HttpStatusCode.Created))
            Assert.Equal((HttpStatusCode.Conflict, "template-exists"), (refused.StatusCode, await Code(refused)));
    }

    [Fact]
    public async Task An_id_differing_from_a_stored_one_only_in_case_is_refused_even_when_both_are_created_at_once()
    {
        // One at a time: the stored id stays, the look-alike is 409 with both spellings named.
        var section = await app.Send("admin", HttpMethod.Post, "/api/admin/sections", new { id = "s-1", name = "大小写股" });
        var refused = await section.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((HttpStatusCode.Conflict, "section-exists"), (section.StatusCode, refused.GetProperty("code").GetString()));
        Assert.Equal("已有股室编号 S-1，与 s-1 只差大小写，容易混淆；请换一个编号", refused.GetProperty("message").GetString());
        var unit = await app.Send("admin", HttpMethod.Post, "/api/admin/units", new { id = "u-bd", name = "大小写单位", sectionId = "S-2" });
        Assert.Equal((HttpStatusCode.Conflict, "unit-exists"), (unit.StatusCode, await Code(unit)));
        Assert.Null(await Stored<BudgetUnit>(TestOrganization.Tenant, "u-bd"));
        var account = await app.Send("admin", HttpMethod.Post, "/api/admin/accounts", new { id = "PREP", displayName = "大小写", password = WorkflowFixture.Password, role = "Auditor" });
        Assert.Equal((HttpStatusCode.Conflict, "account-exists"), (account.StatusCode, await Code(account)));
        // Sign-in names across bureaus: the other bureau's admin cannot take a spelling of this bureau's preparer either.
        var elsewhere = await app.Send("admin-b", HttpMethod.Post, "/api/admin/accounts", new { id = "Prep", displayName = "大小写", password = WorkflowFixture.Password, role = "Auditor" });
        Assert.Equal((HttpStatusCode.Conflict, "account-exists"), (elsewhere.StatusCode, await Code(elsewhere)));

        // At once, every spelling of one new id: exactly one is stored.
        string[] spellings = ["case-race", "Case-Race", "CASE-RACE", "case-RACE", "CASE-race", "cAsE-rAcE"];
        var sections = await Task.WhenAll(spellings.Select(id => app.Send("admin", HttpMethod.Post, "/api/admin/sections", new { id, name = "并发大小写股" })));
        Assert.Equal(1, sections.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(sections.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var accounts = await Task.WhenAll(spellings.Select(id =>
            app.Send("admin", HttpMethod.Post, "/api/admin/accounts", new { id, displayName = "并发大小写", password = WorkflowFixture.Password, role = "Auditor" })));
        Assert.Equal(1, accounts.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(accounts.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        await using var session = app.Store.QuerySession(TestOrganization.Tenant);
        Assert.Single(await session.Query<ReviewSection>().Where(s => s.MatchesSql(IdCase.SameLetters, "CASE-RACE")).ToListAsync());
        Assert.Single(await session.Query<Auth.Account>().Where(a => a.AnyTenant() && a.MatchesSql(IdCase.SameLetters, "CASE-RACE")).ToListAsync());

        // The stored spelling signs in however it is typed, as itself.
        var stored = spellings[Array.FindIndex(accounts, r => r.StatusCode == HttpStatusCode.OK)];
        var typed = stored == "CASE-RACE" ? "case-race" : "CASE-RACE";
        using var client = app.Host.Server.CreateClient();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { userName = typed, password = WorkflowFixture.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var me = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        me.Headers.Authorization = new("Bearer", (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        Assert.Contains($"\"{stored}\"", await (await client.SendAsync(me)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Closing_a_section_while_its_unit_is_reopened_never_leaves_a_closed_section_covering_a_unit_in_use()
    {
        for (var round = 0; round < 4; round++)
        {
            var (section, unit) = ($"S-LOCK{round}", $"U-LOCK{round}");
            await app.Command("admin", "/api/admin/sections", new { id = section, name = $"锁测试股{round}" });
            await app.Command("admin", "/api/admin/units", new { id = unit, name = $"锁测试单位{round}", sectionId = section });
            await app.Command("admin", $"/api/admin/units/{unit}", new { disabled = true }, 200, HttpMethod.Put);

            var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => i % 2 == 0
                ? app.Send("admin", HttpMethod.Put, $"/api/admin/sections/{section}", new { disabled = true })
                : app.Send("admin", HttpMethod.Put, $"/api/admin/units/{unit}", new { disabled = false })));
            Assert.All(answers, a => Assert.True((int)a.StatusCode is 200 or 400 or 409, $"{(int)a.StatusCode}"));
            var (closed, open) = ((await Stored<ReviewSection>(TestOrganization.Tenant, section))!.Disabled, !(await Stored<BudgetUnit>(TestOrganization.Tenant, unit))!.Disabled);
            Assert.False(closed && open, $"round {round}: a closed section covers a unit in use");
        }
    }
}
