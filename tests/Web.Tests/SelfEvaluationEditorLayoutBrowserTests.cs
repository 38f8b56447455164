using System.Net.Http.Json;
using System.Text.Json;
using Approval.Web.Tests.Infrastructure;
using Approval.Workflow.Submissions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Web.Tests;

/// <summary>
/// Issue #26: the 自评表 editor at 1440×900 clips nothing (every picker shows its whole choice, every table fits its box),
/// and on a 390×844 phone a row is edited without the page scrolling sideways; the reviewer's 逐行意见 of a returned form
/// stand beside their rows while editing. Screenshots: editor-layout-*.png.
/// </summary>
[Collection(HeavyCollection.Name)]
public class SelfEvaluationEditorLayoutBrowserTests(LiveApp app) : BrowserTest(app)
{
    /// <summary>
    /// What is clipped in the editor, as sentences: a control sticking out of its cell or out of the window, a picker
    /// narrower than the choice it shows, an editor table wider than its box (so part of it hides behind a scroll bar).
    /// </summary>
    private const string Clipped = """
        (allowScroll) => {
          const problems = [];
          const measure = document.createElement('canvas').getContext('2d');
          const vw = document.documentElement.clientWidth;
          for (const c of document.querySelectorAll('#form-edit input, #form-edit select, #form-edit textarea, #form-edit button')) {
            if (!c.offsetParent) continue;
            const r = c.getBoundingClientRect();
            const name = c.getAttribute('aria-label') || c.id || c.textContent;
            const cell = c.closest('td, th');
            if (cell) {
              const box = cell.getBoundingClientRect();
              if (r.left < box.left - 1 || r.right > box.right + 1) problems.push(`${name}: ${Math.round(r.left)}–${Math.round(r.right)} outside its cell ${Math.round(box.left)}–${Math.round(box.right)}`);
            }
            if (!allowScroll && (r.left < -1 || r.right > vw + 1)) problems.push(`${name}: ${Math.round(r.left)}–${Math.round(r.right)} outside the window 0–${vw}`);
            if (c.tagName === 'SELECT') {
              const s = getComputedStyle(c);
              measure.font = `${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
              const text = c.options[c.selectedIndex]?.text ?? '';
              // Chromium's menulist keeps about 20 px for its arrow beside the padding
              const need = measure.measureText(text).width + parseFloat(s.paddingLeft) + parseFloat(s.paddingRight) + 20;
              if (need > c.clientWidth + 0.5) problems.push(`${name}: 「${text}」 needs ${Math.round(need)} px, has ${c.clientWidth}`);
            }
          }
          if (!allowScroll)
            for (const box of document.querySelectorAll('#form-edit .table-scroll'))
              if (box.scrollWidth > box.clientWidth + 1) problems.push(`${box.getAttribute('aria-label')}: ${box.scrollWidth} px in a box of ${box.clientWidth}`);
          return problems;
        }
        """;

    private static async Task AssertNothingClipped(IPage page, bool allowScroll = false)
    {
        var problems = await page.EvaluateAsync<string[]>(Clipped, allowScroll);
        Assert.True(problems.Length == 0, $"{page.ViewportSize?.Width} px:\n" + string.Join("\n", problems.Take(20)));
    }

    private async Task<Guid> ScoredDraft(string title)
    {
        var created = await PostAs("prep", "/api/submissions", new { fiscalYear = 2021, kind = SubmissionKind.ProjectSelfEvaluation, title, content = Samples.Ganfutong() });
        var id = created.GetProperty("submissionId").GetGuid();
        await Score("prep", id, created.GetProperty("version").GetInt64());
        return id;
    }

