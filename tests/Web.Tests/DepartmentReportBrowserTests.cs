using System.Text.Json;
using Approval.Web.Tests.Infrastructure;
using Approval.Workflow.Submissions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Web.Tests;

/// <summary>
/// Seed 001's 部门整体支出绩效自评报告 uploaded in the browser: by its own unit (弋阳县政务服务中心) it becomes a document
/// with its four sections, its attachments and 97.44 from the attached 项目 report; by 上饶市大数据发展管理局 it needs a
/// confirmation naming both units. Screenshots at 1440 px and the printed pages go to TestResults/screenshots.
/// </summary>
[Collection(SecondBrowserLane.Name)]
public class DepartmentReportBrowserTests(LiveApp app) : BrowserTest(app)
{
    private static readonly string Seed001 = SeedPath("001_de08246b7e89c2ac.txt");

    private Task<JsonElement> Draft(string user, string title, SubmissionContent content) =>
        PostAs(user, "/api/submissions", new { fiscalYear = 2021, kind = SubmissionKind.ProjectSelfEvaluation, title, content });

    private static async Task Upload(IPage page)
    {
        await page.SelectOptionAsync("#new-kind", "DepartmentSelfEvaluation");
        await page.FillAsync("#new-year", "2021");
        await page.SetInputFilesAsync("#new-file", Seed001);
        await page.ClickAsync("#create");
    }

