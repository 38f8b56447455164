using Approval.Web.Tests.Infrastructure;
using Approval.Workflow.Submissions;
using static Microsoft.Playwright.Assertions;

namespace Approval.Web.Tests;

/// <summary>
/// Issue #26 item 5: a 部门整体支出绩效自评报告 edited in place. Seed 001 imported by its unit shows DE-PARTS-EXCEED (编制人数共
/// 10 人，其中 7 人 + 4 人); the preparer opens the editor on the report, follows the live finding to its sentence, corrects
/// 4 to 3, saves; the page comes back rescored without the finding, is submitted, and the reviewer reads the change in the
/// audit trail's diff. Screenshots: department-edit-*.png.
/// </summary>
[Collection(HeavyCollection.Name)]
public class DepartmentReportEditBrowserTests(LiveApp app) : BrowserTest(app)
{
    [Fact]
    public async Task A_preparer_fixes_a_figure_of_seed_001_in_place_and_the_reviewer_reads_the_change()
    {
        var text = await File.ReadAllTextAsync(SeedPath("001_de08246b7e89c2ac.txt"));
        var id = await Import("prep-yy", SubmissionKind.DepartmentSelfEvaluation, "001.txt", text, "部门整体 就地修改");
        await Score("prep-yy", id, 1);

        var page = await SignIn("prep-yy");
        await page.SetViewportSizeAsync(1440, 900);
        await page.GotoAsync($"/submissions/{id}");
        await Expect(page.Locator("#findings")).ToContainTextAsync("DE-PARTS-EXCEED");
        await Expect(page.Locator("#dept-sec-1 mark.finding-error")).ToContainTextAsync("编制人数共 10人");

        // 编辑: the score and grade become fields in the heading, the report its text; the live check finds the same error.
        await page.ClickAsync("#edit-department");
        var editor = page.Locator("#dept-narrative-editor");
        await Expect(editor).ToBeVisibleAsync();
        await Expect(page.Locator(".dept-body")).ToBeHiddenAsync();
        await Expect(page.Locator("#dept-score-input")).ToHaveValueAsync("97.44");
        await Expect(page.Locator("#dept-grade-input")).ToHaveValueAsync("优秀");
        var parts = page.Locator("#live-findings li[data-rule='DE-PARTS-EXCEED']");
        await Expect(parts).ToContainTextAsync("「其中」所列各项之和 11人 超过总数 10人");

        // The finding leads to its sentence in the text.
        await parts.Locator("button.locate").ClickAsync();
        var selected = await editor.EvaluateAsync<string>("t => t.value.substring(t.selectionStart, t.selectionEnd)");
        Assert.StartsWith("编制人数共", selected);
        await Shot(page, "department-edit-located", fullPage: false);

        // A score that is not one is refused at its field, in Chinese; saving waits until it is one.
        await page.FillAsync("#dept-score-input", "九十七");
        await Expect(page.Locator("#dept-score-error")).ToHaveTextAsync("自评得分须为数字");
        await Expect(page.Locator("#save-department")).ToBeDisabledAsync();
        await page.FillAsync("#dept-score-input", "97.44");
        await Expect(page.Locator("#dept-score-error")).ToHaveTextAsync("");

        // 4 → 3 where the report states it; the live check no longer finds the error.
        var value = await editor.InputValueAsync();
        var at = value.IndexOf("编制 4 人；实有", StringComparison.Ordinal);
        Assert.True(at > 0, "seed 001 states 补助事业编制 4 人");
        await editor.FillAsync(string.Concat(value.AsSpan(0, at), "编制 3 人；实有", value.AsSpan(at + "编制 4 人；实有".Length)));
        await Expect(page.Locator("#editor-status")).ToHaveTextAsync("未保存的修改：报告正文");
        await Expect(page.Locator("#live-counts")).ToContainTextAsync("实时检查");
        await Expect(parts).ToHaveCountAsync(0);
        await Shot(page, "department-edit-editing", fullPage: false);
        await AssertAccessible(page);

        // 保存并评分: the page comes back rescored, the sentence corrected and unmarked.
        await page.ClickAsync("#save-department");
        await Expect(page.Locator("#editor-status")).ToHaveTextAsync("已保存");
        await Expect(page.Locator("#findings")).Not.ToContainTextAsync("DE-PARTS-EXCEED");
        await Expect(page.Locator("#dept-sec-1")).ToContainTextAsync("补助事业编制 3 人");
        await Expect(page.Locator("#dept-sec-1 mark.finding-error")).ToHaveCountAsync(0);
        await Expect(page.Locator("#total")).ToHaveTextAsync("97.44");
        await Expect(page.Locator("#submit")).ToBeEnabledAsync();
        await Shot(page, "department-edit-saved");

        await Chromium.WaitUntilAsync(page, "document.body.dataset.live === 'connected'");
        await page.ClickAsync("#submit");
        await page.ClickAsync("#confirm-ok");
        await Expect(page.Locator("#state")).ToHaveTextAsync("已提交待审核");

        // The reviewer reads what changed between the draft as imported and as submitted: that sentence, 4 → 3.
        var reviewer = await SignIn("rev");
        await reviewer.SetViewportSizeAsync(1440, 900);
        await reviewer.GotoAsync($"/audit/{id}");
        await Expect(reviewer.Locator("#timeline")).ToContainTextAsync("修改报告（第 2 版）");
        await reviewer.SelectOptionAsync("#diff-from", "1");
        await reviewer.ClickAsync("#diff");
        var diff = reviewer.Locator("#diff-result li");
        await Expect(diff).ToHaveCountAsync(1);
        await Expect(diff).ToContainTextAsync("编制 4 人");
        await Expect(diff).ToContainTextAsync("编制 3 人");
        await Expect(diff).ToContainTextAsync("一、部门概述和基本情况");
        await Shot(reviewer, "department-edit-reviewer-diff");

        // Returned: the preparer writes the 整体's score into the text (DE-SCORE-SOURCE: it was read from an attachment),
        // on a phone; the reviewer's round diff names that part and sentence.
        await reviewer.GotoAsync($"/submissions/{id}");
        await Chromium.WaitUntilAsync(reviewer, "document.body.dataset.live === 'connected'");
        await reviewer.ClickAsync("#claim");
        await Expect(reviewer.Locator("#state")).ToHaveTextAsync("审核中");
        await reviewer.FillAsync("#return-reason-text", "报告正文请写明部门整体自评得分。");
        await reviewer.ClickAsync("#return");
        await reviewer.ClickAsync("#confirm-ok");
        await Expect(reviewer.Locator("#state")).ToHaveTextAsync("已退回修改");

        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync($"/submissions/{id}");
        await Expect(page.Locator("#return-reason")).ToContainTextAsync("报告正文请写明部门整体自评得分。");
        await page.ClickAsync("#edit-department");
        var source = page.Locator("#live-findings li[data-rule='DE-SCORE-SOURCE']");
        await Expect(source).ToHaveCountAsync(1);
        value = await editor.InputValueAsync();
        const string Stated = "\n经自评，部门整体支出绩效自评得分 97.44 分，评价等级为优秀。";
        await editor.FillAsync(value.Replace("一、部门概述和基本情况", "一、部门概述和基本情况" + Stated, StringComparison.Ordinal));
        await Expect(page.Locator("#live-counts")).ToContainTextAsync("实时检查：未发现问题");
        await Expect(page.Locator("#live-check")).ToHaveTextAsync("实时检查：未发现问题（尚未保存）");
        await AssertNoSidewaysScroll(page);
        await Shot(page, "department-edit-returned-390", fullPage: false);
        await page.ClickAsync("#save-department");
        await Expect(page.Locator("#editor-status")).ToHaveTextAsync("已保存");
        await Expect(page.Locator("#findings")).Not.ToContainTextAsync("DE-SCORE-SOURCE");
        await Chromium.WaitUntilAsync(page, "document.body.dataset.live === 'connected'");
        await page.ClickAsync("#submit");
        await page.ClickAsync("#confirm-ok");
        await Expect(page.Locator("#state")).ToHaveTextAsync("已提交待审核");

        await reviewer.GotoAsync($"/submissions/{id}");
        var roundDiff = reviewer.Locator("#round-diff li");
        await Expect(roundDiff).ToHaveCountAsync(1);
        await Expect(roundDiff).ToHaveTextAsync("报告正文「一、部门概述和基本情况」第 1 段：新增「经自评，部门整体支出绩效自评得分 97.44 分，评价等级为优秀。」");
        await reviewer.Locator("#round-diff").ScrollIntoViewIfNeededAsync();
        await Shot(reviewer, "department-edit-round-diff", fullPage: false);
    }
}
