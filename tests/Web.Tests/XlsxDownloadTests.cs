using System.Net;
using System.Text.Json;
using Approval.Web.Tests.Infrastructure;
using Approval.Workflow.Import;
using Approval.Workflow.SelfEvaluation;
using Approval.Workflow.Submissions;
using Approval.Workflow.Workbooks;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Approval.Web.Tests;

/// <summary>
/// The workbook downloads: a 自评表 submission, a unit's 汇总审核表 and a published 自评表 as .xlsx, each visible to
/// exactly those who may read it (404 problem to the rest), named in Chinese, and re-importing to what was stored.
/// </summary>
[Collection(ApiLane.Name)]
public class XlsxDownloadTests(WorkflowFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.BeginClassAsync(GetType());
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<byte[]> Workbook(string? user, string url)
    {
        var response = await app.Send(user, HttpMethod.Get, url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} as {user}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(WorkbookFile.ContentType, response.Content.Headers.ContentType?.MediaType);
        // RFC 5987: the Chinese name travels percent-encoded in filename*
        var disposition = response.Content.Headers.GetValues("Content-Disposition").Single();
        Assert.Contains("filename*=UTF-8''", disposition);
        Assert.EndsWith(".xlsx", response.Content.Headers.ContentDisposition!.FileNameStar, StringComparison.Ordinal);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private async Task Refused(string? user, string url, int status, string? code = null)
    {
        var response = await app.Send(user, HttpMethod.Get, url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"GET {url} as {user}: expected {status}, got {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (code is not null) Assert.Equal(code, JsonDocument.Parse(text).RootElement.GetProperty("code").GetString());
    }

    /// <summary>The form as printed: the workbook carries no row ids (the system's, matched again when a re-import revises
    /// the report — <c>WithRowIds</c>) and no source lines.</summary>
    private static string Content(ProjectSelfEvaluationForm form) =>
        JsonSerializer.Serialize(form with { Indicators = form.Indicators.Select(i => i with { SourceLine = null, Id = null }).ToList() });

    private static List<string> Texts(byte[] bytes)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        return document.WorkbookPart!.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList();
    }

    [Fact]
    public async Task A_self_evaluation_downloads_for_those_who_may_see_it_and_reimports_to_its_content()
    {
        var id = await app.Reports.Draft("prep", "工作簿测试", Samples.Ganfutong());
        await app.Reports.Step("prep", id, "score");
        var url = $"/api/submissions/{id}/xlsx";

        var stored = (await app.Load(id)).Content.ProjectForm!;
        var bytes = await Workbook("prep", url);
        var back = Assert.Single(ReportImporter.Read(bytes, "download.xlsx").Forms);
        Assert.Equal(Content(stored), Content(back));

        var response = await app.Send("prep", HttpMethod.Get, url);
        Assert.Equal("上饶市大数据发展管理局-2021年度-“赣服通”上饶分厅4.0版项目-项目支出绩效自评表.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);

        await Refused("prep-other", url, 404, "not-found");  // another unit's preparer
        await Refused("rev", url, 404, "not-found");         // a draft stays with the unit
        await Refused(null, url, 401);
        await Workbook("audit", url);

        await app.Reports.Step("prep", id, "submit");
        await Workbook("rev", url);                           // the unit's section, once submitted
        await Refused("rev-other", url, 404, "not-found");   // another section's reviewer
        await Refused("prep", $"/api/submissions/{Guid.NewGuid()}/xlsx", 404, "not-found");
    }

    [Fact]
    public async Task A_form_saved_without_a_stated_rate_downloads_with_its_rate_the_绩效指标_column_and_scores_as_10_00()
    {
        // The editor saves no 执行率 (it would go stale as the figures change): the workbook computes it, B/A.
        var seed = Samples.GanfutongForm();
        var id = await app.Reports.Draft("prep", "工作簿测试", new SubmissionContent { ProjectForm = seed with { Funds = seed.Funds with { StatedRatePercent = null, StatedRateText = null } } });
        var bytes = await Workbook("prep", $"/api/submissions/{id}/xlsx");

        using (var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false))
        {
            var part = document.WorkbookPart!;
            var strings = part.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList();
            var cells = part.WorksheetParts.Single().Worksheet.Descendants<Cell>().ToList();
            string? Text(Cell c) => c.CellValue is null ? null : c.DataType?.Value == CellValues.SharedString ? strings[int.Parse(c.CellValue.Text, System.Globalization.CultureInfo.InvariantCulture)] : c.CellValue.Text;
            Cell At(string reference) => cells.Single(c => c.CellReference == reference);
            string Row(string text) => new([.. cells.Single(c => Text(c) == text).CellReference!.Value!.SkipWhile(char.IsLetter)]);
            var formats = part.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
            uint FormatOf(Cell c) => formats[(int)(c.StyleIndex?.Value ?? 0)].NumberFormatId?.Value ?? 0;

            var total = Row("年度资金总额");
            Assert.Equal("75.00", Text(At($"H{total}")));              // 321 ÷ 428 × 100, the formula's value
            Assert.Equal($"F{total}/E{total}*100", At($"H{total}").CellFormula!.Text);
            var header = Row("三级指标");
            Assert.Equal("绩效指标", Text(At($"A{header}")));           // the official form's first column
            Assert.Equal(["一级指标", "二级指标"], new[] { "B", "C" }.Select(c => Text(At(c + header))));
            Assert.Equal("10", Text(At($"G{total}")));                 // stored as the number …
            Assert.Equal(2u, FormatOf(At($"G{total}")));               // … shown 0.00: 10.00
            Assert.Equal(2u, FormatOf(At($"G{Row("总分")}")));
        }
        // and it re-imports with the rate it showed
        var back = Assert.Single(ReportImporter.Read(bytes, "download.xlsx").Forms);
        Assert.Equal(75m, back.Funds.StatedRatePercent);
        Assert.Equal(Content(seed with { Funds = seed.Funds with { StatedRatePercent = null, StatedRateText = null } }), Content(back with { Funds = back.Funds with { StatedRatePercent = null, StatedRateText = null } }));
    }

    [Fact]
    public async Task A_report_that_is_not_a_self_evaluation_form_is_a_conflict_not_a_crash()
    {
        var id = await app.Reports.Draft("prep", "工作簿测试", new SubmissionContent { Summary = new SummaryDeclaration(80m, 2) }, SubmissionKind.SummaryReview);
        await Refused("prep", $"/api/submissions/{id}/xlsx", 409, "not-a-self-evaluation-form");
        await Refused("prep-other", $"/api/submissions/{id}/xlsx", 404, "not-found"); // and still hidden from others
    }

    [Fact]
    public async Task The_units_summary_review_table_downloads_scoped_like_its_json()
    {
        var first = await app.Reports.Draft("prep-yy", "工作簿测试", Samples.YiyangProject("政府购买工作人员14名", 70m, 63m, 95.38m));
        var second = await app.Reports.Draft("prep-yy", "工作簿测试", Samples.YiyangProject("公共资源交易中心日常运转", 7.42m, 7.42m, 99.5m));
        var draftOnly = await app.Reports.Draft("prep-yy", "工作簿测试", Samples.YiyangProject("尚未提交的草稿项目", 12.34m, 5.67m, 60m));
        var summary = await app.Reports.Draft("prep-yy", "工作簿测试", new SubmissionContent { Summary = new SummaryDeclaration(80m, 2) }, SubmissionKind.SummaryReview);
        foreach (var id in new[] { first, second, draftOnly, summary }) await app.Reports.Step("prep-yy", id, "score");
        foreach (var id in new[] { first, second, summary }) await app.Reports.Step("prep-yy", id, "submit");
        const string url = "/api/units/U-YY/summary/2021/xlsx";

        var own = Texts(await Workbook("prep-yy", url));
        Assert.DoesNotContain("尚未提交的草稿项目", own); // a draft is no row of the 汇总, for the unit either (the JSON lists it apart)
        Assert.Contains("政府购买工作人员14名", own);
        var forSection = Texts(await Workbook("rev", url));
        Assert.Contains("政府购买工作人员14名", forSection);
        Assert.Contains("公共资源交易中心日常运转", forSection);
        Assert.DoesNotContain("尚未提交的草稿项目", forSection); // never a draft's row for the section
        Assert.Contains("2021 年度项目支出绩效自评情况汇总审核表", forSection);

        await Refused("prep", url, 404, "not-found");       // another unit's preparer
        await Refused("rev-other", url, 404, "not-found");  // another section's reviewer
        await Refused(null, url, 401);
        await Refused("audit", "/api/units/U-YY/summary/1999/xlsx", 404, "not-found");
        var response = await app.Send("rev", HttpMethod.Get, url);
        Assert.Equal("弋阳县政务服务中心-2021年度-项目支出绩效自评情况汇总审核表.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);
    }

    [Fact]
    public async Task A_published_form_downloads_for_anyone_by_version()
    {
        var id = await app.Reports.Draft("prep", "工作簿测试", Samples.Ganfutong());
        await app.Reports.Step("prep", id, "score");
        await app.Reports.Step("prep", id, "submit");
        await app.Reports.Step("rev", id, "claim");
        await app.Reports.Step("rev", id, "approve", new { grade = "良", opinion = "同意", signature = "张经办", stamp = "业务专用章" });
        await app.Reports.Step("rev", id, "publish", new { indexNumber = "SR-XLSX-1", publisher = "上饶市大数据发展管理局", confidentialityReviewed = true, principalSigned = true });

        var bytes = await Workbook(null, $"/api/public/reports/{id}/xlsx?version=1");
        var back = Assert.Single(ReportImporter.Read(bytes, "public.xlsx").Forms);
        Assert.Equal(Content(Samples.GanfutongForm()), Content(back));
        // the bureau's block as on the public page: the grade and the date, no officer's name
        var text = SharedStrings(bytes);
        Assert.Contains("财政局业务股室审核意见（优、良、中、差）", text);
        Assert.DoesNotContain("张经办", text);
        Assert.Contains("张经办", SharedStrings(await Workbook("rev", $"/api/submissions/{id}/xlsx"))); // the bureau's own copy is signed
        var latest = await Workbook(null, $"/api/public/reports/{id}/xlsx"); // no version: the latest, here the first
        Assert.Equal(Content(back), Content(Assert.Single(ReportImporter.Read(latest, "latest.xlsx").Forms)));
        await Refused(null, $"/api/public/reports/{id}/xlsx?version=7", 404, "not-found");
        await Refused(null, $"/api/public/reports/{Guid.NewGuid()}/xlsx", 404, "not-found");
    }

    [Fact]
    public async Task The_template_is_for_the_year_asked_and_a_silly_year_is_a_bad_request()
    {
        var cells = Texts(await Workbook("prep", "/api/templates/self-evaluation.xlsx?year=2025"));
        Assert.Contains("（2025年度）", cells);
        Assert.Contains("成本指标(20分)", cells);
        Assert.DoesNotContain("成本指标(20分)", Texts(await Workbook("prep", "/api/templates/self-evaluation.xlsx?year=2021")));
        var thisYear = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Year;
        Assert.Contains($"（{thisYear}年度）", Texts(await Workbook("prep", "/api/templates/self-evaluation.xlsx")));
        await Refused("prep", "/api/templates/self-evaluation.xlsx?year=1999", 400, "year-out-of-range");
        await Refused("prep", "/api/templates/self-evaluation.xlsx?year=99999", 400, "year-out-of-range");
        await Refused("prep", "/api/templates/self-evaluation.xlsx?year=abc", 400);
    }

    /// <summary>Every text the workbook holds (its shared-string table).</summary>
    private static string SharedStrings(byte[] workbook)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(workbook));
        using var reader = new StreamReader(zip.GetEntry("xl/sharedStrings.xml")!.Open());
        return reader.ReadToEnd();
    }
}
