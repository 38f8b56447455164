using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Approval.Web.Tests.Infrastructure;
using Approval.Workflow.Submissions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Web.Tests;

/// <summary>
/// 审计 and 审核人 in the browser at 1440 px and 390 px, with the browser's clock in New York: the audit list searched and
/// filtered, the version pickers and timeline in Chinese and Beijing time, the diff old → new, and the dashboard's charts
/// (drawn canvases) and 报送情况 with the unit that has submitted nothing marked 未报. Screenshots: audit-*.png, dashboard-*.png.
/// </summary>
[Collection(HeavyCollection.Name)]
public class AuditAndDashboardBrowserTests(LiveApp app) : BrowserTest(app)
{
    private const int Year = 2034;
    private static readonly (int Width, int Height)[] Sizes = [(1440, 1000), (390, 844)];

    /// <summary>A 自评表 drafted, revised (全年执行数 and a 资金来源明细 line), scored and submitted by 王填报.</summary>
    private async Task<(Guid Id, string Title)> Scene()
    {
        var title = $"审计浏览{Guid.NewGuid():N}"[..12];
        var form = Samples.InYear(Samples.Ganfutong(), Year).ProjectForm!;
        var id = (await PostAs("prep", "/api/submissions", new { fiscalYear = Year, kind = SubmissionKind.ProjectSelfEvaluation, title, content = new { projectForm = form } }))
            .GetProperty("submissionId").GetGuid();
        var lines = form.Funds.SubRows.ToList();
        lines[0] = lines[0] with { Executed = 123.45m };
        var changed = form with { Funds = form.Funds with { Total = form.Funds.Total with { Executed = 330m }, SubRows = lines } };
        using (var http = await ApiAs("prep"))
        {
            var put = await http.PutAsJsonAsync($"/api/submissions/{id}/content", new { version = 1, content = new { projectForm = changed } }, WorkflowFixture.Json);
            Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        }
        await Score("prep", id, 2);
        await PostAs("prep", $"/api/submissions/{id}/submit", new { version = 3, commandId = Guid.NewGuid() });
        return (id, title);
    }

