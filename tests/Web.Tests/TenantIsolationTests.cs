using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Approval.Web.Notifications;
using Approval.Web.Tests.Infrastructure;
using Approval.Workflow.Submissions;
using Microsoft.AspNetCore.SignalR.Client;

namespace Approval.Web.Tests;

/// <summary>
/// Tenants at the level of data: two 财政局 use the SAME unit, section and (would-be) ids — U-BD in S-1 in both — so a
/// query that forgot its tenant would answer with the other bureau's reports. Nothing of one bureau appears in any answer,
/// page, export, count or hub message of the other, an id of the other bureau is 404, and no input picks the tenant.
/// </summary>
[Collection(ApiLane.Name)]
public class TenantIsolationTests(WorkflowFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.BeginClassAsync(GetType());
    public Task DisposeAsync() => Task.CompletedTask;

    private static readonly string[] OtherBureau = ["prep-b", "rev-b", "audit-b", "admin-b"];

    private sealed record Marked(Guid Id, string Title, string Figure);

    /// <summary>A submitted 自评表 of U-BD (section S-1) with a title and a figure found nowhere else.</summary>
    private async Task<Marked> Submitted(string preparer, decimal executed, bool summary = false)
    {
        var form = Samples.GanfutongForm();
        var title = $"{preparer}-{Guid.NewGuid():N}"[..24];
        var content = summary
            ? new SubmissionContent { Summary = new SummaryDeclaration(executed, 2) }
            : new SubmissionContent { ProjectForm = form with { Funds = form.Funds with { Total = form.Funds.Total with { Executed = executed } } } };
        var kind = summary ? SubmissionKind.SummaryReview : SubmissionKind.ProjectSelfEvaluation;
        var id = await app.Reports.Submitted(preparer, title, content, kind);
        return new Marked(id, title, executed.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Nothing_of_one_bureau_appears_in_any_answer_page_or_hub_message_of_the_other()
    {
        Marked[] bureauA = [await Submitted("prep", 611.37m), await Submitted("prep", 6789.21m, summary: true)];
        var own = await Submitted("prep-b", 622.49m);
        await app.Command("rev", $"/api/submissions/{bureauA[0].Id}/claim", new { version = 3 });

        using var http = app.Host.Server.CreateClient();
        var document = JsonNode.Parse(await http.GetStringAsync("/openapi/v1.json"))!;
        var reads = document["paths"]!.AsObject().Where(p => p.Key.StartsWith("/api", StringComparison.Ordinal) && p.Value!["get"] is not null).Select(p => p.Key).ToList();
        var urls = reads.SelectMany(path => bureauA.Append(own).Select(s => path.Replace("{id}", s.Id.ToString())))
            .Select(p => p.Replace("{unitId}", "U-BD").Replace("{year}", "2021"))
            .SelectMany(u => new[] { u, u + (u.Contains('?') ? "&" : "?") + "year=2021&pageSize=200", u + "?from=1&to=3" })
            .Concat(new[] { "/", "/submissions", "/review", "/audit", "/audit/province-reads", "/dashboard", "/units/U-BD/summary/2021" })
            .Concat(bureauA.SelectMany(s => new[] { $"/submissions/{s.Id}", $"/audit/{s.Id}" }))
            .Distinct().ToList();

        var leaks = new List<string>();
        foreach (var user in OtherBureau)
        {
            void Look(string where, string text)
            {
                foreach (var s in bureauA)
                    foreach (var mark in new[] { s.Id.ToString(), s.Title, s.Figure, "张经办", "王填报" })
                        if (text.Contains(mark, StringComparison.OrdinalIgnoreCase)) leaks.Add($"{user} sees bureau A ({mark}) in {where}");
            }
            foreach (var url in urls)
            {
                var response = await app.Send(user, HttpMethod.Get, url);
                var text = (await response.Content.ReadAsStringAsync()).Replace(url.Split('?')[0], "«requested path»");
                Look($"GET {url} ({(int)response.StatusCode})", text);
            }
            foreach (var s in bureauA)
                Assert.Equal(HttpStatusCode.NotFound, (await app.Send(user, HttpMethod.Get, $"/api/submissions/{s.Id}")).StatusCode);

            await using var hub = await app.HubFor(user);
            await hub.StartAsync();
            Look("hub Missed(0)", JsonSerializer.Serialize(await hub.InvokeAsync<MissedPage>("Missed", 0L)));
            foreach (var s in bureauA)
                if (await hub.InvokeAsync<bool>("WatchSubmission", s.Id)) leaks.Add($"{user} may watch bureau A's {s.Id}");
        }
        Assert.True(leaks.Count == 0, string.Join('\n', leaks.Distinct().Take(30)));

        // The other bureau's own report is there: the same unit and section ids answer with that bureau's data only.
        var queue = await app.Send("rev-b", HttpMethod.Get, "/api/review-queue?state=all&pageSize=200");
        var items = JsonDocument.Parse(await queue.Content.ReadAsStringAsync()).RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([own.Id], items.Select(i => i.GetProperty("id").GetGuid()).ToList());
        var listed = await app.Get<JsonElement>("audit-b", "/api/submissions?pageSize=200");
        Assert.Equal(1, listed.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await app.Send("rev", HttpMethod.Get, $"/api/submissions/{own.Id}")).StatusCode);
    }

    [Fact]
    public async Task A_reviewer_of_the_same_section_id_in_another_bureau_hears_nothing()
    {
        var heard = new ConcurrentQueue<ReviewNotification>();
        var heardB = new ConcurrentQueue<ReviewNotification>();
        await using var reviewerA = await app.HubFor("rev");
        await using var auditorA = await app.HubFor("audit");
        await using var reviewerB = await app.HubFor("rev-b");
        reviewerA.On<ReviewNotification>("Notify", heard.Enqueue);
        auditorA.On<ReviewNotification>("Notify", heard.Enqueue);
        reviewerB.On<ReviewNotification>("Notify", heardB.Enqueue);
        foreach (var c in new[] { reviewerA, auditorA, reviewerB }) await c.StartAsync();

        var submitted = await Submitted("prep-b", 633.51m);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!heardB.Any(n => n.SubmissionId == submitted.Id && n.Type == "submitted") && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.Contains(heardB, n => n.SubmissionId == submitted.Id);
        Assert.All(heardB, n => Assert.Equal(TestOrganization.OtherTenant, n.TenantId));
        await Task.Delay(500); // the same batch went to every group it was meant for
        Assert.DoesNotContain(heard, n => n.SubmissionId == submitted.Id);
    }

    /// <summary>Claimed, approved and published by the bureau's reviewer.</summary>
    private async Task Published(Marked report, string reviewer)
    {
        await app.Reports.Step(reviewer, report.Id, "claim");
        await app.Reports.Step(reviewer, report.Id, "approve", new { grade = "良", overrideReason = "测试", opinion = "同意", signature = "张", stamp = "章" });
        await app.Reports.Step(reviewer, report.Id, "publish", new { indexNumber = $"IDX-{report.Figure}", publisher = "单位", confidentialityReviewed = true, principalSigned = true });
    }

    [Fact]
    public async Task The_public_catalogue_tells_two_bureaus_units_of_one_id_apart()
    {
        // 上饶's U-BD (上饶市大数据发展管理局) and 弋阳's U-BD (弋阳县大数据中心): two units, one id.
        var shangrao = await Submitted("prep", 611.11m);
        var yiyang = await Submitted("prep-b", 622.22m);
        await Published(shangrao, "rev");
        await Published(yiyang, "rev-b");

        using var http = app.Host.Server.CreateClient();
        // Units are offered for a chosen 财政局 (a province's 20,000 units are no list): the bureaus first, then its units.
        var page = await http.GetStringAsync("/public");
        Assert.Contains($"<option value=\"{TestOrganization.Tenant}\">上饶市财政局</option>", page);
        Assert.Contains($"<option value=\"{TestOrganization.OtherTenant}\">弋阳县财政局</option>", page);
        Assert.DoesNotContain("/U-BD\"", page);
        Assert.Contains("先选财政局", page);
        var ofShangrao = await http.GetStringAsync($"/public?bureau={TestOrganization.Tenant}");
        Assert.Contains($"<option value=\"{TestOrganization.Tenant}/U-BD\">上饶市大数据发展管理局</option>", ofShangrao);
        Assert.DoesNotContain("弋阳县大数据中心", ofShangrao);
        Assert.Contains(shangrao.Title, ofShangrao);
        Assert.DoesNotContain(yiyang.Title, ofShangrao);
        // each row offers its downloads: a 自评表 as Excel too, and the link answers the workbook
        Assert.Contains($"href=\"/api/public/reports/{shangrao.Id}/xlsx\">Excel</a>", ofShangrao);
        var workbook = await http.GetAsync($"/api/public/reports/{shangrao.Id}/xlsx");
        Assert.Equal(("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", HttpStatusCode.OK), (workbook.Content.Headers.ContentType?.MediaType, workbook.StatusCode));
        var filtered = await http.GetStringAsync($"/public?unit={TestOrganization.Tenant}%2FU-BD");
        Assert.Contains(shangrao.Title, filtered);
        Assert.DoesNotContain(yiyang.Title, filtered);
        Assert.Contains($"<option value=\"{TestOrganization.Tenant}/U-BD\" selected=\"selected\">上饶市大数据发展管理局</option>", filtered);
        Assert.Contains($"<option value=\"{TestOrganization.Tenant}\" selected=\"selected\">上饶市财政局</option>", filtered);
        // Another 财政局 chosen since the unit was picked: the bureau wins, the other bureau's unit is dropped.
        var rechosen = await http.GetStringAsync($"/public?bureau={TestOrganization.OtherTenant}&unit={TestOrganization.Tenant}%2FU-BD");
        Assert.Contains(yiyang.Title, rechosen);
        Assert.DoesNotContain(shangrao.Title, rechosen);
        Assert.Contains($"<option value=\"{TestOrganization.OtherTenant}/U-BD\">弋阳县大数据中心</option>", rechosen);
        // The options name a unit as the bureau's registry does today (the rows keep the name they were published under).
        await app.Command("admin", "/api/admin/units/U-BD", new { name = "上饶市数据局" }, 200, method: HttpMethod.Put);
        var renamed = await http.GetStringAsync($"/public?bureau={TestOrganization.Tenant}");
        Assert.Contains($"<option value=\"{TestOrganization.Tenant}/U-BD\">上饶市数据局</option>", renamed);
        Assert.Contains("<td>上饶市大数据发展管理局</td>", renamed);
        await app.Command("admin", "/api/admin/units/U-BD", new { name = "上饶市大数据发展管理局" }, 200, method: HttpMethod.Put);
        // A 财政局 not registered (a mistyped link) is said so, not shown as 全部 over an empty list.
        var unknown = await http.GetStringAsync("/public?unit=nowhere%2FU-BD");
        Assert.Contains("没有编码为「nowhere」的财政局", unknown);
        Assert.Contains("暂无公开报告", unknown);
        Assert.DoesNotContain("没有编码为", ofShangrao);
        // An empty part of a unit option is no part: "/U-BD" is the unit alone, "shangrao/" the bureau alone.
        var noBureauPart = await http.GetStringAsync("/public?unit=%2FU-BD");
        Assert.DoesNotContain("没有编码为", noBureauPart);
        Assert.Contains(shangrao.Title, noBureauPart);
        Assert.Contains(yiyang.Title, noBureauPart);
        var noUnitPart = await http.GetStringAsync($"/public?unit={TestOrganization.Tenant}%2F");
        Assert.Contains(shangrao.Title, noUnitPart);
        Assert.DoesNotContain(yiyang.Title, noUnitPart);
        // A unit alone (an older link) is that id in every bureau, and the list says so.
        var bare = await http.GetStringAsync("/public?unit=U-BD");
        Assert.Contains(shangrao.Title, bare);
        Assert.Contains(yiyang.Title, bare);
        Assert.Contains("<option value=\"U-BD\" selected=\"selected\">U-BD（各财政局）</option>", bare);

        var api = JsonDocument.Parse(await http.GetStringAsync($"/api/public/reports?bureau={TestOrganization.OtherTenant}&unit=U-BD")).RootElement;
        var entry = Assert.Single(api.GetProperty("items").EnumerateArray());
        Assert.Equal((yiyang.Title, TestOrganization.OtherTenant, "U-BD"), (entry.GetProperty("title").GetString(), entry.GetProperty("bureau").GetString(), entry.GetProperty("unitId").GetString()));
        // A unit alone (as before) is that id in every bureau.
        var both = JsonDocument.Parse(await http.GetStringAsync("/api/public/reports?unit=U-BD")).RootElement;
        Assert.Equal(2, both.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task No_query_header_or_body_picks_the_tenant()
    {
        var target = await Submitted("prep", 644.63m);
        foreach (var url in new[] { $"/api/submissions/{target.Id}?tenant={TestOrganization.Tenant}&tenantId={TestOrganization.Tenant}", $"/api/submissions/{target.Id}" })
        {
            using var client = app.Host.Server.CreateClient();
            var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Authorization = new("Bearer", await app.TokenFor("prep-b"));
            foreach (var header in new[] { "tenant", "tenant-id", "X-Tenant-Id", "approval-tenant" }) request.Headers.Add(header, TestOrganization.Tenant);
            Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(request)).StatusCode);
        }

        // A draft with the other tenant named in its body and address still lands in the preparer's own bureau.
        var created = await app.Command("prep-b", $"/api/submissions?tenant={TestOrganization.Tenant}",
            new { fiscalYear = 2021, kind = SubmissionKind.ProjectSelfEvaluation, title = "租户注入", content = Samples.Ganfutong(), tenantId = TestOrganization.Tenant, tenant = TestOrganization.Tenant }, 201);
        var id = created.GetProperty("submissionId").GetGuid();
        await using (var bureauA = app.Store.QuerySession(TestOrganization.Tenant))
            Assert.Null(await bureauA.LoadAsync<Submission>(id));
        await using (var bureauB = app.Store.QuerySession(TestOrganization.OtherTenant))
            Assert.Equal("U-BD", (await bureauB.LoadAsync<Submission>(id))!.UnitId);
    }

    [Fact]
    public async Task An_administrator_manages_their_own_bureau_only()
    {
        // Bureau A's account is unknown to bureau B's administrator, and sign-in names are unique in the deployment.
        Assert.Equal(HttpStatusCode.NotFound, (await app.Send("admin-b", HttpMethod.Put, "/api/admin/accounts/prep", new { disabled = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await app.Send("admin-b", HttpMethod.Post, "/api/admin/accounts",
            new { id = "rev", displayName = "冒名", password = "Another#pass1", role = "Auditor" })).StatusCode);
        // Bureau A's section S-2 is not bureau B's: a unit of B can only name B's sections.
        Assert.Equal(HttpStatusCode.OK, (await app.Send("admin-b", HttpMethod.Post, "/api/admin/units", new { id = "U-NEW", name = "弋阳新单位", sectionId = "S-2" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Send("admin-b", HttpMethod.Post, "/api/admin/accounts",
            new { id = "prep-ot-b", displayName = "错单位", password = "Another#pass1", role = "Preparer", unitId = "U-OT" })).StatusCode);
        await using var bureauA = app.Store.QuerySession(TestOrganization.Tenant);
        Assert.Null(await bureauA.LoadAsync<Organization.BudgetUnit>("U-NEW"));
        Assert.False((await bureauA.LoadAsync<Auth.Account>("prep"))!.Disabled);
    }
}
