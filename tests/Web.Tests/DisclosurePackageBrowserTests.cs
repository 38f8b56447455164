using System.Globalization;
using Approval.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using static Microsoft.Playwright.Assertions;

namespace Approval.Web.Tests;

/// <summary>
/// Seed 002's 决算公开 package through the UI, as a unit and its section do it: the preparer uploads the file (新建报告), sees the
/// attached 附件2 and 附件4 自评表 on the package's page with their findings, submits; the reviewer claims, approves and publishes;
/// a visitor opens it on /public, sees the 附件 there, downloads 下载 Excel and the workbook holds a sheet per 公开表 in official
/// order, the 情况说明 and both 附件 with their figures as numbers; 打印 / 另存为 PDF prints the package with its 附件.
/// Screenshots at 1440 px: package-attached-forms.png, package-public.png, package-public-attached.png; printed/public-package-002.pdf.
/// </summary>
[Collection(SecondBrowserLane.Name)]
public class DisclosurePackageBrowserTests(LiveApp app) : BrowserTest(app)
{
    [Fact]
    public async Task The_seed_package_is_imported_with_its_attached_forms_published_and_downloaded_from_public_as_one_workbook()
    {
        var preparer = await SignIn("prep");
        await preparer.SetViewportSizeAsync(1440, 1000);
        await preparer.GotoAsync("/submissions");
        await preparer.SelectOptionAsync("#new-kind", "FinalAccountsDisclosure");
        await preparer.FillAsync("#new-title", "2021年度部门决算公开（含附件）");
        await preparer.SetInputFilesAsync("#new-file", SeedPath("002_3e97706fd429c0f0.txt"));
        await preparer.ClickAsync("#create");
        await preparer.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/submissions/[0-9a-f-]{36}$"));
        var id = Guid.Parse(preparer.Url[^36..]);
        await Expect(preparer.Locator("body")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bactions-pending\b"));
        await preparer.ClickAsync("#score");
        await Expect(preparer.Locator("#findings")).ToContainTextAsync("附件2 项目支出绩效自评表「智能化维保」");

        // the package's page: both forms in the 自评表's layout after the 情况说明, listed in the contents
        await Expect(preparer.Locator("#disclosure-toc a")).ToContainTextAsync(["附件2 项目支出绩效自评表「智能化维保」", "附件4 项目支出绩效自评表「“赣服通”上饶分厅4.0版项目」"]);
        var first = preparer.Locator("#attached-form-1");
        await Expect(first.Locator(".attachment-label")).ToHaveTextAsync("附件2");
        await Expect(first.Locator("#attached-form-1-h-project")).ToHaveTextAsync("智能化维保");
        await Expect(first.Locator("#attached-form-1-stated-total")).ToContainTextAsync("99.80");
        await Expect(preparer.Locator("#attached-form-2-h-project")).ToHaveTextAsync("“赣服通”上饶分厅4.0版项目");
        await Expect(preparer.Locator("#attached-form-2-stated-total")).ToContainTextAsync("87.50");
        // a finding of 附件4 leads to its row in that form
        var link = preparer.Locator("#findings a.attached-finding-link", new() { HasText = "附件4" }).First;
        var target = (await link.GetAttributeAsync("href"))!;
        Assert.StartsWith("#attached-form-2-", target, StringComparison.Ordinal);
        await Expect(preparer.Locator(target)).ToHaveCountAsync(1);
        await first.ScrollIntoViewIfNeededAsync();
        await first.ScreenshotAsync(new() { Path = Path.Combine(Shots, "package-attached-forms.png") });

        // the unit downloads its package from its page as the same workbook
        var own = await preparer.RunAndWaitForDownloadAsync(() => preparer.ClickAsync("#download-xlsx"));
        Assert.Equal("上饶市大数据发展管理局-2021年度-部门决算公开.xlsx", own.SuggestedFilename);
        await Expect(preparer.Locator("#download-xlsx")).ToHaveTextAsync("下载 Excel（整套公开表）");

        await Chromium.WaitUntilAsync(preparer, "document.body.dataset.live === 'connected'");
        await preparer.ClickAsync("#submit");
        if (await preparer.Locator("#confirm-ok").IsVisibleAsync()) await preparer.ClickAsync("#confirm-ok"); // the findings remain
        await Expect(preparer.Locator("#state")).ToHaveTextAsync("已提交待审核");

        // the reviewer claims, approves without a grade and publishes
        var reviewer = await SignIn("rev");
        await reviewer.SetViewportSizeAsync(1440, 1000);
        await reviewer.GotoAsync($"/submissions/{id}");
        await Expect(reviewer.Locator("body")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bactions-pending\b"));
        await reviewer.ClickAsync("#claim");
        await Expect(reviewer.Locator("#state")).ToHaveTextAsync("审核中");
        await reviewer.ClickAsync("#approve");
        await reviewer.ClickAsync("#confirm-ok");
        await Expect(reviewer.Locator("#approved-outcome")).ToHaveTextAsync("审核通过");
        await reviewer.FillAsync("#index-number", "SRBD-2021-JS-PKG");
        await reviewer.CheckAsync("#confidentiality");
        await reviewer.CheckAsync("#principal");
        await reviewer.ClickAsync("#publish");
        await reviewer.ClickAsync("#confirm-ok");
        await Expect(reviewer.Locator("#state")).ToHaveTextAsync("已公开");

        // anyone: the public page shows the 附件 and offers the workbook and a print to PDF
        var visitor = await (await People.NewPersonAsync()).NewPageAsync();
        await visitor.SetViewportSizeAsync(1440, 1000);
        Assert.Equal(200, (await visitor.GotoAsync($"/public/{id}"))?.Status); // the catalogue is written with the publication
        await Expect(visitor.Locator("h1")).ToHaveTextAsync("2021年度部门决算公开（含附件）");
        await Expect(visitor.Locator("#attached-form-1-h-project")).ToHaveTextAsync("智能化维保");
        await Expect(visitor.Locator("#attached-form-2 .attachment-label")).ToHaveTextAsync("附件4");
        await Expect(visitor.Locator("#print-pdf")).ToHaveTextAsync("打印 / 另存为 PDF");
        await AssertAccessible(visitor); // two forms on one page: ids and region names stay unique
        await Shot(visitor, "package-public", fullPage: false);
        await visitor.Locator("#attached-form-2").ScrollIntoViewIfNeededAsync();
        await visitor.Locator("#attached-form-2").ScreenshotAsync(new() { Path = Path.Combine(Shots, "package-public-attached.png") });

        var download = await visitor.RunAndWaitForDownloadAsync(() => visitor.ClickAsync("#download-xlsx"));
        Assert.Equal("上饶市大数据发展管理局-2021年度-部门决算公开-第1版.xlsx", download.SuggestedFilename);
        var file = Path.Combine(Shots, "package-public.xlsx");
        await download.SaveAsAsync(file);
        using (var document = SpreadsheetDocument.Open(file, false))
        {
            var workbook = document.WorkbookPart!;
            var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
            Assert.Equal(
            [
                "公开01表 收入支出决算总表", "公开02表 收入决算表", "公开03表 支出决算表", "公开04表 财政拨款收入支出决算总表",
                "公开05表 一般公共预算财政拨款支出决算表", "公开06表 一般公共预算财政拨款基本支出决算表", "公开07表 财政拨款“三公”经费支出决算表",
                "公开08表 政府性基金预算财政拨款收入支出决算表", "公开09表 国有资本经营预算财政拨款支出决算表", "公开10表 国有资产占用情况表",
                "情况说明", "附件2 项目支出绩效自评表", "附件4 项目支出绩效自评表",
            ], sheets.Select(s => s.Name!.Value));
            var strings = workbook.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray();
            List<(string Reference, string? Text, decimal? Number)> Cells(string name) =>
                [.. ((WorksheetPart)workbook.GetPartById(sheets.Single(s => s.Name == name).Id!.Value!)).Worksheet.Descendants<Cell>()
                    .Where(c => c.CellValue is not null)
                    .Select(c => c.DataType?.Value == CellValues.SharedString
                        ? (c.CellReference!.Value!, strings[int.Parse(c.CellValue!.Text, CultureInfo.InvariantCulture)], (decimal?)null)
                        : (c.CellReference!.Value!, (string?)null, decimal.Parse(c.CellValue!.Text, CultureInfo.InvariantCulture)))];
            // 01: 本年支出合计 and the 总计 of both sides, 1,664.55 each, stored as numbers
            Assert.Equal(3, Cells("公开01表 收入支出决算总表").Count(c => c.Number == 1664.55m));
            Assert.Contains(Cells("公开01表 收入支出决算总表"), c => c.Number == 277.40m); // 年初结转和结余
            Assert.Contains(Cells("公开03表 支出决算表"), c => c.Text == "其他科技条件与服务支出");
            Assert.Contains(Cells("公开03表 支出决算表"), c => c.Number == 1058.22m);
            var annex2 = Cells("附件2 项目支出绩效自评表");
            Assert.Contains(annex2, c => c.Text == "智能化维保");
            Assert.Contains(annex2, c => c.Number == 215m);  // 全年执行数
            Assert.Contains(annex2, c => c.Number == 99.8m); // 总分 得分
            Assert.Contains(Cells("附件4 项目支出绩效自评表"), c => c.Number == 428m);
            Assert.Contains(Cells("情况说明"), c => c.Text?.Contains("赣服通自评得分为95分", StringComparison.Ordinal) == true);
        }

        // 打印 / 另存为 PDF: the print layout holds the tables and both 附件
        await PrintedPages.PrintAsync(visitor, "public-package-002");
        var printed = await PrintedPages.TextAsync("public-package-002");
        foreach (var expected in new[] { "收入支出决算总表", "国有资产占用情况表", "部门决算情况说明", "附件2", "智能化维保", "附件4", "“赣服通”上饶分厅4.0版项目" })
            Assert.Contains(expected, printed);
        Assert.DoesNotContain("下载 Excel", printed);
    }
}
