using Approval.Web.Tests.Infrastructure;
using Approval.Workflow.Submissions;
using static Microsoft.Playwright.Assertions;

namespace Approval.Web.Tests;

/// <summary>
/// A clerk fixes a 勾稽 error in a cell of the 部门决算公开 package: seed 002 imported with 公开01's 本年支出合计 off by
/// 0.12 is scored and the cell flagged; in the editor the clerk types the printed figure, the finding disappears before
/// anything is saved, 保存 records it, the new score has no such finding, and the audit trail names the cell old → new.
/// </summary>
[Collection(HeavyCollection.Name)]
public class DisclosureEditorTests(LiveApp app) : BrowserTest(app)
{
    /// <summary>Seed 002 as the unit's clerk uploads it, with 公开01's 本年支出合计 typed as 1,664.67 instead of 1,664.55.</summary>
    private async Task<Guid> ImportWithAWrongFigure()
    {
        var text = await File.ReadAllTextAsync(SeedPath("002_3e97706fd429c0f0.txt"));
        const string printed = "本年支出合计\t58\t1,664.55";
        Assert.Contains(printed, text);
        text = text.Replace(printed, "本年支出合计\t58\t1,664.67", StringComparison.Ordinal);

        return await Import("prep", SubmissionKind.FinalAccountsDisclosure, "002.txt", text, "2021年度部门决算公开");
    }

