using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Approval.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Web.Tests;

/// <summary>The live app with email on: its SMTP settings point at a real SMTP server on loopback.</summary>
public sealed class LiveAppWithEmail : LiveApp
{
    public LocalSmtpServer Smtp { get; } = new();

    protected override void Configure(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        configuration["Smtp:Host"] = "127.0.0.1";
        configuration["Smtp:Port"] = Smtp.Port.ToString(CultureInfo.InvariantCulture);
        configuration["Smtp:From"] = "jxpj@czj.example.gov.cn";
        configuration["Smtp:FromName"] = "上饶市财政局";
        configuration["Smtp:Security"] = "None";
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

/// <summary>
/// 催报 in Chromium: the 管理员 sets a due date in 法定工作日 on the 截止日期 page; the unit that has not submitted by then is
/// on the reviewer's 逾期催报 page; the reviewer sends the 催报 there; the email is read from the SMTP server; the unit's
/// preparer sees the 催报 on 本单位报告.
/// </summary>
[Collection(SecondBrowserLane.Name)]
public class DeadlineBrowserTests(LiveAppWithEmail app) : BrowserTest(app), IClassFixture<LiveAppWithEmail>
{
    [Fact]
    public async Task A_unit_past_its_due_date_gets_a_cuibao_from_the_bureau_by_email_and_in_the_app()
    {
        // the unit's preparer has an address (the admin's account form has the field; the API is the same)
        using (var api = await ApiAs("admin"))
            Assert.True((await api.PutAsJsonAsync("/api/admin/accounts/prep-yy", new { email = "chen@yy.example.gov.cn" })).IsSuccessStatusCode);

        var admin = await SignIn("admin");
        await admin.GotoAsync("/admin/deadlines?year=2026");
        await Expect(admin.Locator("#calendar-state")).ToContainTextAsync("系统内置 2026 年国务院办公厅的安排");
        await Expect(admin.Locator("#working-weekends")).ToHaveValueAsync(new Regex("2026-02-14"));
        await admin.FillAsync("#due-year", "2025");
        await admin.SelectOptionAsync("#due-kind", "ProjectSelfEvaluation");
        await admin.SelectOptionAsync("#due-mode", "counted");
        await admin.FillAsync("#due-from", "2026-03-02");
        await admin.FillAsync("#due-days", "20");
        await admin.FillAsync("#due-note", "市财政局关于开展2025年度绩效自评的通知");
        await admin.ClickAsync("#due-save");
        await Expect(admin.Locator("#admin-note")).ToContainTextAsync("2026-03-30（2026-03-02 起 20 个工作日）");
        await Expect(admin.Locator("#due-dates tr[data-year='2025'][data-kind='ProjectSelfEvaluation']")).ToContainTextAsync("2026-03-30");
        await Shot(admin, "deadline-01-admin-due-date");
        // on a phone the due-date table scrolls inside its box: 报告类型 stays on one line, 删除 is whole, the page never scrolls sideways
        await admin.SetViewportSizeAsync(390, 844);
        await Expect(admin.Locator(".table-scroll > #due-dates")).ToHaveCountAsync(1);
        await AssertNotSqueezed(admin, "#due-dates");
        await AssertOneLine(admin.Locator("#due-dates button[data-remove-due]").First);
        await AssertNoSidewaysScroll(admin);
        await Shot(admin, "deadline-01b-admin-due-date-390");
        await admin.SetViewportSizeAsync(1440, 1000);

        var reviewer = await SignIn("rev");
        await reviewer.ClickAsync("#nav-deadlines");
        await Expect(reviewer).ToHaveURLAsync(new Regex("/deadlines$"));
        var row = reviewer.Locator("#overdue-reports tr[data-unit='U-YY'][data-year='2025']");
        await Expect(row).ToContainTextAsync("2026-03-30");
        await Expect(reviewer.Locator("#overdue-reports")).Not.ToContainTextAsync("其他单位"); // U-OT is another section's
        await Expect(reviewer.Locator("#email-off")).ToHaveCountAsync(0);
        await row.Locator("button[data-remind-unit]").ClickAsync();
        await Expect(reviewer.Locator("#remind-outcome")).ToContainTextAsync("弋阳县政务服务中心：已记录，邮件已发送至 chen@yy.example.gov.cn");
        await Expect(reviewer.Locator("#sent-reminders")).ToContainTextAsync("【催报】弋阳县政务服务中心");
        await Expect(row.Locator(".last-reminder")).Not.ToHaveTextAsync("—");
        await Shot(reviewer, "deadline-02-reviewer-sent");
        await reviewer.SetViewportSizeAsync(390, 844);
        foreach (var table in new[] { "#overdue-reports", "#held-reviews", "#sent-reminders" })
        {
            await Expect(reviewer.Locator($".table-scroll > {table}")).ToHaveCountAsync(1);
            await AssertNotSqueezed(reviewer, table);
        }
        await AssertNoSidewaysScroll(reviewer);
        await Shot(reviewer, "deadline-02a-reviewer-390");
        await reviewer.SetViewportSizeAsync(1440, 1000);
        await reviewer.ClickAsync("#nav-dashboard");
        var overdue = reviewer.Locator("#d-overdue-reporting");
        await Expect(overdue).ToContainTextAsync("弋阳县政务服务中心");
        await Expect(overdue).ToContainTextAsync("2025 项目支出绩效自评表");
        await Expect(overdue).Not.ToContainTextAsync("其他单位");
        await overdue.ScrollIntoViewIfNeededAsync();
        await Shot(reviewer, "deadline-02b-dashboard-overdue", fullPage: false);

        var mail = await app.Smtp.WaitForAsync("chen@yy.example.gov.cn", "催报");
        Assert.Equal(["chen@yy.example.gov.cn"], mail.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("【催报】弋阳县政务服务中心：2025 年度项目支出绩效自评表已逾期", mail.Subject);
        foreach (var words in new[] { "弋阳县政务服务中心：", "2025 年度项目支出绩效自评表", "2026 年 3 月 30 日", "张经办" })
            Assert.Contains(words, mail.TextBody);

        var preparer = await SignIn("prep-yy");
        await Expect(preparer.Locator("#deadline-notices")).ToContainTextAsync("【催报】弋阳县政务服务中心：2025 年度项目支出绩效自评表已逾期");
        await Expect(preparer.Locator("#deadline-notices")).ToContainTextAsync("2026 年 3 月 30 日");
        await Shot(preparer, "deadline-03-preparer-sees-cuibao");

        var otherUnit = await SignIn("prep");
        await Expect(otherUnit.Locator("h1")).ToContainTextAsync("报告");
        await Expect(otherUnit.Locator("#deadline-notices")).ToHaveCountAsync(0);
    }

    /// <summary>No header of the table is squeezed to a character or two per line: each takes at most two lines.</summary>
    private static async Task AssertNotSqueezed(IPage page, string table)
    {
        var squeezed = await page.EvaluateAsync<string>($$"""
            () => [...document.querySelectorAll("{{table}} th")].flatMap(th => {
              const range = document.createRange();
              range.selectNodeContents(th);
              const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top))).size;
              return lines > 2 ? [`${th.textContent}（${lines} 行）`] : [];
            }).join("、")
            """);
        Assert.True(squeezed == "", $"{table}: headers squeezed: {squeezed}");
    }

    /// <summary>A button squeezed to one character per line is several lines high; one line of 14–16 px text is under 40 px.</summary>
    private static async Task AssertOneLine(ILocator element)
    {
        var box = await element.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Height < 40, $"{await element.InnerTextAsync()} is {box.Height} px high: its text wraps");
    }
}
