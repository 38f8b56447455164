using Approval.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Approval.Web.Tests;

/// <summary>
/// 抽查复核 in the browser (#29.3): a reviewer sees the 自评质量 flags on an approved 自评表, draws a sample from 抽查复核, re-scores
/// the form and releases the result; the 结果应用 table takes the 复核等级; the unit's preparer sees the result on the form's page.
/// Screenshots at 1440 px: spot-check-flags.png, spot-check-drawn.png, spot-check-score-refused.png, spot-check-release-confirm.png, spot-check-released.png, spot-check-results.png,
/// spot-check-unit.png.
/// </summary>
[Collection(HeavyCollection.Name)]
public class SpotCheckBrowserTests(LiveApp app) : BrowserTest(app)
{
    private const int Year = 2019;

    [Fact]
    public async Task A_reviewer_draws_rescores_and_releases_and_the_unit_sees_the_result()
    {
        var id = await Reports.Approved(reviewer: "rev2", title: "赣服通（抽查）", year: Year);

        // the flags on the form's page
        var reviewer = await SignIn("rev");
        await reviewer.SetViewportSizeAsync(1440, 1000);
        await reviewer.GotoAsync($"/submissions/{id}");
        await Expect(reviewer.Locator("#credibility")).ToContainTextAsync("指标得分远高于预算执行率所能支撑");
        await reviewer.Locator("#credibility").ScreenshotAsync(new() { Path = Path.Combine(Shots, "spot-check-flags.png") });

        // draw from 抽查复核, found in the navigation
        await reviewer.ClickAsync("#nav-spot-checks");
        // 结果应用表 sits in line with 查看: same top, same height
        var view = await reviewer.Locator("form.filters button[type=submit]").BoundingBoxAsync();
        var results = await reviewer.Locator("#sc-results-link").BoundingBoxAsync();
        Assert.True(Math.Abs(view!.Y - results!.Y) < 1 && Math.Abs(view.Height - results.Height) < 1, $"查看 {view.Y}+{view.Height}, 结果应用表 {results.Y}+{results.Height}");
        await reviewer.FillAsync("#sc-year", Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await reviewer.FillAsync("#sc-size", "20");
        await reviewer.FillAsync("#sc-share", "0");
        await reviewer.FillAsync("#sc-seed", "2019");
        await reviewer.ClickAsync("#sc-draw-submit");
        await reviewer.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/spot-checks/[0-9a-f-]{36}$"));
        var item = reviewer.Locator($"#sc-item-{id}");
        await Expect(item.Locator(".sc-reason")).ToContainTextAsync("风险抽取");
        await Expect(item.Locator(".credibility-flags")).ToContainTextAsync("扣分却未写偏差原因和改进措施");
        await Expect(reviewer.Locator("#sc-reproduces")).ToHaveTextAsync("按记录的总体和种子重抽，结果一致");
        await Expect(reviewer.Locator("#sc-seed-value")).ToHaveTextAsync("2019");
        await Shot(reviewer, "spot-check-drawn");

        // a reason is required: refused beside its field, nothing recorded
        await item.Locator("input[name=score]").FillAsync("72.5");
        await item.Locator("form.sc-rescore button[type=submit]").ClickAsync();
        await Expect(item.Locator(".field-problem, .error-box").First).ToContainTextAsync("复核理由");

        await item.Locator("textarea[name=reasons]").FillAsync("企业满意度无调查问卷支撑；执行率 75% 而产出指标近满分，扣减虚高部分");
        await item.Locator("textarea[name=notes]").FillAsync("企业满意度：无原始问卷");
        // a score out of range: refused right under the score field, not elsewhere in the form
        await item.Locator("input[name=score]").FillAsync("150");
        await item.Locator("form.sc-rescore button[type=submit]").ClickAsync();
        await Expect(item.Locator("input[name=score] + .field-problem")).ToContainTextAsync("复核得分");
        await Shot(reviewer, "spot-check-score-refused");
        await item.Locator("input[name=score]").FillAsync("72.5");
        await item.Locator("form.sc-rescore button[type=submit]").ClickAsync();
        await Expect(item.Locator(".sc-score")).ToHaveTextAsync("72.50");
        await Expect(item.Locator(".sc-grade")).ToHaveTextAsync("中");
        // 告知单位 cannot be undone: it asks first, naming the consequence; 取消 releases nothing
        await item.Locator("form.sc-release button").ClickAsync();
        await Expect(reviewer.Locator("#confirm-dialog")).ToContainTextAsync("告知不能撤回");
        await Shot(reviewer, "spot-check-release-confirm");
        await reviewer.ClickAsync("#confirm-cancel");
        await Expect(reviewer.Locator("#confirm-dialog")).ToHaveCountAsync(0);
        await Expect(item.Locator(".sc-status")).ToContainTextAsync("尚未告知单位");
        await item.Locator("form.sc-release button").ClickAsync();
        await reviewer.ClickAsync("#confirm-ok");
        await Expect(item.Locator(".sc-status")).ToContainTextAsync("告知单位");
        await Expect(item.Locator("form.sc-rescore")).ToHaveCountAsync(0);
        await Shot(reviewer, "spot-check-released");

        // 结果应用: the final grade is the 复核等级
        await reviewer.GotoAsync($"/spot-checks/results?year={Year}");
        var row = reviewer.Locator($"#ra-rows tr[data-submission='{id}']");
        await Expect(row.Locator(".ra-final")).ToContainTextAsync("中 复核等级");
        await Expect(row.Locator(".ra-note")).ToHaveTextAsync("督促整改，压减或调整预算");
        await Shot(reviewer, "spot-check-results");

        // the unit sees the result on its form's page
        var preparer = await SignIn("prep");
        await preparer.SetViewportSizeAsync(1440, 1000);
        await preparer.GotoAsync($"/submissions/{id}");
        await Expect(preparer.Locator("#sc-rescore-score")).ToHaveTextAsync("72.50");
        await Expect(preparer.Locator("#sc-rescore-grade")).ToHaveTextAsync("中");
        await Expect(preparer.Locator("#sc-self-score")).ToHaveTextAsync("87.50");
        await Expect(preparer.Locator("#sc-rescore-reasons")).ToContainTextAsync("企业满意度无调查问卷支撑");
        await Expect(preparer.Locator("#spot-check-result a")).ToHaveCountAsync(0);
        await preparer.Locator("#spot-check-result").ScrollIntoViewIfNeededAsync();
        await preparer.Locator("#spot-check-result").ScreenshotAsync(new() { Path = Path.Combine(Shots, "spot-check-unit.png") });

        // another unit's preparer sees nothing of it
        using var other = await ApiAs("prep-other");
        Assert.Equal(404, (int)(await other.GetAsync($"/api/submissions/{id}/spot-check")).StatusCode);
    }
}
