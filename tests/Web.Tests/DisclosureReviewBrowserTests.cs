using Approval.Web.Tests.Infrastructure;
using Approval.Workflow.Submissions;
using static Microsoft.Playwright.Assertions;

namespace Approval.Web.Tests;

/// <summary>
/// Seed 002's 部门决算公开 package in the browser: the preparer enters its 批复日期, the reviewer returns it with a reason (公开01's
/// 本年支出合计 typed 0.12 off), the preparer sees the reason, corrects the cell and resubmits, the reviewer sees the change in
/// the round diff and approves without a grade (no 优/良/中/差, no 系统建议, the deadline in the approve block); the dashboard
/// counts it past its 20-day publication deadline, another package due within 5 days and one without a 批复日期.
/// Screenshots at 1440 px: disclosure-budget-approval.png, disclosure-queue.png, disclosure-return.png,
/// disclosure-returned-notice.png, disclosure-resubmitted.png, disclosure-approve-block.png, disclosure-approved.png,
/// disclosure-dashboard.png.
/// </summary>
[Collection(SecondBrowserLane.Name)]
public class DisclosureReviewBrowserTests(LiveApp app) : BrowserTest(app)
{
    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Today in Beijing, as the server counts publication deadlines.</summary>
    private static DateOnly Today() => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    /// <summary>Another of the section's packages (seed 002's tables) created, scored and submitted through the API.</summary>
    private async Task<Guid> SubmittedPackage(string title, DateOnly? approvedOn)
    {
        var report = Samples.Seed("002_3e97706fd429c0f0.txt");
        var content = new SubmissionContent { Disclosure = new DisclosurePackage(report.Tables, report.Narrative) { BudgetApprovedOn = approvedOn } };
        return await Reports.Submitted(title: title, content: content, kind: SubmissionKind.FinalAccountsDisclosure);
    }

