using System.Net.Http.Json;
using System.Text.Json;
using Approval.Web.Tests.Infrastructure;
using Approval.Workflow.Submissions;
using Marten.Events;
using static Microsoft.Playwright.Assertions;

namespace Approval.Web.Tests;

/// <summary>
/// Seed 002's 部门决算公开 package in the browser: the preparer enters its 批复日期, the reviewer approves it without a grade
/// (no 优/良/中/差, no 系统建议, the deadline in the approve block), and the dashboard lists it as past its 20-day publication
/// deadline. Screenshots at 1440 px: disclosure-approve-block.png, disclosure-dashboard.png.
/// </summary>
[Collection(HeavyCollection.Name)]
public class DisclosureReviewBrowserTests(LiveApp app) : BrowserTest(app)
{
    private async Task<long> Step(string user, Guid id, string action)
    {
        await using var session = App.Store.QuerySession();
        var version = (await session.Events.FetchStreamStateAsync(id))!.Version;
        using var http = await ApiAs(user);
        var response = await http.PostAsJsonAsync($"/api/submissions/{id}/{action}", new { version });
        Assert.True(response.IsSuccessStatusCode, $"{action} as {user}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64();
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Preparer_enters_the_budget_approval_reviewer_approves_without_a_grade_dashboard_shows_it_overdue()
    {
        // 填报人 imports seed 002 as a 部门决算公开 package, as the import form does.
        var id = await Import("prep", SubmissionKind.FinalAccountsDisclosure, "002_3e97706fd429c0f0.txt",
            await File.ReadAllTextAsync(SeedPath("002_3e97706fd429c0f0.txt")), "2021年度部门决算公开（批复期限测试）");

        // The preparer sees the deadline cannot be computed yet, enters a 批复日期 40 days ago and sees it overdue by 20.
        var approvedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(-40); // today in Beijing, as the server counts
        var (approved, due) = (Iso(approvedOn), Iso(approvedOn.AddDays(20)));
        var preparer = await SignIn("prep");
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
        await preparer.SetViewportSizeAsync(1440, 1000);
        await preparer.Locator("#summary").ScreenshotAsync(new() { Path = Path.Combine(Shots, "disclosure-budget-approval.png") });
        await Step("prep", id, "submit"); // saving the date rescored it
        await Step("rev", id, "claim");

        // 审核人: the approve block of a package has no grade, no 系统建议 — the opinion, signature, stamp and the deadline.
        var reviewer = await SignIn("rev");
        await reviewer.SetViewportSizeAsync(1440, 1000);
        await Expect(reviewer).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/review$"));
        await Expect(reviewer.Locator($"#queue tbody tr[data-id='{id}'] .publication-deadline")).ToContainTextAsync($"应于 {due} 前公开，已逾期");
        await reviewer.ScreenshotAsync(new() { Path = Path.Combine(Shots, "disclosure-queue.png"), FullPage = true });
        await reviewer.GotoAsync($"/submissions/{id}");
        await Expect(reviewer.Locator("#budget-approved-on-text")).ToHaveTextAsync(approved);
        await Expect(reviewer.Locator("input[name='grade']")).ToHaveCountAsync(0);
        await Expect(reviewer.Locator("#actions")).Not.ToContainTextAsync("系统建议");
        await Expect(reviewer.Locator("#approve-no-grade")).ToContainTextAsync("只作通过或退回，不评定等级");
        await Expect(reviewer.Locator("#approve-deadline")).ToContainTextAsync($"公开期限：应于 {due} 前公开，已逾期");
        await Expect(reviewer.Locator("#signature")).ToHaveTextAsync("张经办");
        await reviewer.Locator("#actions").ScrollIntoViewIfNeededAsync();
        await reviewer.Locator("#actions").ScreenshotAsync(new() { Path = Path.Combine(Shots, "disclosure-approve-block.png") });
        await reviewer.ClickAsync("#approve");
        await reviewer.ClickAsync("#confirm-ok"); // 审核通过 cannot be undone: it asks first
        await Expect(reviewer.Locator("#approved-outcome")).ToHaveTextAsync("审核通过");
        await Expect(reviewer.Locator("#approved-grade")).ToHaveCountAsync(0);

        // The dashboard: the package is past its deadline and not yet 已公开.
        await App.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        await reviewer.GotoAsync("/dashboard");
        var overdue = reviewer.Locator($"#d-publication-overdue li[data-id='{id}']");
        await Expect(overdue).ToContainTextAsync("2021年度部门决算公开（批复期限测试）");
        await Expect(overdue).ToContainTextAsync($"应于 {due} 前公开，已逾期");
        await Expect(reviewer.Locator("#d-publication-overdue-count .n")).ToHaveTextAsync("1");
        await reviewer.ScreenshotAsync(new() { Path = Path.Combine(Shots, "disclosure-dashboard.png"), FullPage = true });
    }
}
