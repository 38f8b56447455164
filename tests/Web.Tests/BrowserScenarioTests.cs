using System.Net.Http.Json;
using Approval.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Web.Tests;

/// <summary>
/// The review workflow in a real browser (Debian's Chromium driven by Playwright): a preparer and a reviewer
/// in two contexts, the reviewer's queue updating live over SignalR. Screenshots of every step go to
/// TestResults/screenshots.
/// </summary>
[Collection(HeavyCollection.Name)]
public class BrowserScenarioTests(LiveApp app) : BrowserTest(app)
{
    private Task<IBrowserContext> NewBrowser() => People.NewPersonAsync();

    [Fact]
    public async Task Preparer_submits_reviewer_returns_preparer_revises_reviewer_approves_public_sees_it()
    {
        const string title = "赣服通 2021 绩效自评（浏览器测试）";
        var reviewer = await SignIn("rev");
        await Expect(reviewer).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/review$"));
        await Chromium.WaitUntilAsync(reviewer, "document.body.dataset.live === 'connected'");
        await Shot(reviewer, "01-reviewer-queue-empty");

        // 填报人: paste the 自评表, see its score, submit.
        var preparer = await SignIn("prep");
        await Expect(preparer).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/submissions$"));
        await preparer.FillAsync("#new-year", "2021");
        await preparer.FillAsync("#new-title", title);
        await preparer.FillAsync("#new-text", Samples.GanfutongFormText());
        await preparer.ClickAsync("#create");
        await preparer.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/submissions/[0-9a-f-]{36}$"));
        await preparer.ClickAsync("#score");
        await Expect(preparer.Locator("#total")).ToHaveTextAsync("81.34");
        // weights 85, not 100: the recomputed 良 is no suggestion — 不可信, naming the errors it depends on
        await Expect(preparer.Locator("#suggested")).ToHaveTextAsync("不可信（4 处错误会改变总分，见检查结果）"); // a sentence: the rule ids are in the list
        await Expect(preparer.Locator("#findings")).ToContainTextAsync("「企业满意度」填报得分 4.5 与按规则计算的 4.84 不一致");
        await Expect(preparer.Locator("#row-13")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("\\bflag-error\\b")); // the finding points at its row
        // the whole form as filed: header block, 年度总体目标, the 总分 row as printed (90, whereas its weights add to 85)
        await Expect(preparer.Locator("#h-project")).ToHaveTextAsync("“赣服通”上饶分厅4.0版项目");
        await Expect(preparer.Locator("#h-implementing")).ToHaveTextAsync("上饶市大数据发展管理局");
        await Expect(preparer.Locator("#goal-expected")).ToContainTextAsync("全力推广“赣通分”应用服务");
        await Expect(preparer.Locator("#stated-weight-total")).ToHaveTextAsync("90.00");
        await Expect(preparer.Locator("#total-row")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("\\bflag-error\\b"));
        await Expect(preparer.Locator("#findings")).ToContainTextAsync("总分行分值填 90，但各项分值之和为 85");
        await Expect(preparer.Locator("#indicator-table td.level", new() { HasText = "产出指标（50分）" })).ToHaveAttributeAsync("rowspan", "11");
        await Shot(preparer, "02-preparer-scored");
        var printed = await PrintedPages.PrintAsync(preparer, "self-evaluation-ganfutong-2021");
        Assert.NotEmpty(printed);
        var paper = await PrintedPages.TextAsync("self-evaluation-ganfutong-2021");
        foreach (var expected in new[] { "项目支出绩效自评表", "2021 年度", "金额单位：万元", "“赣服通”上饶分厅4.0版项目", "预期目标", "实际完成情况", "三级指标", "企业满意度", "87.50", "评价等级", "☑", "审核时间" })
            Assert.Contains(expected, paper);
        Assert.DoesNotContain("检查结果", paper); // the screen's findings and actions are not part of the paper form
        Assert.DoesNotContain("系统 4.84", paper);
        Assert.Contains("x 841.92 pts (A4)", (await PrintedPages.InfoAsync("self-evaluation-ganfutong-2021")).Size); // A4 portrait: the form is 9 columns wide

        // 提交 with errors asks first and names them; cancelling changes nothing.
        await Chromium.WaitUntilAsync(preparer, "document.body.dataset.live === 'connected'");
        await preparer.ClickAsync("#submit");
        await Expect(preparer.Locator("#confirm-dialog")).ToContainTextAsync("「企业满意度」填报得分 4.5 与按规则计算的 4.84 不一致");
        await Shot(preparer, "02b-preparer-confirm-submit");
        await preparer.ClickAsync("#confirm-cancel");
        await Expect(preparer.Locator("#state")).ToHaveTextAsync("草稿");
        var waitingBefore = int.Parse(await reviewer.Locator("#nav-waiting .nav-count").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        await preparer.ClickAsync("#submit");
        await preparer.ClickAsync("#confirm-ok");
        await Expect(preparer.Locator("#state")).ToHaveTextAsync("已提交待审核");
        // the reviewer's 待审核 badge moves with the notification, without a reload
        await Expect(reviewer.Locator("#nav-waiting .nav-count")).ToHaveTextAsync($"{waitingBefore + 1}");
        await Chromium.WaitUntilAsync(preparer, "document.body.dataset.live === 'connected'");

        // 审核人: the new submission appears in the open queue without reloading (how fast: the benchmark's
        // notification and projection-lag figures; here only that it comes, on however loaded a machine).
        var row = reviewer.Locator("#queue tbody tr", new() { HasText = title });
        await Expect(row).ToBeVisibleAsync();
        await Shot(reviewer, "03-reviewer-queue-live");
        await row.Locator("a").ClickAsync();
        await reviewer.ClickAsync("#claim");
        await Expect(reviewer.Locator("#state")).ToHaveTextAsync("审核中");
        await Expect(preparer.Locator("#state")).ToHaveTextAsync("审核中"); // the preparer's open page says so too, live
        await reviewer.FillAsync("#return-reason-text", "满意度指标得分计算有误，请按公式重新计分。");
        await reviewer.FillAsync(".row-remark[data-row-label='企业满意度']", "实际 92% 未达 95%：92 ÷ 95 × 5 = 4.84");
        await Shot(reviewer, "04-reviewer-return");
        await reviewer.ClickAsync("#return");
        await Expect(reviewer.Locator("#confirm-dialog")).ToContainTextAsync("退回后本轮审核结束");
        await reviewer.ClickAsync("#confirm-ok");
        await Expect(reviewer.Locator("#state")).ToHaveTextAsync("已退回修改");

        // 填报人 sees the return live, revises the row and resubmits.
        await Expect(preparer.Locator(".toast", new() { HasText = "已退回修改" })).ToBeVisibleAsync();
        await Shot(preparer, "05-preparer-return-toast");
        await preparer.ClickAsync("#refresh");
        await Expect(preparer.Locator("#return-reason")).ToContainTextAsync("满意度指标得分计算有误");
        await preparer.ClickAsync("#edit-form"); // the form itself turns into its edit mode
        var editorRow = preparer.Locator("#indicator-editor tbody tr[data-index='12']");
        await Expect(editorRow.Locator("textarea[data-field='name']")).ToHaveValueAsync("企业满意度");
        await editorRow.Locator("input[data-field='statedScore']").FillAsync("四点八");
        await Expect(editorRow.Locator("td:has(input[data-field='statedScore']) .field-error")).ToHaveTextAsync("「第 13 行 得分」须为数字"); // said at the field, never saved as blank
        await editorRow.Locator("input[data-field='statedScore']").FillAsync("4.84");
        // the 总分 row and the printed grade are the form's too: correct them where the running sums show the truth
        await Expect(preparer.Locator("#running-sums")).ToContainTextAsync("分值合计（含预算执行）85.00（与总分分值不一致）");
        await preparer.ClickAsync("#use-sums");
        await Expect(preparer.Locator("#f-weight-total")).ToHaveValueAsync("85");
        await Expect(preparer.Locator("#f-total")).ToHaveValueAsync("81.34");
        await preparer.SelectOptionAsync("#f-grade", "良");
        await preparer.FillAsync("#f-goal-actual", "按期完成全部建设内容。");
        await Expect(preparer.Locator("#editor-status")).ToHaveTextAsync("未保存的修改");
        await preparer.EvaluateAsync("window.beforeSave = true");
        await preparer.ClickAsync("#save");
        await Chromium.WaitUntilAsync(preparer, "window.beforeSave === undefined && document.readyState === 'complete'"); // the page reloaded
        await Expect(preparer.Locator("#editor-status")).ToHaveTextAsync("已保存");
        await Expect(preparer.Locator("#row-13")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("\\bflag-error\\b")); // 4.84 now follows the rule
        await Expect(preparer.Locator("#total")).ToHaveTextAsync("81.34");
        await Expect(preparer.Locator("#stated-weight-total")).ToHaveTextAsync("85.00");
        await Expect(preparer.Locator("#goal-actual")).ToHaveTextAsync("按期完成全部建设内容。");
        await Expect(preparer.Locator("#findings")).Not.ToContainTextAsync("总分行分值填"); // the wrong 总分 is corrected
        await Expect(preparer.Locator("#findings")).Not.ToContainTextAsync("表中评为「优」");
        await Shot(preparer, "06-preparer-revised");
        await preparer.ClickAsync("#submit");
        await preparer.ClickAsync("#confirm-ok"); // the template's level-1 weights are still not met
        await Expect(preparer.Locator("#state")).ToHaveTextAsync("已提交待审核");

        // 审核人 approves with 良 (preselected: the system makes no suggestion it cannot trust, so no reason is asked).
        await reviewer.GotoAsync("/review");
        await Expect(reviewer.Locator("#queue tbody tr", new() { HasText = title })).ToBeVisibleAsync();
        await reviewer.Locator("#queue tbody tr", new() { HasText = title }).Locator("a").ClickAsync();
        await Expect(reviewer.Locator("#round-diff")).ToContainTextAsync("指标「企业满意度」得分：4.5 → 4.84");
        await Expect(reviewer.Locator("#round-diff")).ToContainTextAsync("总分分值：90 → 85");
        await reviewer.ClickAsync("#claim");
        await Expect(reviewer.Locator("input[name='grade'][value='良']")).ToBeCheckedAsync();
        await Shot(reviewer, "07-reviewer-approve");
        await Expect(reviewer.Locator("#signature")).ToHaveTextAsync("张经办"); // signed as the signed-in reviewer, not typed
        await reviewer.ClickAsync("#approve");
        await Expect(reviewer.Locator("#confirm-dialog")).ToContainTextAsync("审核通过");
        await reviewer.ClickAsync("#confirm-ok");
        await Expect(reviewer.Locator("#approved-grade")).ToHaveTextAsync("良");
        await Expect(reviewer.Locator("#review-officer")).ToHaveTextAsync("张经办");
        await Expect(reviewer.Locator("#reviewer-block .grade-choice.marked")).ToContainTextAsync("良");

        // 填报人 sees the result live.
        await Expect(preparer.Locator(".toast", new() { HasText = "审核通过：良" })).ToBeVisibleAsync();
        await Shot(preparer, "08-preparer-approved-toast");

        // 公开: the reviewer publishes; the public page lists it.
        await reviewer.FillAsync("#index-number", "SRBD-2021-0007");
        await reviewer.CheckAsync("#confidentiality");
        await reviewer.CheckAsync("#principal");
        await reviewer.ClickAsync("#publish");
        await reviewer.ClickAsync("#confirm-ok");
        await Expect(reviewer.Locator("#state")).ToHaveTextAsync("已公开");

        var visitor = await (await NewBrowser()).NewPageAsync();
        await visitor.GotoAsync("/public"); // the catalogue is written with the publication: no waiting for it
        await Expect(visitor.Locator("#public-reports")).ToContainTextAsync(title);
        await Shot(visitor, "09-public-list");
        await visitor.Locator("#public-reports a", new() { HasText = title }).ClickAsync();
        await Expect(visitor.Locator("h1")).ToHaveTextAsync(title);
        await Expect(visitor.Locator("#reviewer-block .grade-choice.marked")).ToContainTextAsync("良");
        await Expect(visitor.Locator("#funds-total")).ToContainTextAsync("75.00%"); // 执行率 = 321 ÷ 428, also after the editor saved it
        await Shot(visitor, "10-public-report");
        await PrintedPages.PrintAsync(visitor, "public-report-ganfutong-2021");
        var published = await PrintedPages.TextAsync("public-report-ganfutong-2021");
        foreach (var expected in new[] { "项目支出绩效自评表", "2021 年度", "金额单位：万元", "按期完成全部建设内容。", "审核意见", "☑", "审核时间" })
            Assert.Contains(expected, published);
        Assert.DoesNotContain("保密审查", published); // internal flags are not part of what is published
        Assert.DoesNotContain("张经办", published); // nor the officer's name
    }

    [Fact]
    public async Task Auditor_sees_the_timeline_travels_in_time_and_compares_versions_and_the_dashboard_charts()
    {
        using var http = new HttpClient { BaseAddress = new Uri(App.BaseUrl) };
        async Task<string> Token(string user)
        {
            var login = await http.PostAsJsonAsync("/api/auth/login", new { userName = user, password = TestOrganization.Password });
            return (await login.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessToken").GetString()!;
        }
        async Task<System.Text.Json.JsonElement> Call(string user, HttpMethod method, string url, object body)
        {
            var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body, options: WorkflowFixture.Json) };
            request.Headers.Authorization = new("Bearer", await Token(user));
            var response = await http.SendAsync(request);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            return await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        }
        var form = Samples.GanfutongForm();
        var created = await Call("prep", HttpMethod.Post, "/api/submissions", new { fiscalYear = 2021, kind = "ProjectSelfEvaluation", title = "审计测试报告", content = new { projectForm = form } });
        var id = created.GetProperty("submissionId").GetGuid();
        var changed = form with { Funds = form.Funds with { Total = form.Funds.Total with { Executed = 330m } } };
        await Call("prep", HttpMethod.Put, $"/api/submissions/{id}/content", new { version = 1, content = new { projectForm = changed } });
        await Call("prep", HttpMethod.Post, $"/api/submissions/{id}/score", new { version = 2 });
        await Call("prep", HttpMethod.Post, $"/api/submissions/{id}/submit", new { version = 3 });

        var auditor = await SignIn("audit");
        await auditor.GotoAsync($"/audit/{id}");
        await Expect(auditor.Locator("#timeline li")).ToHaveCountAsync(4);
        await Expect(auditor.Locator("#timeline")).ToContainTextAsync("王填报（填报人）修改报告（第 2 版）：全年执行数：321.00 → 330");
        await auditor.Locator("#timeline li").First.Locator("button").ClickAsync();
        await Expect(auditor.Locator("#as-of")).ToContainTextAsync("第 1 版时");
        await auditor.SelectOptionAsync("#diff-from", "1");
        await auditor.SelectOptionAsync("#diff-to", "2");
        await auditor.ClickAsync("#diff");
        await Expect(auditor.Locator("#diff-result")).ToContainTextAsync("全年执行数：321.00 → 330");
        await Shot(auditor, "11-auditor-timeline");

        var csv = await auditor.APIRequest.GetAsync($"/api/submissions/{id}/history.csv");
        Assert.Contains("修改报告", await csv.TextAsync());

        var reviewer = await SignIn("rev");
        await reviewer.GotoAsync("/dashboard");
        await Expect(reviewer.Locator("#d-states tbody tr")).ToHaveCountAsync(5);
        await Expect(reviewer.Locator("#d-units")).ToContainTextAsync("上饶市大数据发展管理局");
        await Shot(reviewer, "12-dashboard");
    }
}
