using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Approval.Web.Organization;
using Approval.Web.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Web.Tests;

/// <summary>
/// 业务股室 and 预算单位 are created by POST and changed by PUT …/{id}: a POST never overwrites a registered id of the
/// bureau (409, the stored one unchanged), a PUT of an unknown id is 404, and each stays inside the admin's 财政局 —
/// the other bureau holds the same ids (<see cref="TestOrganization"/>) and is never touched.
/// </summary>
public class OrganizationChangesTests(WorkflowFixture app) : IClassFixture<WorkflowFixture>
{
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
}
