using System.Text.RegularExpressions;
using Approval.Web.Tests.Infrastructure;
using Approval.Workflow.Submissions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Web.Tests;

/// <summary>
/// The 项目支出绩效自评表 of seeds 002 and 004 on paper: drafted, scored, approved with the section's seal, opened and
/// printed by Chromium (the page's own @page rules); the PDF's pages measured with pdfinfo, read with pdftotext and
/// rendered to PNG (TestResults/screenshots/printed/self-evaluation-*.png) for a person to look at.
/// </summary>
[Collection(SecondBrowserLane.Name)]
public class SelfEvaluationPrintTests(LiveApp app) : BrowserTest(app)
{
    private const string Seal = "上饶市财政局经济建设股业务专用章";

    /// <summary>A seed's form drafted under a year of its own, scored, submitted and approved with the section's seal.</summary>
    private async Task<Guid> Approved(Approval.Workflow.SelfEvaluation.ProjectSelfEvaluationForm form, int year)
    {
        return await Reports.Approved(title: form.Header.ProjectName + "（打印）", content: new SubmissionContent { ProjectForm = form }, year: year,
            approval: new { grade = "优", overrideReason = "打印测试", opinion = "同意", stamp = Seal });
    }

    [Theory]
    [InlineData("002_3e97706fd429c0f0.txt", 0, 2041, "seed002-zhinenghua", "97.70%", "97.73%")]
    [InlineData("002_3e97706fd429c0f0.txt", 1, 2042, "seed002-ganfutong", "75.00%", "75.00%")]
    [InlineData("004_00e7fe4b0ab0df23.txt", 0, 2043, "seed004-dating", "62.6", "62.60%")]
    [InlineData("004_00e7fe4b0ab0df23.txt", 1, 2044, "seed004-xitong", "75.43", "75.43%")]
    public async Task A_seed_form_prints_on_one_or_two_portrait_sheets_with_its_header_on_each_and_its_seal_inside_the_oval(
        string seed, int index, int year, string name, string statedRate, string computedRate)
    {
        var form = Samples.Seed(seed).Forms[index];
        var id = await Approved(form, year);
        var page = await SignIn("prep");
        await page.SetViewportSizeAsync(1440, 900);
        await page.GotoAsync($"/submissions/{id}");
        // 执行率 as the form states it, the engine's B/A beside it on the screen
        await Expect(page.Locator("#funds-rate")).ToContainTextAsync(statedRate);
        await Expect(page.Locator("#funds-rate-computed")).ToHaveTextAsync("系统 " + computedRate);
        await Shot(page, "self-evaluation-print-" + name);

        // The seal's text stays inside its oval, on paper as on the screen.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await AssertSealTextInsideOval(page);
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await AssertSealTextInsideOval(page);

        var file = "self-evaluation-" + name;
        var pngs = await PrintedPages.PrintAsync(page, file);
        var sizes = await PrintedPages.SizesAsync(file);
        Assert.Equal(pngs.Count, sizes.Count);
        Assert.InRange(sizes.Count, 1, 2); // was 3–4, the first two-thirds blank
        Assert.All(sizes, s => Assert.True(PrintedPages.IsA4(s.Width, s.Height, landscape: false), $"not A4 portrait: {s}")); // eight columns: portrait, as the seed
        var sheets = await PrintedPages.PagesAsync(file);
        Assert.Equal(sizes.Count, sheets.Count);
        var paper = string.Concat(sheets);
        Assert.Matches(@"项目名称\s+" + Regex.Escape(form.Header.ProjectName), paper); // 项目名称 on one line, never 项目名 / 称
        Assert.Contains(statedRate, paper);
        Assert.DoesNotContain("系统 ", paper); // the engine's figures are for the screen
        Assert.Contains($"（{year} 年度）", sheets[0]);
        Assert.Contains("审核时间", sheets[^1]);
        Assert.Contains("业务专用章", sheets[^1]);
        // A sheet the indicator table reaches carries its header row and at least one row under it (分值 and 得分 of a
        // row or of 总分): never a sheet with the header alone.
        var tableSheets = sheets.Where(s => s.Contains("三级指标", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(tableSheets);
        foreach (var sheet in tableSheets)
            Assert.Matches(@"\d+\.\d{2}\s+\d+\.\d{2}", sheet[sheet.IndexOf("三级指标", StringComparison.Ordinal)..]);
        // The table continues from the sheet where the form starts: no sheet of blank space before it.
        Assert.Contains("三级指标", sheets[0]);
    }

    private static async Task AssertSealTextInsideOval(IPage page)
    {
        var outside = await PrintedPages.TextOutsideOvalAsync(page, "#reviewer-block .stamp-mark");
        Assert.True(outside.Length == 0, "seal text outside its oval: " + string.Join("; ", outside));
    }
}