    /// <summary>The browser believes it is in New York; the pages must still say Beijing time.</summary>
    private static async Task InNewYork(IPage page)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Emulation.setTimezoneOverride", new Dictionary<string, object> { ["timezoneId"] = "America/New_York" });
        Assert.Equal("America/New_York", await page.EvaluateAsync<string>("Intl.DateTimeFormat().resolvedOptions().timeZone"));
    }

    [Fact]
    public async Task Auditor_searches_and_filters_reads_the_trail_in_chinese_and_beijing_time_and_compares_old_with_new()
    {
        var (id, title) = await Scene();
        using var http = await ApiAs("audit");
        var history = await http.GetFromJsonAsync<JsonElement>($"/api/submissions/{id}/history");
        var drafted = history[0].GetProperty("timestamp").GetDateTimeOffset();
        var beijing = drafted.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture);

        var auditor = await SignIn("audit");
        await InNewYork(auditor);
        foreach (var (width, height) in Sizes)
        {
            await auditor.SetViewportSizeAsync(width, height);
            await auditor.GotoAsync("/audit");
            await auditor.FillAsync("#a-q", title);
            await auditor.SelectOptionAsync("#a-unit", "U-BD");
            await auditor.SelectOptionAsync("#a-state", "Submitted");
            await auditor.ClickAsync("#audit-filters button[type=submit]");
            await Expect(auditor.Locator("#all-submissions tbody tr")).ToHaveCountAsync(1);
            await Expect(auditor.Locator("#all-submissions")).ToContainTextAsync(title);
            await Expect(auditor.Locator(".pager")).ToContainTextAsync("共 1 条");
            await Shot(auditor, $"audit-search-{width}");

            await auditor.SelectOptionAsync("#a-unit", "U-OT");
            await auditor.ClickAsync("#audit-filters button[type=submit]");
            await Expect(auditor.Locator("#audit-empty")).ToHaveTextAsync("没有符合条件的报告，请调整搜索或筛选条件。");

            await auditor.GotoAsync($"/audit/{id}");
            await Expect(auditor.Locator("#timeline li")).ToHaveCountAsync(4);
            await Expect(auditor.Locator("#diff-from option").First).ToHaveTextAsync($"第 1 版 · 起草 · 王填报 · {beijing}");
            await Expect(auditor.Locator("#diff-to option")).ToContainTextAsync(["起草", "修改", "系统评分", "提交审核"]);
            await Expect(auditor.Locator("#timeline li").First).ToContainTextAsync($"{beijing} · 王填报（填报人）起草项目支出绩效自评表");
            var timeline = await auditor.Locator("#timeline").InnerTextAsync();
            Assert.DoesNotContain("王填报 ", timeline); // the name stands once, with its role, not again in the summary
            foreach (var technical in new[] { "序号", "关联", id.ToString(), "submission_" }) Assert.DoesNotContain(technical, timeline);

            await auditor.SelectOptionAsync("#diff-from", "1");
            await auditor.SelectOptionAsync("#diff-to", "2");
            await auditor.ClickAsync("#diff");
            var executed = auditor.Locator("#diff-result li", new() { HasText = "全年执行数" }).First;
            await Expect(executed).ToHaveTextAsync("全年执行数：321.00 → 330");
            await Expect(executed.Locator("del")).ToHaveTextAsync("321.00");
            await Expect(executed.Locator("ins")).ToHaveTextAsync("330");
            await Expect(auditor.Locator("#diff-result")).ToContainTextAsync("资金来源明细「");
            await Expect(auditor.Locator("#diff-result")).ToContainTextAsync("→ 123.45");
            await Expect(auditor.Locator("#diff-result")).Not.ToContainTextAsync("已修改");
            await Shot(auditor, $"audit-trail-{width}");
        }
    }

    [Fact]
    public async Task Reviewer_sees_the_charts_drawn_and_the_units_that_have_not_reported()
    {
        await Scene();
        var reviewer = await SignIn("rev");
        await InNewYork(reviewer);
        foreach (var (width, height) in Sizes)
        {
            await reviewer.SetViewportSizeAsync(width, height);
            await reviewer.GotoAsync("/dashboard");
            await reviewer.FillAsync("#d-year", Year.ToString(CultureInfo.InvariantCulture));
            await reviewer.DispatchEventAsync("#d-year", "change");
            await Expect(reviewer.Locator("#d-reporting-year")).ToHaveTextAsync($"（{Year} 年度）");
            foreach (var chart in new[] { "#d-states-chart", "#d-grades-chart" })
            {
                await Chromium.WaitUntilAsync(reviewer, $"(() => {{ const c = document.querySelector('{chart} canvas'); return !!c && c.width > 0 && c.height > 0; }})()");
                var box = await reviewer.Locator($"{chart} canvas").BoundingBoxAsync();
                Assert.True(box is { Width: > 200, Height: > 150 }, $"{chart} at {width}px: {box?.Width}×{box?.Height}");
                Assert.True(box!.X + box.Width <= width, $"{chart} overflows the {width}px viewport");
                await Expect(reviewer.Locator(chart)).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("分布："));
            }
            await Expect(reviewer.Locator("#d-states tbody tr", new() { HasText = "已提交待审核" })).ToContainTextAsync("1");

            var rows = reviewer.Locator("#d-reporting-units tbody tr");
            await Expect(rows).ToHaveCountAsync(2);
            await Expect(reviewer.Locator("#d-reporting-units tr[data-unit=U-YY]")).ToContainTextAsync("未报");
            await Expect(reviewer.Locator("#d-reporting-units tr[data-unit=U-BD]")).ToContainTextAsync("未报：部门整体支出绩效自评报告、部门决算公开、项目支出绩效自评情况汇总审核表");
            await Expect(reviewer.Locator("#d-reporting-units")).Not.ToContainTextAsync("其他单位");
            await Expect(reviewer.Locator("#d-reporting-not-reported .n")).ToHaveTextAsync("1");
            await Shot(reviewer, $"dashboard-{width}");
        }
        // A year with nothing sent: the 按单位 table says so instead of standing empty.
        await reviewer.FillAsync("#d-year", (Year + 5).ToString(CultureInfo.InvariantCulture));
        await reviewer.DispatchEventAsync("#d-year", "change");
        await Expect(reviewer.Locator("#d-units tbody")).ToHaveTextAsync($"暂无数据：{Year + 5} 年度没有已报送的报告。");
    }
}
