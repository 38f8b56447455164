using System.Text.RegularExpressions;
using Approval.Web.Tests.Infrastructure;
using Approval.Workflow.Submissions;
using static Microsoft.Playwright.Assertions;

namespace Approval.Web.Tests;

/// <summary>
/// The submission page as its people use it, at 1440 px and on a 390 px phone: a finding leads to its 自评表 row, the
/// form edits in place with its saved state, a figure that is not one is refused at its field, unsaved edits survive
/// an expired session, and a step that cannot be undone asks first. Screenshots: findings-editor-{width}-*.png.
/// </summary>
[Collection(SecondBrowserLane.Name)]
public class FindingsAndEditorBrowserTests(LiveApp app) : BrowserTest(app)
{
    private async Task<Guid> ScoredDraft(string title)
    {
        var created = await PostAs("prep", "/api/submissions", new { fiscalYear = 2021, kind = SubmissionKind.ProjectSelfEvaluation, title, content = Samples.Ganfutong() });
        var id = created.GetProperty("submissionId").GetGuid();
        await Score("prep", id, created.GetProperty("version").GetInt64());
        return id;
    }

    [Theory]
    [InlineData(1440)]
    [InlineData(390)]
    public async Task A_finding_leads_to_its_row_the_form_edits_in_place_and_unsaved_edits_survive_sign_in(int width)
    {
        var id = await ScoredDraft($"赣服通 发现与编辑（{width}）");
        var page = await SignIn("prep");
        await page.SetViewportSizeAsync(width, width == 390 ? 844 : 1000);
        await page.GotoAsync($"/submissions/{id}");

        // The findings read message first, the rule id small; the location names the row, not the imported file's line.
        var finding = page.Locator("#findings tbody tr", new() { HasText = "「企业满意度」填报得分 4.5 与按规则计算的 4.84 不一致" });
        await Expect(finding.Locator(".rule-id")).ToHaveTextAsync("SE-INDICATOR-SCORE");
        await Expect(page.Locator("#findings")).Not.ToContainTextAsync("原文第");
        await Expect(page.Locator("#findings")).Not.ToContainTextAsync("项目支出绩效自评表：");
        await Expect(page.Locator("#stated-weight-total")).ToHaveTextAsync("90.00"); // weights in two decimals like scores

        // Following the finding scrolls to row 13 and highlights it.
        await finding.Locator("a.finding-link").ClickAsync();
        await Expect(page.Locator("#row-13")).ToHaveClassAsync(new Regex(@"\bfinding-focus\b"));
        await Expect(page.Locator("#row-13")).ToBeInViewportAsync();
        await Shot(page, $"findings-editor-{width}-row-focused", fullPage: false);

        // 编辑 turns the form itself into inputs; nothing of the form stands twice on the page.
        await Expect(page.Locator("#indicator-editor")).ToHaveCountAsync(0);
        await page.ClickAsync("#edit-form");
        await Expect(page.Locator("#official-form #indicator-editor")).ToBeVisibleAsync();
        await Expect(page.Locator("#indicator-table")).ToBeHiddenAsync();
        await Expect(page.Locator("#editor-status")).ToHaveTextAsync("已保存");
        var score = page.Locator("#indicator-editor tbody tr[data-index='12'] input[data-field='statedScore']");
        await score.FillAsync("xyz");
        await Expect(page.Locator("#indicator-editor tbody tr[data-index='12'] td:has(input[data-field='statedScore']) .field-error")).ToHaveTextAsync("「第 13 行 得分」须为数字");
        await Expect(score).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#editor-status")).ToHaveTextAsync("未保存的修改");
        await score.FillAsync("4.84");
        await page.FillAsync("#f-goal-actual", "按期完成全部建设内容（未保存）。");
        await Shot(page, $"findings-editor-{width}-editing");

        // 取消 asks first, then returns to the form as filed; 编辑 again starts from what was saved.
        await page.ClickAsync("#cancel-edit");
        await Expect(page.Locator("#confirm-dialog")).ToContainTextAsync("有未保存的修改");
        await page.ClickAsync("#confirm-ok");
        await Expect(page.Locator("#indicator-table")).ToBeVisibleAsync();
        await Expect(page.Locator("#form-edit")).ToHaveCountAsync(0);

        // The session expires with edits on the screen: after signing in again the page offers them back.
        await page.ClickAsync("#edit-form");
        await page.FillAsync("#indicator-editor tbody tr[data-index='12'] input[data-field='statedScore']", "4.84");
        await page.FillAsync("#f-goal-actual", "按期完成全部建设内容。");
        await page.Context.ClearCookiesAsync();
        await page.EvaluateAsync("document.dispatchEvent(new Event('session-expired'))");
        await page.GotoAsync($"/submissions/{id}");
        await Expect(page).ToHaveURLAsync(new Regex("/login"));
        await page.FillAsync("#UserName", "prep");
        await page.FillAsync("#Password", TestOrganization.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/login"));
        await page.GotoAsync($"/submissions/{id}");
        await Expect(page.Locator("#restore-offer")).ToContainTextAsync("恢复未保存的修改？");
        await Shot(page, $"findings-editor-{width}-restore-offer", fullPage: false);
        await page.ClickAsync("#restore-unsaved");
        await Expect(page.Locator("#f-goal-actual")).ToHaveValueAsync("按期完成全部建设内容。");
        await Expect(page.Locator("#indicator-editor tbody tr[data-index='12'] input[data-field='statedScore']")).ToHaveValueAsync("4.84");
        await Expect(page.Locator("#editor-status")).ToHaveTextAsync("未保存的修改");

        // 保存 shows 保存中… then, after the page reloads with the new score, 已保存; nothing is kept in the browser any more.
        await page.ClickAsync("#save");
        await Expect(page.Locator("#editor-status")).ToHaveTextAsync("已保存");
        await Expect(page.Locator("#goal-actual")).ToHaveTextAsync("按期完成全部建设内容。");
        // the 执行率 the form printed stays, its figures untouched (a save used to drop it and show the engine's instead)
        Assert.Equal("75.00%", await page.EvaluateAsync<string>(
            $"async () => (await (await fetch('/api/submissions/{id}')).json()).content.projectForm.funds.statedRateText"));
        await Expect(page.Locator("#row-13")).Not.ToHaveClassAsync(new Regex(@"\bflag-error\b"));
        Assert.Equal(0, await page.EvaluateAsync<int>("Object.keys(localStorage).filter(k => k.startsWith('unsaved:')).length"));
        await Expect(page.Locator("#restore-offer")).ToHaveCountAsync(0);

        // 提交 asks first, naming the consequence; cancelling changes nothing, confirming submits.
        await page.ClickAsync("#submit");
        await Expect(page.Locator("#confirm-dialog")).ToContainTextAsync("提交后不能再修改");
        await Shot(page, $"findings-editor-{width}-confirm-submit", fullPage: false);
        await page.ClickAsync("#confirm-cancel");
        await Expect(page.Locator("#state")).ToHaveTextAsync("草稿");
        await page.ClickAsync("#submit");
        await page.ClickAsync("#confirm-ok");
        await Expect(page.Locator("#state")).ToHaveTextAsync("已提交待审核");

        // 撤回 asks too.
        await page.ClickAsync("#withdraw");
        await Expect(page.Locator("#confirm-dialog")).ToContainTextAsync("撤回后报告回到草稿");
        await page.ClickAsync("#confirm-cancel");
        await Expect(page.Locator("#state")).ToHaveTextAsync("已提交待审核");
        await AssertNoSidewaysScroll(page);
        await Shot(page, $"findings-editor-{width}-submitted");
    }

    [Fact]
    public async Task The_disclosure_editor_offers_back_what_was_typed_before_the_session_expired()
    {
        var id = await Import("prep", SubmissionKind.FinalAccountsDisclosure, "002_3e97706fd429c0f0.txt",
            await File.ReadAllTextAsync(SeedPath("002_3e97706fd429c0f0.txt")), "决算公开 未保存的修改");
        var page = await SignIn("prep");
        await page.GotoAsync($"/submissions/{id}");
        await page.ClickAsync("#edit-disclosure");
        var cell = page.Locator("input.cell-input").First;
        await cell.FillAsync("12345.67");
        await Expect(page.Locator("#editor-status")).ToContainTextAsync("未保存的修改 1 处");
        await page.Context.ClearCookiesAsync();
        await page.EvaluateAsync("document.dispatchEvent(new Event('session-expired'))");
        await page.GotoAsync($"/submissions/{id}");
        await page.FillAsync("#UserName", "prep");
        await page.FillAsync("#Password", TestOrganization.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/login"));
        await page.GotoAsync($"/submissions/{id}");
        await Expect(page.Locator("#restore-offer")).ToContainTextAsync("恢复未保存的修改？");
        await page.ClickAsync("#restore-unsaved");
        await Expect(page.Locator("input.cell-input").First).ToHaveValueAsync("12345.67");
        await Expect(page.Locator("#editor-status")).ToContainTextAsync("未保存的修改 1 处");
        await Shot(page, "findings-editor-disclosure-restored", fullPage: false);
    }
}