    [Fact]
    public async Task Seed_001_uploaded_by_its_unit_is_a_document_with_sections_and_its_score_and_by_another_unit_only_on_confirmation()
    {
        // The unit's two 项目支出绩效自评表 of 2021 (seed 001's 汇总审核表: 95.38 and 99.5), which the report's average is checked against.
        await Draft("prep-yy", "政府购买工作人员14名", Samples.YiyangProject("政府购买工作人员14名", 70m, 63m, 95.38m));
        await Draft("prep-yy", "公共资源交易中心日常运转", Samples.YiyangProject("公共资源交易中心日常运转", 7.42m, 7.42m, 99.5m));

        var preparer = await SignIn("prep-yy");
        await preparer.SetViewportSizeAsync(1440, 900);
        await Upload(preparer);
        await preparer.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/submissions/[0-9a-f-]{36}$"));
        await preparer.ClickAsync("#score");
        await Expect(preparer.Locator("#total")).ToHaveTextAsync("97.44");
        await Expect(preparer.Locator("#dept-title")).ToHaveTextAsync("弋阳县政务服务中心 2021 年度部门整体支出绩效自评报告");
        await Expect(preparer.Locator("#dept-unit")).ToHaveTextAsync("弋阳县政务服务中心");
        await Expect(preparer.Locator("#dept-score")).ToHaveTextAsync("97.44 分");
        await Expect(preparer.Locator("#dept-grade")).ToHaveTextAsync("优秀");
        await Expect(preparer.Locator("#dept-band")).ToHaveTextAsync("（按得分档次：优）");
        await Expect(preparer.Locator("#dept-score-source")).ToContainTextAsync("所附项目支出绩效自评报告");
        await Expect(preparer.Locator(".dept-section > h2")).ToHaveTextAsync(
            ["一、部门概述和基本情况", "二、政务服务中心整体支出实现情况", "三、中心整体绩效存在问题及改进措施", "四、绩效自评结果拟应用和公开情况"]);
        await Expect(preparer.Locator("#dept-toc a")).ToHaveCountAsync(6); // four sections, two attachments
        await Expect(preparer.Locator("#department-report pre")).ToHaveCountAsync(0);
        await Expect(preparer.Locator("#dept-sec-2 h3").First).ToHaveTextAsync("一、2021 年主要工作");
        // the finding at its sentence: 编制人数共 10 人, 其中 7 + 4
        await Expect(preparer.Locator("#dept-sec-1 mark.finding-error")).ToContainTextAsync("编制人数共 10人");
        await Expect(preparer.Locator("#dept-attachment-1 > summary")).ToContainTextAsync("项目支出绩效自评报告");
        await Expect(preparer.Locator("#dept-attachment-2 > summary")).ToContainTextAsync("汇总审核表");
        await Expect(preparer.Locator("#dept-attachment-1")).Not.ToHaveAttributeAsync("open", "");
        await Expect(preparer.Locator("#check-summary")).ToContainTextAsync("已检查");
        await Expect(preparer.Locator("#check-notes")).ToContainTextAsync("未检查 · 与本单位同年度部门决算公开核对（DE-FIGURE-DISCLOSURE）：系统中没有本单位同年度的部门决算公开");
        await Expect(preparer.Locator("#check-notes")).ToContainTextAsync("2 张自评表");
        await Expect(preparer.Locator("#check-notes")).ToContainTextAsync("平均分 97.44 分，报告写 97.44 分");
        await preparer.ScreenshotAsync(new() { Path = Path.Combine(Shots, "department-report-seed001.png"), FullPage = true });

        var pngs = await PrintedPages.PrintAsync(preparer, "department-report-seed001");
        Assert.True(pngs.Count >= 4, $"{pngs.Count} page(s)");
        var text = await PrintedPages.TextAsync("department-report-seed001");
        foreach (var expected in new[] { "整体支出绩效自评报告", "一、部门概述和基本情况", "四、绩效自评结果拟应用和公开情况", "二 0 二二年九月十八日", "项目支出绩效自评报告", "97.44" })
            Assert.Contains(expected, text);
        foreach (var absent in new[] { "目录", "检查结果", "评分并检查", "DE-PARTS-EXCEED" })
            Assert.DoesNotContain(absent, text);

        // 上饶市大数据发展管理局's preparer uploads the same file: the dialog names both units; confirming drafts it, on record.
        var other = await SignIn("prep");
        await Upload(other);
        var dialog = other.Locator("#confirm-dialog");
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog).ToContainTextAsync("报告所署单位：弋阳县政务服务中心");
        await Expect(dialog).ToContainTextAsync("本账号单位：上饶市大数据发展管理局");
        await other.ScreenshotAsync(new() { Path = Path.Combine(Shots, "department-report-unit-mismatch-dialog.png") });
        await other.ClickAsync("#confirm-ok");
        await other.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/submissions/[0-9a-f-]{36}$"));
        await Expect(other.Locator("#unit-mismatch")).ToContainTextAsync("「弋阳县政务服务中心」");
    }

    [Fact]
    public async Task A_report_with_its_overall_form_shows_the_form_in_the_official_layout_with_the_engines_figures()
    {
        var id = await Import("prep-yy", SubmissionKind.DepartmentSelfEvaluation, "001-with-form.txt", Samples.Seed001WithOverallForm(), "部门整体支出绩效自评（附自评表）");
        var page = await SignIn("prep-yy");
        await page.SetViewportSizeAsync(1440, 900);
        await page.GotoAsync($"/submissions/{id}");
        await page.ClickAsync("#score");
        await Expect(page.Locator("#total")).ToHaveTextAsync("99.68");
        await Expect(page.Locator("#dept-score")).ToHaveTextAsync("99.68 分");
        await Expect(page.Locator("#dept-score-source")).ToContainTextAsync("所附部门整体支出绩效自评表的总分");
        await Expect(page.Locator("#dept-toc a")).ToHaveCountAsync(7); // four sections, the form and the two attachments after it

        // The form is open in the report, in the 自评表's official layout with 部门名称 and 年度预算.
        var attachment = page.Locator("#dept-attachment-1");
        await Expect(attachment).ToHaveAttributeAsync("data-kind", "OverallForm");
        await Expect(attachment).ToHaveAttributeAsync("open", "open");
        await Expect(attachment.Locator(".paper-title")).ToHaveTextAsync("部门整体支出绩效自评表");
        await Expect(attachment.Locator("#header-project th")).ToHaveTextAsync("部门名称");
        await Expect(attachment.Locator("#h-project")).ToHaveTextAsync("弋阳县政务服务中心");
        await Expect(attachment.Locator("#header-units")).ToHaveCountAsync(0);
        await Expect(attachment.Locator("#funds-head th").First).ToContainTextAsync("年度预算");
        await Expect(attachment.Locator(".funds-sub")).ToHaveTextAsync([new System.Text.RegularExpressions.Regex("其中：基本支出"), new System.Text.RegularExpressions.Regex("其中：项目支出")]);
        await Expect(attachment.Locator("#indicator-table td.level", new() { HasText = "产出指标（50分）" })).ToHaveAttributeAsync("rowspan", "5");
        await Expect(attachment.Locator("#stated-total")).ToContainTextAsync("99.68");
        await Expect(attachment.Locator("#stated-total .computed")).ToHaveTextAsync("系统 99.68");
        await Expect(attachment.Locator("#grade-row .grade-choice.marked")).ToContainTextAsync("优");
        await Expect(attachment.Locator("#reviewer-block")).ToHaveCountAsync(0); // reviewed with its report, not on its own
        await Expect(page.Locator("#check-notes")).ToContainTextAsync("所附部门整体支出绩效自评表（按自评表规则评分；DE-FORM-TOTAL）");
        await attachment.ScrollIntoViewIfNeededAsync();
        await attachment.ScreenshotAsync(new() { Path = Path.Combine(Shots, "department-report-overall-form.png") });

        // On paper: A4 portrait sheets; the form starts on a sheet of its own and continues from there, never a sheet
        // holding its header row alone or left mostly blank before it.
        var pngs = await PrintedPages.PrintAsync(page, "department-report-overall-form");
        var sizes = await PrintedPages.SizesAsync("department-report-overall-form");
        Assert.Equal(pngs.Count, sizes.Count);
        Assert.All(sizes, s => Assert.True(PrintedPages.IsA4(s.Width, s.Height, landscape: false), $"not A4 portrait: {s}"));
        var sheets = await PrintedPages.PagesAsync("department-report-overall-form");
        var formSheets = sheets.Select((text, n) => (text, n)).Where(p => p.text.Contains("三级指标", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(formSheets);
        Assert.True(formSheets.Count <= 2, $"the form on {formSheets.Count} sheets");
        foreach (var (text, _) in formSheets)
            Assert.Matches(@"\d+\.\d{2}\s+\d+\.\d{2}", text[text.IndexOf("三级指标", StringComparison.Ordinal)..]); // a row under the header
        var formStart = sheets.Select((text, n) => (text, n)).First(p => p.text.Contains("部门整体支出绩效自评表", StringComparison.Ordinal) && p.text.Contains("部门名称", StringComparison.Ordinal)).n;
        Assert.Contains("三级指标", sheets[formStart]); // the table starts where the form does, not a sheet later
    }
}