    [Fact]
    public async Task Reviewer_returns_the_package_preparer_corrects_a_cell_reviewer_approves_without_a_grade_dashboard_counts_deadlines()
    {
        // 填报人 imports seed 002 as a 部门决算公开 package, as the import form does — with 公开01's 本年支出合计 typed 1,664.67 (printed 1,664.55).
        var text = await File.ReadAllTextAsync(SeedPath("002_3e97706fd429c0f0.txt"));
        const string printed = "本年支出合计\t58\t1,664.55";
        Assert.Contains(printed, text);
        var id = await Import("prep", SubmissionKind.FinalAccountsDisclosure, "002_3e97706fd429c0f0.txt",
            text.Replace(printed, "本年支出合计\t58\t1,664.67", StringComparison.Ordinal), "2021年度部门决算公开（批复期限测试）");

        // The preparer sees the deadline cannot be computed yet, enters a 批复日期 40 days ago and sees it overdue by 20.
        var approvedOn = Today().AddDays(-40);
        var (approved, due) = (Iso(approvedOn), Iso(approvedOn.AddDays(20)));
        var preparer = await SignIn("prep");
        await preparer.SetViewportSizeAsync(1440, 1000);
        await preparer.GotoAsync($"/submissions/{id}");
        await Expect(preparer.Locator("#publication-deadline")).ToHaveTextAsync("未填写批复日期，无法计算公开期限");
        await preparer.FillAsync("#budget-approved-on", "2021-06-30"); // before the year closed: refused at the field
        await preparer.ClickAsync("#save-budget-approved-on");
        await Expect(preparer.Locator("#budget-approved-on-error")).ToContainTextAsync("决算在年度终了后才能批复");
        await preparer.FillAsync("#budget-approved-on", approved);
        await preparer.ClickAsync("#save-budget-approved-on");
        await Expect(preparer.Locator("#publication-deadline")).ToContainTextAsync($"应于 {due} 前公开，已逾期");
        await Expect(preparer.Locator("#publication-deadline")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bdeadline-overdue\b"));
        await Expect(preparer.Locator("#budget-approved-on")).ToHaveValueAsync(approved);
        await preparer.Locator("#summary").ScreenshotAsync(new() { Path = Path.Combine(Shots, "disclosure-budget-approval.png") });
        await Reports.Step("prep", id, "submit"); // saving the date rescored it
        await Reports.Step("rev", id, "claim");

        // 审核人 returns it: the reason names the cell.
        var reviewer = await SignIn("rev");
        await reviewer.SetViewportSizeAsync(1440, 1000);
        await Expect(reviewer).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/review$"));
        await Expect(reviewer.Locator($"#queue tbody tr[data-id='{id}'] .publication-deadline")).ToContainTextAsync($"应于 {due} 前公开，已逾期");
        await Shot(reviewer, "disclosure-queue");
        await reviewer.GotoAsync($"/submissions/{id}");
        await Expect(reviewer.Locator("#findings")).ToContainTextAsync("DT01-EXPENSE-TOTAL");
        await Expect(reviewer.Locator("input[name='grade']")).ToHaveCountAsync(0);
        await Expect(reviewer.Locator(".row-remark")).ToHaveCountAsync(0); // a package has no indicator rows to remark on
        const string reason = "公开01表本年支出合计1,664.67万元与公开03表合计1,664.55万元不一致，请核对后重新报送。";
        await reviewer.FillAsync("#return-reason-text", reason);
        await reviewer.Locator("#return-reason-text").ScrollIntoViewIfNeededAsync();
        await Shot(reviewer, "disclosure-return");
        await reviewer.ClickAsync("#return");
        await Expect(reviewer.Locator("#confirm-dialog")).ToContainTextAsync("退回后本轮审核结束"); // it asks first
        await reviewer.ClickAsync("#confirm-ok");
        await Expect(reviewer.Locator("#state")).ToHaveTextAsync("已退回修改");

        // 填报人 sees the return and its reason, corrects the cell in place, saves and resubmits.
        await preparer.GotoAsync($"/submissions/{id}");
        await Expect(preparer.Locator("#state")).ToHaveTextAsync("已退回修改");
        await Expect(preparer.Locator("#return-reason")).ToContainTextAsync("已退回修改（第 1 轮，张经办）");
        await Expect(preparer.Locator("#return-reason")).ToContainTextAsync(reason);
        await Shot(preparer, "disclosure-returned-notice");
        await preparer.ClickAsync("#edit-disclosure");
        var input = preparer.GetByLabel("公开01表 本年支出合计 决算数", new() { Exact = true });
        await Expect(input).ToHaveValueAsync("1,664.67");
        await input.FillAsync("1,664.55");
        await Expect(preparer.Locator("#editor-status")).ToHaveTextAsync("未保存的修改 1 处");
        await Expect(preparer.Locator("#live-counts")).ToContainTextAsync("实时核对");
        await preparer.ClickAsync("#save-disclosure");
        await Expect(preparer.Locator("#editor-status")).ToHaveTextAsync("已保存");
        await Expect(preparer.Locator("#findings")).Not.ToContainTextAsync("DT01-EXPENSE-TOTAL");
        await Chromium.WaitUntilAsync(preparer, "document.body.dataset.live === 'connected'");
        await preparer.ClickAsync("#submit");
        if (await preparer.Locator("#confirm-ok").IsVisibleAsync()) await preparer.ClickAsync("#confirm-ok"); // the 情况说明's findings remain
        await Expect(preparer.Locator("#state")).ToHaveTextAsync("已提交待审核");
        await Shot(preparer, "disclosure-resubmitted");

        // 审核人: the round diff names the cell; the approve block of a package has no grade, no 系统建议 — the opinion,
        // signature, stamp and the deadline.
        await reviewer.GotoAsync($"/submissions/{id}");
        await Expect(reviewer.Locator("#round-diff")).ToContainTextAsync("公开01表 收入支出决算总表「本年支出合计」决算数：1,664.67 → 1,664.55");
        await reviewer.ClickAsync("#claim");
        await Expect(reviewer.Locator("#state")).ToHaveTextAsync("审核中");
        await Expect(reviewer.Locator("#budget-approved-on-text")).ToHaveTextAsync(approved);
        await Expect(reviewer.Locator("input[name='grade']")).ToHaveCountAsync(0);
        await Expect(reviewer.Locator("#actions")).Not.ToContainTextAsync("系统建议");
        foreach (var grade in new[] { "优", "良", "中", "差" })
            await Expect(reviewer.Locator("#actions .inline-choice", new() { HasText = grade })).ToHaveCountAsync(0);
        await Expect(reviewer.Locator("#approve-no-grade")).ToContainTextAsync("只作通过或退回，不评定等级");
        await Expect(reviewer.Locator("#approve-deadline")).ToContainTextAsync($"公开期限：应于 {due} 前公开，已逾期");
        await Expect(reviewer.Locator("#signature")).ToHaveTextAsync("张经办");
        await reviewer.Locator("#actions").ScrollIntoViewIfNeededAsync();
        await reviewer.Locator("#actions").ScreenshotAsync(new() { Path = Path.Combine(Shots, "disclosure-approve-block.png") });
        await reviewer.ClickAsync("#approve");
        await reviewer.ClickAsync("#confirm-ok"); // 审核通过 cannot be undone: it asks first
        await Expect(reviewer.Locator("#approved-outcome")).ToHaveTextAsync("审核通过");
        await Expect(reviewer.Locator("#approved-grade")).ToHaveCountAsync(0);
        await Shot(reviewer, "disclosure-approved");

        // Two more of the section's packages: one approved 17 days ago (due in 3 days), one without a 批复日期.
        var dueSoon = await SubmittedPackage("2021年度部门决算公开（即将到期）", Today().AddDays(-17));
        var undated = await SubmittedPackage("2021年度部门决算公开（未填批复日期）", null);

        // The dashboard: the first past its deadline and not yet 已公开, the second due within 5 days, the third uncounted but named as undated.
        await reviewer.GotoAsync("/dashboard");
        var overdue = reviewer.Locator($"#d-publication-overdue li[data-id='{id}']");
        await Expect(overdue).ToContainTextAsync("2021年度部门决算公开（批复期限测试）");
        await Expect(overdue).ToContainTextAsync($"应于 {due} 前公开，已逾期");
        var soon = reviewer.Locator($"#d-publication-due-soon li[data-id='{dueSoon}']");
        await Expect(soon).ToContainTextAsync("2021年度部门决算公开（即将到期）");
        await Expect(soon).ToContainTextAsync($"应于 {Iso(Today().AddDays(3))} 前公开，剩余 3 天");
        await Expect(reviewer.Locator($"#d-publication li[data-id='{undated}']")).ToHaveCountAsync(0);
        await Expect(reviewer.Locator("#d-publication-overdue-count .n")).ToHaveTextAsync("1");
        await Expect(reviewer.Locator("#d-publication-due-soon-count .n")).ToHaveTextAsync("1");
        await Expect(reviewer.Locator("#d-publication-undated-count .n")).ToHaveTextAsync("1");
        await Shot(reviewer, "disclosure-dashboard");
    }
}
