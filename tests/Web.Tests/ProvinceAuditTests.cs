using System.Net;
using System.Text.Json;
using Approval.Web.Tests.Infrastructure;

namespace Approval.Web.Tests;

/// <summary>
/// 省级审计 reads across bureaus, each answer naming its 财政局, and every such read is recorded in the bureau read,
/// visible to that bureau's own 审计 and 管理员 (and to no other bureau).
/// </summary>
[Collection(ApiLane.Name)]
public class ProvinceAuditTests(WorkflowFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.BeginClassAsync(GetType());
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_province_reads_every_bureau_by_name_and_each_read_is_recorded_in_that_bureau()
    {
        var inA = await app.Reports.Draft("prep", "上饶的报告");
        var inB = await app.Reports.Draft("prep-b", "弋阳的报告");

        var bureaus = (await app.Get<JsonElement>("audit-province", "/api/province/submissions?year=2021")).EnumerateArray().ToList();
        var a = Assert.Single(bureaus, b => b.GetProperty("bureau").GetString() == TestOrganization.Tenant);
        var b = Assert.Single(bureaus, b => b.GetProperty("bureau").GetString() == TestOrganization.OtherTenant);
        Assert.Equal("上饶市财政局", a.GetProperty("bureauName").GetString());
        Assert.Equal("弋阳县财政局", b.GetProperty("bureauName").GetString());
        Assert.Contains(a.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == inA);
        Assert.DoesNotContain(a.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == inB);
        Assert.Contains(b.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == inB);
        Assert.DoesNotContain(bureaus, x => x.GetProperty("bureau").GetString() == "province");

        var trail = await app.Get<JsonElement>("audit-province", $"/api/province/bureaus/{TestOrganization.Tenant}/submissions/{inA}/history");
        Assert.Equal("上饶市财政局", trail.GetProperty("bureauName").GetString());
        Assert.Equal("起草", trail.GetProperty("events")[0].GetProperty("name").GetString());
        // A's report is not in B: the bureau named decides where the trail is read from.
        Assert.Equal(HttpStatusCode.NotFound, (await app.Send("audit-province", HttpMethod.Get, $"/api/province/bureaus/{TestOrganization.OtherTenant}/submissions/{inA}/history")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Send("audit-province", HttpMethod.Get, $"/api/province/bureaus/nowhere/submissions/{inA}/history")).StatusCode);

        var readsA = (await app.Get<JsonElement>("audit", "/api/audit/province-reads")).GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(readsA, r => r.GetProperty("readerId").GetString() == "audit-province" && r.GetProperty("what").GetString() == "报告列表（2021 年度）");
        Assert.Contains(readsA, r => r.GetProperty("what").GetString() == "审计轨迹" && r.GetProperty("submissionId").GetGuid() == inA);
        var readsB = (await app.Get<JsonElement>("admin-b", "/api/audit/province-reads")).GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(readsB, r => r.GetProperty("what").GetString() == "报告列表（2021 年度）");
        Assert.DoesNotContain(readsB, r => r.GetProperty("what").GetString() == "审计轨迹"); // the trail read was A's, recorded in A only
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Send("prep", HttpMethod.Get, "/api/audit/province-reads")).StatusCode);
        Assert.All(readsA, r => Assert.Equal("province", r.GetProperty("readerTenant").GetString()));

        // Paged with its total like every list: nothing is cut off silently.
        var first = await app.Get<JsonElement>("audit", "/api/audit/province-reads?pageSize=1");
        Assert.Single(first.GetProperty("items").EnumerateArray());
        Assert.Equal(readsA.Count, first.GetProperty("total").GetInt64());
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Send("audit", HttpMethod.Get, "/api/audit/province-reads?pageSize=201")).StatusCode);
    }

    [Fact]
    public async Task A_bureau_auditor_cannot_read_across_bureaus_and_the_province_sees_no_bureau_data_through_bureau_endpoints()
    {
        await app.Reports.Draft("prep", "不外传");
        foreach (var user in new[] { "audit", "admin", "audit-b" })
            Assert.Equal(HttpStatusCode.Forbidden, (await app.Send(user, HttpMethod.Get, "/api/province/submissions")).StatusCode);
        var listed = await app.Get<JsonElement>("audit-province", "/api/submissions?pageSize=200");
        Assert.Equal(0, listed.GetProperty("total").GetInt32());
    }

    private async Task<(HttpStatusCode Status, string Body)> Page(string user, string url)
    {
        using var client = app.Host.Server.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("text/html");
        request.Headers.Authorization = new("Bearer", await app.TokenFor(user));
        var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_province_pages_show_each_bureau_by_name_and_the_bureau_sees_the_reads_on_its_own_page()
    {
        var inA = await app.Reports.Draft("prep", "页面上饶报告");
        var inB = await app.Reports.Draft("prep-b", "页面弋阳报告");

        var (status, list) = await Page("audit-province", "/province?year=2021");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("上饶市财政局", list);
        Assert.Contains("弋阳县财政局", list);
        Assert.Contains($"/province/{TestOrganization.Tenant}/{inA}", list);
        Assert.Contains($"/province/{TestOrganization.OtherTenant}/{inB}", list);

        // One bureau chosen: only that bureau is read, and only that read is recorded.
        var (_, onlyB) = await Page("audit-province", $"/province?bureau={TestOrganization.OtherTenant}&state=Draft");
        Assert.Contains("页面弋阳报告", onlyB);
        Assert.DoesNotContain("页面上饶报告", onlyB);

        var (_, home) = await Page("audit-province", "/");
        Assert.Contains("id=\"province-home\"", home); // the home says what to do, and leads there
        Assert.Contains("href=\"/province\" id=\"province-start\"", home);
        Assert.DoesNotContain("API 文档", home);

        var (trailStatus, trail) = await Page("audit-province", $"/province/{TestOrganization.Tenant}/{inA}");
        Assert.Equal(HttpStatusCode.OK, trailStatus);
        Assert.Contains("审计轨迹：页面上饶报告", trail);
        Assert.Contains("上饶市财政局", trail);
        Assert.Equal(HttpStatusCode.NotFound, (await Page("audit-province", $"/province/{TestOrganization.OtherTenant}/{inA}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Page("audit-province", $"/province/nowhere/{inA}")).Status);

        var (readsStatus, readsA) = await Page("audit", "/audit/province-reads");
        Assert.Equal(HttpStatusCode.OK, readsStatus);
        Assert.Contains("报告列表（2021 年度）", readsA);
        Assert.Contains($"/audit/{inA}\">页面上饶报告</a>", readsA); // the read names the report read
        var (_, readsB) = await Page("admin-b", "/audit/province-reads");
        Assert.Contains("报告列表（全部年度，草稿）", readsB);
        Assert.DoesNotContain($"/audit/{inA}", readsB);

        // Bureau roles are refused the province pages, the province auditor the bureau's record of reads.
        foreach (var user in new[] { "audit", "admin", "rev", "prep" })
            Assert.Equal(HttpStatusCode.Forbidden, (await Page(user, "/province")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Page("audit-province", "/audit/province-reads")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Page("prep", "/audit/province-reads")).Status);
    }
}
