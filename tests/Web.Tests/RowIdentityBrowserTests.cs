using System.Net.Http.Json;
using System.Text.Json;
using Approval.Web.Tests.Infrastructure;
using Approval.Workflow.Submissions;
using static Microsoft.Playwright.Assertions;

namespace Approval.Web.Tests;

/// <summary>
/// Issue #26 item 1 in a real browser: a 自评表 whose 数量 and 质量 rows share a 三级指标 name. The reviewer's remark on the
/// 质量 row shows on that row only; the preparer changes that row's 分值 in the editor; the round diff and the audit diff
/// then name that row only — nothing said to have moved between levels. Screenshots: row-identity-*.png.
/// </summary>
[Collection(HeavyCollection.Name)]
public class RowIdentityBrowserTests(LiveApp app) : BrowserTest(app)
{
    [Fact]
    public async Task A_change_to_one_of_two_rows_of_one_name_is_reported_and_remarked_on_that_row_only()
    {
        var form = Samples.GanfutongForm();
        var rows = form.Indicators.ToList();
        var quantity = rows.FindIndex(r => r.LevelTwo.StartsWith("数量", StringComparison.Ordinal));
        var quality = rows.FindIndex(r => r.LevelTwo.StartsWith("质量", StringComparison.Ordinal));
        Assert.True(quantity >= 0 && quality >= 0);
        var name = rows[quantity].Name;
        rows[quality] = rows[quality] with { Name = name };
        var label = $"（{rows[quality].LevelOne}/{rows[quality].LevelTwo}）";
        var title = $"同名指标{Guid.NewGuid():N}"[..12];
        var id = (await PostAs("prep", "/api/submissions", new
        {
            fiscalYear = 2037, kind = SubmissionKind.ProjectSelfEvaluation, title, content = new { projectForm = form with { Header = form.Header with { Year = 2037 }, Indicators = rows } },
        })).GetProperty("submissionId").GetGuid();
        await Score("prep", id, 1);
        await PostAs("prep", $"/api/submissions/{id}/submit", new { version = 2, commandId = Guid.NewGuid() });

        // 审核人 remarks on the 质量 row of that name and returns.
        var reviewer = await SignIn("rev");
        await reviewer.GotoAsync($"/submissions/{id}");
        await Chromium.WaitUntilAsync(reviewer, "document.body.dataset.live === 'connected'");
        await reviewer.ClickAsync("#claim");
        await Expect(reviewer.Locator("#state")).ToHaveTextAsync("审核中");
        await Expect(reviewer.Locator($".row-remark[data-row-label='{name}{label}']")).ToHaveCountAsync(1);
        await reviewer.FillAsync("#return-reason-text", "质量指标的分值请核对。");
        await reviewer.FillAsync($".row-remark[data-row-label='{name}{label}']", "质量类分值与模板不符");
        await reviewer.ClickAsync("#return");
        await reviewer.ClickAsync("#confirm-ok");
        await Expect(reviewer.Locator("#state")).ToHaveTextAsync("已退回修改");

        // 填报人 sees the remark on that row only, and changes that row's 分值 in the editor.
        var preparer = await SignIn("prep");
        await preparer.GotoAsync($"/submissions/{id}");
        await Expect(preparer.Locator($"#row-{quality + 1} .remark")).ToHaveTextAsync("审核意见：质量类分值与模板不符");
        await Expect(preparer.Locator($"#row-{quantity + 1} .remark")).ToHaveCountAsync(0);
        await Expect(preparer.Locator("#indicators .remark")).ToHaveCountAsync(1);
        await Shot(preparer, "row-identity-remark");
        await preparer.ClickAsync("#edit-form");
        var weight = preparer.Locator($"#indicator-editor tbody tr[data-index='{quality}'] input[data-field='weight']");
        var oldWeight = decimal.Parse(await weight.InputValueAsync(), System.Globalization.CultureInfo.InvariantCulture);
        await weight.FillAsync((oldWeight + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await preparer.ClickAsync("#save");
        await Expect(preparer.Locator("#editor-status")).ToHaveTextAsync("已保存");
        await Chromium.WaitUntilAsync(preparer, "document.body.dataset.live === 'connected'");
        await preparer.ClickAsync("#submit");
        await preparer.ClickAsync("#confirm-ok");
        await Expect(preparer.Locator("#state")).ToHaveTextAsync("已提交待审核");

        // The round diff names the changed row only, told apart from its namesake by its levels.
        await reviewer.GotoAsync($"/submissions/{id}");
        var roundDiff = reviewer.Locator("#round-diff li");
        await Expect(roundDiff).ToHaveCountAsync(1);
        await Expect(roundDiff).ToHaveTextAsync(new System.Text.RegularExpressions.Regex($"^指标「{System.Text.RegularExpressions.Regex.Escape(name)}」{System.Text.RegularExpressions.Regex.Escape(label)}分值："));
        await Shot(reviewer, "row-identity-round-diff");

        // The audit diff between the two submitted versions says the same, and nothing else.
        using var http = await ApiAs("audit");
        var history = await http.GetFromJsonAsync<JsonElement>($"/api/submissions/{id}/history");
        var submits = history.EnumerateArray().Where(e => e.GetProperty("eventType").GetString()!.Contains("submitted_for_review", StringComparison.OrdinalIgnoreCase))
            .Select(e => e.GetProperty("version").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, submits.Count);
        var auditor = await SignIn("audit");
        await auditor.GotoAsync($"/audit/{id}");
        await auditor.SelectOptionAsync("#diff-from", submits[0]);
        await auditor.SelectOptionAsync("#diff-to", submits[1]);
        await auditor.ClickAsync("#diff");
        var auditDiff = auditor.Locator("#diff-result li");
        await Expect(auditDiff).ToHaveCountAsync(1);
        await Expect(auditDiff).ToHaveTextAsync(await roundDiff.TextContentAsync() ?? "");
        await Expect(auditor.Locator("#diff-result")).Not.ToContainTextAsync("归类");
        await Shot(auditor, "row-identity-audit-diff");
    }
}