    [Fact]
    public async Task A_clerk_corrects_a_cell_sees_the_finding_go_before_saving_and_the_trail_names_old_and_new()
    {
        var id = await ImportWithAWrongFigure();
        var page = await SignIn("prep");
        await page.SetViewportSizeAsync(1440, 1000);
        await page.GotoAsync($"/submissions/{id}");
        await page.ClickAsync("#score");
        await Expect(page.Locator("#findings")).ToContainTextAsync("DT01-EXPENSE-TOTAL");

        // The flagged cells: 01's 支出 本年支出合计 (what 03's 合计 is compared with) and 支出 总计.
        var expenseName = page.Locator("#table-0 [data-row][data-section='支出'][data-row-name='本年支出合计']");
        var key = await expenseName.GetAttributeAsync("data-row");
        var cell = page.Locator($"[data-cell='{key}:0']");
        await Expect(cell).ToHaveTextAsync("1,664.67");
        await Expect(cell).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("flag-error"));
        await cell.EvaluateAsync("c => c.scrollIntoView({ block: 'center' })");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "disclosure-editor-1-flagged.png") });

        // 编辑: the cell is an input named for screen readers; a non-number is refused at the cell and blocks saving.
        await page.ClickAsync("#edit-disclosure");
        var input = page.GetByLabel("公开01表 本年支出合计 决算数", new() { Exact = true });
        await Expect(input).ToHaveValueAsync("1,664.67");
        await Expect(page.Locator("textarea#narrative-editor")).ToHaveAttributeAsync("aria-label", "部门决算情况说明");
        await Expect(page.Locator("#narrative")).ToBeHiddenAsync();
        await input.FillAsync("1,664.5五");
        await Expect(cell.Locator(".cell-error")).ToHaveTextAsync("须为数字");
        await cell.EvaluateAsync("c => c.scrollIntoView({ block: 'center' })");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "disclosure-editor-1b-not-a-number.png") });
        await Expect(page.Locator("#save-disclosure")).ToBeDisabledAsync();

        // The printed figure: the re-check runs as the clerk types and the finding leaves the cell before anything is saved.
        var before = await App.Store.QuerySession(TestOrganization.Tenant).Events.FetchStreamStateAsync(id);
        await input.FillAsync("1,664.55");
        await Expect(cell.Locator(".cell-error")).ToBeHiddenAsync();
        await Expect(page.Locator("#editor-status")).ToHaveTextAsync("未保存的修改 1 处");
        await Expect(page.Locator("#live-counts, #editor-problem .error-box").First).ToBeVisibleAsync();
        Assert.Equal("", await page.Locator("#editor-problem").TextContentAsync());
        await Expect(page.Locator("#live-counts")).ToContainTextAsync("实时核对");
        await Expect(cell).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("flag-error"));
        await Expect(page.Locator("#live-findings")).Not.ToContainTextAsync("支出总计应等于");
        Assert.Equal(before!.Version, (await App.Store.QuerySession(TestOrganization.Tenant).Events.FetchStreamStateAsync(id))!.Version);
        await cell.EvaluateAsync("c => c.scrollIntoView({ block: 'center' })");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "disclosure-editor-2-corrected.png") });

        // 保存并评分: recorded and scored; the page shows the saved figure and the finding is gone from the score.
        await page.ClickAsync("#save-disclosure");
        await Expect(page.Locator("#editor-status")).ToHaveTextAsync("已保存");
        await Expect(cell).ToHaveTextAsync("1,664.55");
        await Expect(cell).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("flag-error"));
        await Expect(page.Locator("#findings")).Not.ToContainTextAsync("DT01-EXPENSE-TOTAL");
        await Expect(page.Locator("#findings")).Not.ToContainTextAsync("DTX-03-01");
        await cell.EvaluateAsync("c => c.scrollIntoView({ block: 'center' })");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "disclosure-editor-3-saved.png") });

        // The audit trail says which cell changed, from what to what.
        await page.GotoAsync($"/audit/{id}");
        await Expect(page.Locator("#timeline")).ToContainTextAsync("公开01表 收入支出决算总表「本年支出合计」决算数：1,664.67 → 1,664.55");
    }

    [Fact]
    public async Task A_clerk_rewrites_the_sentence_a_narrative_finding_concerns_sees_it_go_live_and_the_trail_names_the_sentence()
    {
        // Seed 002's 情况说明 says "工资福利支出294.39万元" where 公开06's 301 工资福利支出 is 281.27 (294.39 is 06's 人员经费):
        // NT-FIGURE-TABLE, and its "其中" list then adds up to 341.36 against 基本支出 328.25 (NT-PARTS-EXCEED).
        var id = await Import("prep", SubmissionKind.FinalAccountsDisclosure, "002.txt",
            await File.ReadAllTextAsync(SeedPath("002_3e97706fd429c0f0.txt")), "2021年度部门决算公开（情况说明）");
        var page = await SignIn("prep");
        await page.SetViewportSizeAsync(1440, 1000);
        await page.GotoAsync($"/submissions/{id}");
        await page.ClickAsync("#score");
        await Expect(page.Locator("#findings")).ToContainTextAsync("NT-FIGURE-TABLE");
        await Expect(page.Locator("#findings")).ToContainTextAsync("NT-PARTS-EXCEED");

        await page.ClickAsync("#edit-disclosure");
        var editor = page.Locator("textarea#narrative-editor");
        await Expect(editor).ToBeVisibleAsync();
        const string wrong = "（一）工资福利支出294.39万元";
        const string right = "（一）工资福利支出281.27万元";
        var narrative = await editor.InputValueAsync();
        Assert.Contains(wrong, narrative);

        // A change elsewhere first: the live check still finds the sentence wrong.
        await editor.FillAsync(narrative.Replace("绩效奖金未发放", "绩效奖金暂未发放", StringComparison.Ordinal));
        await Expect(page.Locator("#editor-status")).ToHaveTextAsync("未保存的修改 1 处");
        await Expect(page.Locator("#live-findings")).ToContainTextAsync("情况说明中工资福利支出 294.39 万元");
        await Expect(page.Locator("#live-findings")).ToContainTextAsync("「其中」所列各项之和 341.36");

        // The clerk types the figure as 公开06 prints it: both findings leave before anything is saved.
        var before = (await App.Store.QuerySession(TestOrganization.Tenant).Events.FetchStreamStateAsync(id))!.Version;
        await editor.FillAsync(narrative.Replace(wrong, right, StringComparison.Ordinal));
        await Expect(page.Locator("#live-counts")).ToContainTextAsync("实时核对");
        await Expect(page.Locator("#live-findings")).Not.ToContainTextAsync("工资福利支出 294.39 万元");
        await Expect(page.Locator("#live-findings")).Not.ToContainTextAsync("「其中」所列各项之和");
        Assert.Equal(before, (await App.Store.QuerySession(TestOrganization.Tenant).Events.FetchStreamStateAsync(id))!.Version);
        await editor.EvaluateAsync("""
            e => { // the changed sentence selected and scrolled into the text area's view
              const at = e.value.indexOf('（一）工资福利');
              e.scrollIntoView({ block: 'center' });
              e.focus();
              e.setSelectionRange(at, at + 18);
              e.scrollTop = Math.max(0, e.scrollHeight * at / e.value.length - e.clientHeight / 2);
            }
            """);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "disclosure-editor-4-narrative.png") });

        // 保存并评分: the saved 情况说明 carries the new sentence, the score has neither finding.
        await page.ClickAsync("#save-disclosure");
        await Expect(page.Locator("#editor-status")).ToHaveTextAsync("已保存");
        await Expect(page.Locator("#narrative")).ToContainTextAsync("工资福利支出281.27万元");
        await Expect(page.Locator("#findings")).Not.ToContainTextAsync("NT-FIGURE-TABLE");
        await Expect(page.Locator("#findings")).Not.ToContainTextAsync("NT-PARTS-EXCEED");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "disclosure-editor-5-narrative-saved.png") });

        // The audit trail names the sentence, old → new.
        await page.GotoAsync($"/audit/{id}");
        var change = page.Locator("#timeline li", new() { HasText = "情况说明第" });
        await Expect(change).ToContainTextAsync("「（一）工资福利支出294.39万元");
        await Expect(change).ToContainTextAsync("→「（一）工资福利支出281.27万元");
    }
}