    [Theory]
    [InlineData(1440, 900)]
    [InlineData(390, 844)]
    public async Task The_editor_clips_no_picker_and_a_row_is_edited_without_scrolling_the_page_sideways(int width, int height)
    {
        var id = await ScoredDraft($"赣服通 编辑布局（{width}）");
        var page = await SignIn("prep");
        await page.SetViewportSizeAsync(width, height);
        await page.GotoAsync($"/submissions/{id}");
        await page.ClickAsync("#edit-form");
        var row = page.Locator("#indicator-editor tbody tr[data-index='12']");
        await Expect(row).ToBeVisibleAsync();
        await page.Locator("#form-edit").ScrollIntoViewIfNeededAsync();
        await Shot(page, $"editor-layout-{width}-top", fullPage: false);
        await AssertNothingClipped(page);
        await AssertNoSidewaysScroll(page);
        await Shot(page, $"editor-layout-{width}");
        await AssertAccessible(page);

        // The longest 二级指标 a picker offers, chosen: still shown whole.
        await row.Locator("select[data-field='levelOne']").SelectOptionAsync("满意度");
        await row.Locator("select[data-field='levelTwo']").SelectOptionAsync(new SelectOptionValue { Index = 0 });
        await row.Locator("select[data-field='levelOne']").SelectOptionAsync("效益");
        var longest = await row.Locator("select[data-field='levelTwo'] option").EvaluateAllAsync<string>(
            "options => options.map(o => o.value).sort((a, b) => b.length - a.length)[0]");
        await row.Locator("select[data-field='levelTwo']").SelectOptionAsync(longest);
        await AssertNothingClipped(page);

        // A row edited there: its score typed, saved; the page reloads with it.
        await row.ScrollIntoViewIfNeededAsync();
        await Shot(page, $"editor-layout-{width}-row", fullPage: false);
        await row.Locator("select[data-field='levelOne']").SelectOptionAsync("满意度");
        await row.Locator("select[data-field='levelTwo']").SelectOptionAsync(new SelectOptionValue { Index = 0 });
        await row.Locator("input[data-field='statedScore']").FillAsync("4.84");
        await page.ClickAsync("#save");
        await Expect(page.Locator("#editor-status")).ToHaveTextAsync("已保存");
        await Expect(page.Locator("#row-13")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bflag-error\b"));
        await AssertNoSidewaysScroll(page);
    }

    [Fact]
    public async Task A_returned_forms_row_remarks_stand_beside_their_rows_in_the_editor()
    {
        var created = await PostAs("prep", "/api/submissions", new { fiscalYear = 2021, kind = SubmissionKind.ProjectSelfEvaluation, title = "赣服通 逐行意见编辑", content = Samples.Ganfutong() });
        var id = created.GetProperty("submissionId").GetGuid();
        await Score("prep", id, 1);
        await PostAs("prep", $"/api/submissions/{id}/submit", new { version = 2, commandId = Guid.NewGuid() });
        await PostAs("rev", $"/api/submissions/{id}/claim", new { version = 3, commandId = Guid.NewGuid() });
        using var http = await ApiAs("rev");
        var rows = (await http.GetFromJsonAsync<JsonElement>($"/api/submissions/{id}", WorkflowFixture.Json))
            .GetProperty("content").GetProperty("projectForm").GetProperty("indicators").EnumerateArray().ToList();
        var (second, thirteenth) = (rows[1], rows[12]);
        await PostAs("rev", $"/api/submissions/{id}/return", new
        {
            version = 4, commandId = Guid.NewGuid(), reason = "请按逐行意见修改。",
            rowRemarks = new[]
            {
                new { rowReference = second.GetProperty("name").GetString(), remark = "第二行的指标值请写明单位", rowId = second.GetProperty("id").GetString() },
                new { rowReference = thirteenth.GetProperty("name").GetString(), remark = "满意度得分按调查结果计算", rowId = thirteenth.GetProperty("id").GetString() },
            },
        });

        var page = await SignIn("prep");
        await page.SetViewportSizeAsync(1440, 900);
        await page.GotoAsync($"/submissions/{id}");
        await page.ClickAsync("#edit-form");
        var editor = page.Locator("#indicator-editor");
        await Expect(editor.Locator(".editor-remark")).ToHaveCountAsync(2);
        await Expect(editor.Locator("tr[data-index='1'] + tr.editor-remark-row")).ToContainTextAsync("审核意见（第 1 轮）：第二行的指标值请写明单位");
        await Expect(editor.Locator("tr[data-index='12'] + tr.editor-remark-row")).ToContainTextAsync("满意度得分按调查结果计算");
        await Expect(editor.Locator("tr[data-index='0'] + tr.editor-remark-row")).ToHaveCountAsync(0);

        // A row moved up takes its remark with it: the remark follows the row's id, not its place.
        await page.ClickAsync("#indicator-editor tr[data-index='1'] button[title='上移']");
        await Expect(editor.Locator("tr[data-index='0'] + tr.editor-remark-row")).ToContainTextAsync("第二行的指标值请写明单位");
        await Expect(editor.Locator("tr[data-index='1'] + tr.editor-remark-row")).ToHaveCountAsync(0);
        await editor.Locator("tr[data-index='12']").ScrollIntoViewIfNeededAsync();
        await Shot(page, "editor-layout-remarks", fullPage: false);
        await AssertAccessible(page);

        await page.SetViewportSizeAsync(390, 844);
        await Expect(editor.Locator("tr[data-index='12'] + tr.editor-remark-row")).ToBeVisibleAsync();
        await editor.Locator("tr[data-index='12']").ScrollIntoViewIfNeededAsync();
        await Shot(page, "editor-layout-remarks-390", fullPage: false);
        await AssertNoSidewaysScroll(page);
    }
}
