using Approval.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Approval.Web.Tests;

/// <summary>
/// A preparer's housekeeping in the browser: a pasted 自评表 headed 2021 is filed as 2021 (left to the header, or on the
/// preparer's word when another year was typed), a second start of the same project says so on its page, and the
/// duplicate is discarded with a reason — then counted nowhere, the first one no longer warned about it.
/// Screenshots: housekeeping-*.png.
/// </summary>
[Collection(HeavyCollection.Name)]
public class DraftHousekeepingBrowserTests(LiveApp app) : BrowserTest(app)
{
    [Fact]
    public async Task A_2021_table_is_filed_as_2021_a_second_start_is_flagged_and_discarded_with_its_reason()
    {
        var project = $"机房运维{Guid.NewGuid():N}"[..12];
        var text = Samples.GanfutongFormText().Replace("“赣服通”上饶分厅4.0版项目", project, StringComparison.Ordinal);
        var preparer = await SignIn("prep");

        // The year left empty: the report's own header decides.
        await preparer.FillAsync("#new-text", text);
        await preparer.ClickAsync("#create");
        await preparer.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/submissions/[0-9a-f-]{36}$"));
        var first = preparer.Url;
        await Expect(preparer.Locator("#fiscal-year")).ToHaveTextAsync("2021");
        await Expect(preparer.Locator("#h-project")).ToHaveTextAsync(project);
        await Expect(preparer.Locator("#same-reports")).ToHaveCountAsync(0);

        // 2025 typed over a 2021 header: asked, named both years, filed as 2021 — never silently as 2025.
        await preparer.GotoAsync("/submissions");
        await preparer.FillAsync("#new-year", "2025");
        await preparer.FillAsync("#new-text", text);
        await preparer.ClickAsync("#create");
        await Expect(preparer.Locator("#confirm-dialog")).ToContainTextAsync("报告表头为 2021 年度，所选年度为 2025 年度");
        await Shot(preparer, "housekeeping-01-year-question");
        await preparer.ClickAsync("#confirm-ok");
        await preparer.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/submissions/[0-9a-f-]{36}$"));
        Assert.NotEqual(first, preparer.Url);
        await Expect(preparer.Locator("#fiscal-year")).ToHaveTextAsync("2021");

        // The second start of the project and year says so, linking the first.
        await Expect(preparer.Locator("#same-reports")).ToContainTextAsync($"本单位 2021 年度已有项目「{project}」的报告 1 份");
        await Expect(preparer.Locator($"#same-reports a[href='{new Uri(first).AbsolutePath}']")).ToBeVisibleAsync();
        await Shot(preparer, "housekeeping-02-duplicate-warned");

        // 作废 asks for a reason at the field before any "are you sure", then records it.
        await preparer.ClickAsync("#discard-block summary");
        await preparer.ClickAsync("#discard");
        await Expect(preparer.Locator("#discard-block .action-error")).ToContainTextAsync("请填写作废原因");
        await Expect(preparer.Locator("#state")).ToHaveTextAsync("草稿");
        await preparer.FillAsync("#discard-reason", "重复起草，以先起草的一份为准");
        await preparer.ClickAsync("#discard");
        await Expect(preparer.Locator("#confirm-dialog")).ToContainTextAsync("作废后报告不能再修改或提交");
        await preparer.ClickAsync("#confirm-ok");
        await Expect(preparer.Locator("#state")).ToHaveTextAsync("已作废");
        await Expect(preparer.Locator("#discarded")).ToContainTextAsync("重复起草，以先起草的一份为准");
        await Expect(preparer.Locator("#score")).ToHaveCountAsync(0); // nothing more to do with it
        await Expect(preparer.Locator("#same-reports")).ToHaveCountAsync(0);
        await Shot(preparer, "housekeeping-03-discarded");

        // The first report is alone again; the list shows the discarded one as 已作废.
        await preparer.GotoAsync(first);
        await Expect(preparer.Locator("#same-reports")).ToHaveCountAsync(0);
        await preparer.GotoAsync("/submissions?state=Discarded");
        await Expect(preparer.Locator("#my-submissions tbody tr", new() { HasText = project })).ToContainTextAsync("已作废");
    }
}
