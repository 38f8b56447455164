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
        await Expect(preparer.Locator("#problem-discard-reason")).ToHaveTextAsync("请填写作废原因"); // beside its field, said once
        await Expect(preparer.Locator("#discard-block .action-error")).ToBeEmptyAsync();
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

    /// <summary>生成汇总: the unit's 汇总审核表 made from its own sent 自评表, declared, submitted, approved and printed with its block.</summary>
    [Fact]
    public async Task The_summary_is_generated_from_the_units_sent_forms_submitted_approved_and_printed_with_the_bureaus_block()
    {
        const int year = 2037;
        var sent = new List<string>();
        foreach (var (name, budget, executed, score) in new[] { ("生成汇总甲项目", 70m, 63m, 95.38m), ("生成汇总乙项目", 7.42m, 7.42m, 99.5m) })
        {
            var content = Samples.InYear(Samples.YiyangProject(name, budget, executed, score), year);
            var id = (await PostAs("prep-yy", "/api/submissions", new { fiscalYear = year, kind = "ProjectSelfEvaluation", title = name, content })).GetProperty("submissionId").GetGuid();
            await PostAs("prep-yy", $"/api/submissions/{id}/score", new { version = 1 });
            await PostAs("prep-yy", $"/api/submissions/{id}/submit", new { version = 2 });
            sent.Add(name);
        }
        // a draft of the year is not sent: no row
        await PostAs("prep-yy", "/api/submissions", new
        {
            fiscalYear = year, kind = "ProjectSelfEvaluation", title = "生成汇总草稿项目",
            content = Samples.InYear(Samples.YiyangProject("生成汇总草稿项目", 5m, 5m, 60m), year)
        });

        var preparer = await SignIn("prep-yy");
        var generate = preparer.Locator($"[data-generate-summary='{year}']");
        await Expect(generate).ToHaveTextAsync($"生成 {year} 年度汇总审核表（2 个项目）");
        await generate.ClickAsync();
        await preparer.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/submissions/[0-9a-f-]{36}$"));
        var summaryUrl = new Uri(preparer.Url).AbsolutePath;
        await Expect(preparer.Locator("#summary-table tbody tr[id^='summary-row-']")).ToHaveCountAsync(2);
        await Expect(preparer.Locator("#summary-average")).ToHaveTextAsync("自评价平均分 97.44");
        await Expect(preparer.Locator("#summary-form")).Not.ToContainTextAsync("生成汇总草稿项目");
        await preparer.FillAsync("#declared-expenditure", "8O");
        await preparer.ClickAsync("#save-declaration");
        await Expect(preparer.Locator("#summary-declaration .action-error")).ToContainTextAsync("项目支出总额须为以万元计的数字");
        await preparer.FillAsync("#declared-expenditure", "80");
        await preparer.FillAsync("#declared-count", "2");
        await preparer.ClickAsync("#save-declaration");
        await Expect(preparer.Locator("#summary-coverage-percent")).ToHaveTextAsync("88.03%"); // 70.42 ÷ 80
        await preparer.ClickAsync("#score");
        await Expect(preparer.Locator("#findings")).Not.ToContainTextAsync("SR-NO-PROJECTS");
        await Chromium.WaitUntilAsync(preparer, "document.body.dataset.live === 'connected'");
        await preparer.ClickAsync("#submit");
        await preparer.ClickAsync("#confirm-ok");
        await Expect(preparer.Locator("#state")).ToHaveTextAsync("已提交待审核");
        await Shot(preparer, "housekeeping-04-summary-generated");

        // 审核人 approves it on its own page, where the table is; the block is filled, on screen and on paper.
        var reviewer = await SignIn("rev");
        await reviewer.GotoAsync(summaryUrl);
        await Expect(reviewer.Locator("#summary-table tbody tr[id^='summary-row-']")).ToHaveCountAsync(2);
        await reviewer.ClickAsync("#claim");
        await Expect(reviewer.Locator("#state")).ToHaveTextAsync("审核中");
        await reviewer.CheckAsync("input[name='grade'][value='优']");
        await reviewer.FillAsync("#opinion", "同意");
        await reviewer.ClickAsync("#approve");
        await reviewer.ClickAsync("#confirm-ok");
        await Expect(reviewer.Locator("#state")).ToHaveTextAsync("审核通过");
        await Expect(reviewer.Locator("#summary-officer")).ToHaveTextAsync("张经办");
        await Expect(reviewer.Locator("#summary-opinion .chosen")).ToHaveTextAsync("■优");
        await Shot(reviewer, "housekeeping-05-summary-approved");
        await PrintedPages.PrintAsync(reviewer, "summary-generated");
        var paper = await PrintedPages.TextAsync("summary-generated");
        foreach (var expected in new[] { $"{year}年度项目支出绩效自评情况汇总审核表", sent[0], sent[1], "97.44", "张经办" }) Assert.Contains(expected, paper);
        Assert.DoesNotContain("生成汇总草稿项目", paper);

        // the generated 汇总 is the year's: no second offer
        await preparer.GotoAsync("/submissions");
        await Expect(preparer.Locator($"[data-generate-summary='{year}']")).ToHaveCountAsync(0);
    }
}
