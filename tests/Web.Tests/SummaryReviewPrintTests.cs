using Approval.Web.Tests.Infrastructure;
using Approval.Workflow.Submissions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Web.Tests;

/// <summary>
/// Seed 001's 汇总审核表 (弋阳县政务服务中心, 2021, 附件4-1) built from events: the unit's two 项目支出绩效自评表 and its
/// 汇总 submission go through the workflow, the reviewer approves the 汇总 in the browser, opens the table and prints
/// it. The PDF and its PNG pages go to TestResults/screenshots/printed/.
/// </summary>
[Collection(SecondBrowserLane.Name)]
public class SummaryReviewPrintTests(LiveApp app) : BrowserTest(app)
{
    /// <summary>The rows of seed 001's 附件4-1 as printed: 项目名称, 年初预算数 (= 小计, no 追加/追减), 全年执行数, 绩效自评得分.</summary>
    private static readonly (string Name, decimal Budget, decimal Executed, decimal Score)[] Seed001Rows =
        [("政府购买工作人员14名", 70m, 63m, 95.38m), ("公共资源交易中心日常运转", 7.42m, 7.42m, 99.5m)];

    private Task<IBrowserContext> NewPerson() => People.NewPersonAsync();

    [Fact]
    public async Task Seed_001_summary_review_built_from_events_is_approved_shown_and_printed_as_the_form()
    {
        // 填报人 of 弋阳县政务服务中心: one 自评表 per project of 附件4-1, scored and submitted; the section approves them.
        var projects = new List<Guid>();
        foreach (var (name, budget, executed, score) in Seed001Rows)
        {
            var id = await Reports.Approved("prep-yy", "rev", name, Samples.YiyangProject(name, budget, executed, score),
                approval: new { grade = "优", opinion = "同意", signature = "张经办", stamp = "经济建设股业务专用章" });
            projects.Add(id);
        }
        // … and the 汇总 submission: the unit's 项目支出总额 (seed 001 leaves it blank) and 项目总个数.
        var summary = await Reports.Submitted("prep-yy", "2021年度项目支出绩效自评情况汇总审核表", new SubmissionContent { Summary = new SummaryDeclaration(80m, 3) }, SubmissionKind.SummaryReview);

        // 审核人 (张经办) claims the 汇总 and approves it with 优 in the browser: the block is signed with the reviewer's own name.
        var reviewer = await SignIn("rev");
        await Expect(reviewer).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/review$"));
        var queued = reviewer.Locator("#queue tbody tr", new() { HasText = "2021年度项目支出绩效自评情况汇总审核表" });
        await Expect(queued.Locator(".summary-table-link")).ToHaveAttributeAsync("href", "/units/U-YY/summary/2021"); // the queue leads to the table too
        await reviewer.GotoAsync($"/submissions/{summary}");
        await reviewer.ClickAsync("#claim");
        await Expect(reviewer.Locator("#state")).ToHaveTextAsync("审核中");
        await reviewer.CheckAsync("input[name='grade'][value='优']");
        await Expect(reviewer.Locator("#signature")).ToHaveTextAsync("张经办");
        await reviewer.ClickAsync("#approve");
        await reviewer.ClickAsync("#confirm-ok"); // 审核通过 cannot be undone: it asks first
        await Expect(reviewer.Locator("#approved-grade")).ToHaveTextAsync("优");
        // The approval reloads the page: the link is followed once that reload has loaded, or the
        // browser may be left between two navigations (seen once in CI: the summary's load event never came).
        await reviewer.WaitForLoadStateAsync(LoadState.Load);

        await reviewer.ClickAsync("#summary-review-link");
        await reviewer.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/units/U-YY/summary/2021$"));
        await Expect(reviewer.Locator("#summary-title")).ToHaveTextAsync("2021年度项目支出绩效自评情况汇总审核表");
        await Expect(reviewer.Locator("#summary-unit")).ToHaveTextAsync("主管部门：弋阳县政务服务中心");
        var rows = reviewer.Locator("#summary-table tbody tr[id^='summary-row-']");
        await Expect(rows).ToHaveCountAsync(2);
        for (var i = 0; i < Seed001Rows.Length; i++)
        {
            var (name, budget, executed, score) = Seed001Rows[i];
            var cells = rows.Nth(i).Locator("td");
            await Expect(cells.Nth(0)).ToHaveTextAsync($"{i + 1}");
            await Expect(cells.Nth(1)).ToHaveTextAsync("弋阳县政务服务中心");
            await Expect(cells.Nth(2).Locator("a")).ToHaveTextAsync(name);
            await Expect(cells.Nth(2).Locator("a")).ToHaveAttributeAsync("href", $"/submissions/{projects[i]}");
            await Expect(cells.Nth(2).Locator(".badge")).ToHaveTextAsync("审核通过");
            await Expect(cells.Nth(3)).ToHaveTextAsync(budget.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
            await Expect(cells.Nth(4)).ToHaveTextAsync("");
            await Expect(cells.Nth(5)).ToHaveTextAsync(budget.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
            await Expect(cells.Nth(6)).ToHaveTextAsync(executed.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
            await Expect(cells.Nth(7)).ToHaveTextAsync(score.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        }
        // 合计 as seed 001 prints it (77.42 年初预算数 and 小计), the 全年执行数 it left blank, and its 自评价平均分.
        var total = reviewer.Locator("#summary-total td");
        await Expect(total.Nth(0)).ToHaveTextAsync("77.42");
        await Expect(total.Nth(2)).ToHaveTextAsync("77.42");
        await Expect(total.Nth(3)).ToHaveTextAsync("70.42");
        await Expect(reviewer.Locator("#summary-average")).ToHaveTextAsync("自评价平均分 97.44");
        await Expect(reviewer.Locator("#summary-expenditure")).ToHaveTextAsync("80.00");
        await Expect(reviewer.Locator("#summary-project-count")).ToHaveTextAsync("3");
        await Expect(reviewer.Locator("#summary-coverage-percent")).ToHaveTextAsync("88.03%"); // 70.42 ÷ 80 × 100
        await Expect(reviewer.Locator("#summary-submitted")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d{4}年\d{1,2}月\d{1,2}日$"));
        // The reviewer's block, filled by the approval: the grade marked, 经办人 the approving reviewer, the day in Beijing time.
        await Expect(reviewer.Locator("#summary-opinion .chosen")).ToHaveTextAsync("■优");
        await Expect(reviewer.Locator("#summary-opinion .grade-option")).ToHaveTextAsync(["■优", "□良", "□中", "□差"]);
        await Expect(reviewer.Locator("#summary-officer")).ToHaveTextAsync("张经办");
        await Expect(reviewer.Locator("#summary-reviewed-at")).ToHaveTextAsync(Approval.Web.Pages.Format.Date(DateTimeOffset.UtcNow));
        await Expect(reviewer.Locator("#summary-stamp")).ToHaveTextAsync("经济建设股业务专用章");
        await Expect(reviewer.Locator("#summary-state")).ToHaveTextAsync("审核通过");
        await Expect(reviewer.Locator("#summary-findings")).ToContainTextAsync("未发现问题");
        await Expect(reviewer.Locator("#download-xlsx")).ToHaveAttributeAsync("href", "/api/units/U-YY/summary/2021/xlsx");
        await reviewer.ScreenshotAsync(new() { Path = Path.Combine(Shots, "summary-review-seed001.png"), FullPage = true });

        // The seal's text inside its oval, on screen and on paper.
        Assert.Empty(await PrintedPages.TextOutsideOvalAsync(reviewer, "#summary-stamp .stamp-box"));
        await reviewer.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.Empty(await PrintedPages.TextOutsideOvalAsync(reviewer, "#summary-stamp .stamp-box"));
        await reviewer.EmulateMediaAsync(new() { Media = Media.Screen });

        // On paper: the form alone, A4 landscape.
        var pngs = await PrintedPages.PrintAsync(reviewer, "summary-review-seed001");
        var (pages, size) = await PrintedPages.InfoAsync("summary-review-seed001");
        Assert.Equal(pngs.Count, pages);
        Assert.Equal(1, pages); // two projects and the reviewer's block fit on one sheet
        // A4 landscape: 297 × 210 mm = 841.9 × 595.3 pt (Chromium rounds to its own units)
        var points = System.Text.RegularExpressions.Regex.Match(size, @"^([\d.]+) x ([\d.]+) pts");
        Assert.True(points.Success, size);
        var (width, height) = (double.Parse(points.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), double.Parse(points.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(Math.Abs(width - 841.9) < 1.5 && Math.Abs(height - 595.3) < 1.5, $"not A4 landscape: {size}");
        var text = await PrintedPages.TextAsync("summary-review-seed001");
        foreach (var expected in new[]
                 {
                     "2021年度项目支出绩效自评情况汇总审核表", "主管部门：弋阳县政务服务中心", "金额单位：万元", "政府购买工作人员14名", "公共资源交易中心日常运转",
                     "开展绩效自评项目合计", "77.42", "70.42", "88.03%", "财政局业务股室审核意见（优、良、中、差）", "■优", "张经办",
                     Approval.Web.Pages.Format.Date(DateTimeOffset.UtcNow),
                 })
            Assert.Contains(expected, text);
        Assert.Matches(@"经济建设股业\s*务专用章", text); // the seal's text, wrapped inside its oval
        Assert.Matches(@"自评价平均分\s+97\.44", text);
        // Nothing of the screen: navigation, buttons, states, the findings list.
        foreach (var absent in new[] { "绩效自评与决算公开审核", "打印", "下载 Excel", "审核通过", "检查结果", "张经办 · 审核人" })
            Assert.DoesNotContain(absent, text);

        // Published, the public reads the same table (the same partial), without links, states or findings.
        await Reports.Step("rev", summary, "publish", new { indexNumber = "YY-2021-HZ", publisher = "弋阳县政务服务中心", confidentialityReviewed = true, principalSigned = true });
        var visitor = await (await NewPerson()).NewPageAsync();
        await visitor.GotoAsync($"/public/{summary}");
        foreach (var part in new[] { "#summary-title", "#summary-unit", "#summary-total", "#summary-foot" })
            await Expect(visitor.Locator(part)).ToHaveTextAsync((await reviewer.Locator(part).TextContentAsync())!);
        await Expect(visitor.Locator("#summary-table tbody tr[id^='summary-row-'] td:nth-child(3)")).ToHaveTextAsync(Seed001Rows.Select(r => r.Name));
        await Expect(visitor.Locator("#summary-table a, #summary-table .badge, #summary-table .finding-note")).ToHaveCountAsync(0);
        await visitor.ScreenshotAsync(new() { Path = Path.Combine(Shots, "summary-review-seed001-public.png"), FullPage = true });
        // and downloads it as the official workbook
        var workbook = await visitor.APIRequest.GetAsync(await visitor.Locator("#download-xlsx").GetAttributeAsync("href") ?? "");
        Assert.Equal(200, workbook.Status);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook.Headers["content-type"]);
        Assert.Equal("PK"u8.ToArray(), (await workbook.BodyAsync())[..2]);
    }

    [Fact]
    public async Task A_long_table_prints_on_several_sheets_with_the_header_on_each_and_the_reviewer_block_at_the_end()
    {
        const int count = 36, Unexecuted = 2;
        for (var n = 1; n <= count; n++)
        {
            var name = n % 3 == 0 ? $"第{n}号项目：政务服务中心窗口工作人员业务能力提升培训及配套设施运行维护" : $"第{n}号项目：日常运转";
            var content = Samples.YiyangProject(name, 1000m + n, 500m + n, 90m);
            if (n == Unexecuted) // a row the SR rules flag: 全年执行数 left blank
                content = content with { ProjectForm = content.ProjectForm! with { Funds = content.ProjectForm.Funds with { Total = content.ProjectForm.Funds.Total with { Executed = null } } } };
            await Reports.Submitted("prep-yy", name, content, year: 2022); // only forms sent to the section are rows
        }
        await Reports.Draft("prep-yy", "2022年度汇总审核表", new SubmissionContent { Summary = new SummaryDeclaration(50_000m, count) }, SubmissionKind.SummaryReview, 2022);

        // The unit sees its sent projects on its own table, and prints it before the bureau has filled its block.
        var preparer = await SignIn("prep-yy");
        await preparer.GotoAsync("/units/U-YY/summary/2022");
        await Expect(preparer.Locator("#summary-table tbody tr[id^='summary-row-']")).ToHaveCountAsync(count);
        await Expect(preparer.Locator("#summary-officer")).ToHaveTextAsync("");
        await Expect(preparer.Locator("#summary-opinion .chosen")).ToHaveCountAsync(0);
        // On screen the flagged row is highlighted, its cell marked and the message shown under the project name.
        await Expect(preparer.Locator($"#summary-row-{Unexecuted}")).ToHaveClassAsync("flag-warning");
        await Expect(preparer.Locator($"#summary-row-{Unexecuted} td.cell-warning")).ToHaveCountAsync(1);
        await Expect(preparer.Locator($"#summary-row-{Unexecuted} .finding-note")).ToHaveTextAsync($"项目「第{Unexecuted}号项目：日常运转」未填写全年执行数");
        await Expect(preparer.Locator("#summary-findings")).ToContainTextAsync("SR-EXECUTED-MISSING");
        await preparer.ScreenshotAsync(new() { Path = Path.Combine(Shots, "summary-review-long-preparer.png"), FullPage = true });
        var pngs = await PrintedPages.PrintAsync(preparer, "summary-review-long");
        Assert.True(pngs.Count >= 2, $"{pngs.Count} page(s)");

        var sheets = (await PrintedPages.TextAsync("summary-review-long")).Split('\f', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        Assert.Equal(pngs.Count, sheets.Count);
        Assert.Contains("2022年度项目支出绩效自评情况汇总审核表", sheets[0]);
        foreach (var sheet in sheets) Assert.Matches(@"序号\s+预算单位\s+项目名称", sheet); // the header row on every sheet …
        foreach (var sheet in sheets) Assert.Matches(@"第\d+号项目：", sheet);                // … never alone: a project row under it
        Assert.All(await PrintedPages.SizesAsync("summary-review-long"), s => Assert.True(PrintedPages.IsA4(s.Width, s.Height, landscape: true), $"not A4 landscape: {s}"));
        Assert.Contains("财政局业务股室审核意见（优、良、中、差）", sheets[^1]);
        Assert.Contains("开展绩效自评项目合计", sheets[^1]);
        // Every row printed once and whole: its name and its figures on one sheet, none of it on another.
        Assert.DoesNotContain("未填写全年执行数", string.Concat(sheets)); // findings are for the screen
        for (var n = 1; n <= count; n++)
        {
            if (n == Unexecuted) continue;
            var name = $"第{n}号项目：";
            var executed = (500m + n).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
            var sheet = Assert.Single(sheets, s => s.Contains(name, StringComparison.Ordinal));
            Assert.Equal(sheet, Assert.Single(sheets, s => s.Contains(executed, StringComparison.Ordinal)));
        }
    }
}
