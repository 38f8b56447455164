using System.Globalization;
using System.Net;
using System.Text.Json;
using Approval.Web.Tests.Infrastructure;
using Approval.Workflow.Submissions;
using Approval.Workflow.Workbooks;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Approval.Web.Tests;

/// <summary>
/// Seed 002's 决算公开 package imported whole — its ten 公开表, the 情况说明 and the 自评表 it attaches (附件2 智能化维保, 附件4
/// “赣服通”上饶分厅4.0版项目) — checked with the attachments' findings named after them, shown on its page and, once published,
/// on /public, and downloaded as one workbook: by those who may read it before, by anyone once published, never by another
/// 财政局 or the public before that (404).
/// </summary>
[Collection(ApiLane.Name)]
public class DisclosurePackageDownloadTests(WorkflowFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.BeginClassAsync(GetType());
    public Task DisposeAsync() => Task.CompletedTask;

    private const string Seed002 = "002_3e97706fd429c0f0.txt";

    private async Task<Guid> Import()
    {
        using var client = app.Host.Server.CreateClient();
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "seeds", Seed002));
        var form = new MultipartFormDataContent { { new StringContent("FinalAccountsDisclosure"), "kind" } };
        form.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(text)), "file", "2021年度部门决算.txt");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/submissions/import") { Content = form };
        request.Headers.Authorization = new("Bearer", await app.TokenFor("prep"));
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("submissionId").GetGuid();
    }

    private async Task Step(string user, Guid id, string action, object? extra = null)
    {
        var body = new Dictionary<string, object?> { ["version"] = await app.StreamVersion(id) };
        foreach (var p in extra?.GetType().GetProperties() ?? []) body[p.Name] = p.GetValue(extra);
        await app.Command(user, $"/api/submissions/{id}/{action}", body);
    }

    private async Task<byte[]> Workbook(string? user, string url)
    {
        var response = await app.Send(user, HttpMethod.Get, url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} as {user}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(WorkbookFile.ContentType, response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private async Task NotFound(string? user, string url)
    {
        var response = await app.Send(user, HttpMethod.Get, url);
        Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"GET {url} as {user}: expected 404, got {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static List<string> SheetNames(byte[] bytes)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        return [.. document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!)];
    }

    /// <summary>The numbers of one sheet, as stored (numbers, never text).</summary>
    private static List<decimal> Numbers(byte[] bytes, string sheetName)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        return [.. ((WorksheetPart)workbook.GetPartById(sheet.Id!.Value!)).Worksheet.Descendants<Cell>()
            .Where(c => c.CellValue is not null && c.DataType is null).Select(c => decimal.Parse(c.CellValue!.Text, CultureInfo.InvariantCulture))];
    }

    [Fact]
    public async Task The_imported_package_keeps_its_attached_forms_checks_them_and_downloads_whole_to_exactly_its_readers()
    {
        var id = await Import();
        var stored = (await app.Load(id)).Content.Disclosure!;
        Assert.Equal(10, stored.Tables.Count);
        Assert.Equal([("附件2", "智能化维保", 99.8m), ("附件4", "“赣服通”上饶分厅4.0版项目", 87.5m)],
            stored.Forms.Select(a => (a.Label, a.Form.Header.ProjectName, a.Form.StatedTotal)).ToList());
        Assert.All(stored.Forms.SelectMany(a => a.Form.Indicators), row => Assert.False(string.IsNullOrEmpty(row.Id)));

        await Step("prep", id, "score");
        await using (var session = app.Store.QuerySession(TestOrganization.Tenant))
        {
            var card = (await session.LoadAsync<ScoreSheet>(id))!.Card;
            var attached = card.Findings.Where(f => f.Location.Document.StartsWith("附件", StringComparison.Ordinal)).ToList();
            Assert.Contains(attached, f => f.Location.Document == "附件2 项目支出绩效自评表「智能化维保」");
            Assert.Contains(attached, f => f.Location.Document == "附件4 项目支出绩效自评表「“赣服通”上饶分厅4.0版项目」");
            Assert.All(attached, f => Assert.StartsWith(f.Location.Document + "：", f.Message, StringComparison.Ordinal));
        }

        // the page shows both forms in the official layout, their findings among the package's
        var page = await (await app.Send("prep", HttpMethod.Get, $"/submissions/{id}")).Content.ReadAsStringAsync();
        Assert.Contains("id=\"attached-form-1\"", page);
        Assert.Contains("id=\"attached-form-2-official-form\"", page);
        Assert.Contains("<div class=\"attachment-label\">附件4</div>", page);
        Assert.Contains("class=\"attached-finding-link\"", page);
        Assert.Contains("<a href=\"#attached-form-1-row-11\" class=\"row-link\">", page); // a target note leads to its row in that form
        Assert.DoesNotContain("id=\"official-form\"", page); // no form of the page's own: detail.js leaves the 附件 to their anchors

        // before publication: the unit and the bureau's auditors, nobody else
        var url = $"/api/submissions/{id}/xlsx";
        var own = await Workbook("prep", url);
        Assert.Equal(
        [
            "公开01表 收入支出决算总表", "公开02表 收入决算表", "公开03表 支出决算表", "公开04表 财政拨款收入支出决算总表",
            "公开05表 一般公共预算财政拨款支出决算表", "公开06表 一般公共预算财政拨款基本支出决算表", "公开07表 财政拨款“三公”经费支出决算表",
            "公开08表 政府性基金预算财政拨款收入支出决算表", "公开09表 国有资本经营预算财政拨款支出决算表", "公开10表 国有资产占用情况表",
            "情况说明", "附件2 项目支出绩效自评表", "附件4 项目支出绩效自评表",
        ], SheetNames(own));
        Assert.Contains(1664.55m, Numbers(own, "公开01表 收入支出决算总表"));
        Assert.Contains(99.8m, Numbers(own, "附件2 项目支出绩效自评表"));
        var response = await app.Send("prep", HttpMethod.Get, url);
        Assert.Equal("上饶市大数据发展管理局-2021年度-部门决算公开.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);
        await Workbook("audit", url);
        await NotFound("rev", url);                     // a draft stays with the unit
        await NotFound("prep-other", url);              // another unit
        await NotFound("prep-b", url);                  // another 财政局's preparer of a unit with the same id
        await NotFound("admin-b", url);                 // another 财政局's admin
        await NotFound(null, $"/api/public/reports/{id}/xlsx"); // not published: nothing public
        Assert.Equal(HttpStatusCode.NotFound, (await app.Send(null, HttpMethod.Get, $"/public/{id}")).StatusCode);

        await Step("prep", id, "submit");
        await Step("rev", id, "claim");
        await Step("rev", id, "approve", new { opinion = "经审核，同意公开", stamp = "经济建设股业务专用章" });
        await NotFound(null, $"/api/public/reports/{id}/xlsx"); // approved is not published
        await Step("rev", id, "publish", new { indexNumber = "DSJ-2021-PKG", publisher = "上饶市大数据发展管理局", confidentialityReviewed = true, principalSigned = true });

        // published: anyone downloads the same package, and the public page shows the 附件 and offers Excel and 打印/PDF
        var published = await Workbook(null, $"/api/public/reports/{id}/xlsx?version=1");
        Assert.Equal(SheetNames(own), SheetNames(published));
        Assert.Equal(Numbers(own, "公开03表 支出决算表"), Numbers(published, "公开03表 支出决算表"));
        var publicPage = await (await app.Send(null, HttpMethod.Get, $"/public/{id}")).Content.ReadAsStringAsync();
        Assert.Contains($"href=\"/api/public/reports/{id}/xlsx?version=1\"", publicPage);
        Assert.Contains("打印 / 另存为 PDF", publicPage);
        Assert.Contains("附件2 项目支出绩效自评表「智能化维保」", publicPage);
        Assert.Contains("“赣服通”上饶分厅4.0版项目", publicPage);
        Assert.DoesNotContain("attached-finding-link", publicPage); // the public copy shows no findings
        Assert.DoesNotContain("系统 ", publicPage);
        await NotFound(null, $"/api/public/reports/{id}/xlsx?version=2");
        await NotFound(null, $"/api/public/reports/{Guid.NewGuid()}/xlsx");
    }
}
