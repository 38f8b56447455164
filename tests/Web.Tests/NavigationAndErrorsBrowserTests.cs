using System.Net.Http.Json;
using System.Text.Json;
using Approval.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Web.Tests;

/// <summary>
/// A working day's frame in a real browser, at 1440 px and at 390 px: the navigation's to-do counts per role, breadcrumbs,
/// the 404/403 pages, a lapsed sign-in, 放回队列, the queue's state filter, the live indicator and 公开's field messages.
/// </summary>
[Collection(SecondBrowserLane.Name)]
public class NavigationAndErrorsBrowserTests(LiveApp app) : BrowserTest(app)
{
    private static readonly System.Text.RegularExpressions.Regex DetailUrl = new("/submissions/[0-9a-f-]{36}$");

    private async Task<JsonElement> QueueCounts(string user)
    {
        using var http = await ApiAs(user);
        return (await http.GetFromJsonAsync<JsonElement>("/api/review-queue?state=all&pageSize=100")).GetProperty("counts");
    }

    private static async Task NoSidewaysScroll(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("document.querySelector('.topbar').scrollWidth <= window.innerWidth"), $"the top bar overflows on {page.Url}");

    [Theory]
    [InlineData(1440, 900)]
    [InlineData(390, 844)]
    public async Task Navigation_counts_breadcrumbs_release_and_the_queue_filter(int width, int height)
    {
        var waiting = await Reports.Submitted(title: $"导航测试 待审核 {width}");
        var held = await Reports.Submitted(title: $"导航测试 放回队列 {width}");
        await PostAs("rev", $"/api/submissions/{held}/claim", new { version = 3 });

        var reviewer = await SignIn("rev");
        await reviewer.SetViewportSizeAsync(width, height);
        await reviewer.GotoAsync("/review");
        await Expect(reviewer.Locator("#live-status")).ToHaveTextAsync("实时更新");
        var counts = await QueueCounts("rev");
        await Expect(reviewer.Locator("#nav-waiting .nav-count")).ToHaveTextAsync(counts.GetProperty("submitted").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(reviewer.Locator("#nav-to-publish .nav-count")).ToHaveTextAsync(counts.GetProperty("approved").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
        var mineBefore = int.Parse(await reviewer.Locator("#nav-mine .nav-count").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(mineBefore >= 1);
        await Expect(reviewer.Locator(".breadcrumbs li")).ToHaveTextAsync(["首页", "审核队列"]);
        await NoSidewaysScroll(reviewer);
        await Shot(reviewer, $"nav-01-reviewer-queue-{width}");

        // the navigation's 待审核 opens the queue filtered, and the filter shows it
        await reviewer.ClickAsync("#nav-waiting");
        await reviewer.WaitForURLAsync(url => url.EndsWith("/review?state=Submitted", StringComparison.Ordinal));
        await Expect(reviewer.Locator("#f-state")).ToHaveValueAsync("Submitted");
        await Expect(reviewer.Locator($"#queue tr[data-id='{waiting}']")).ToHaveCountAsync(1);
        await Expect(reviewer.Locator($"#queue tr[data-id='{held}']")).ToHaveCountAsync(0);
        // 全部 is a filter like the others, kept in the address
        await reviewer.SelectOptionAsync("#f-state", "all");
        await reviewer.WaitForURLAsync(url => url.EndsWith("/review?state=all", StringComparison.Ordinal));
        await Expect(reviewer.Locator($"#queue tr[data-id='{held}'] .holder")).ToHaveTextAsync("张经办");
        await Shot(reviewer, $"nav-02-queue-all-{width}");

        // 放回队列 from the report's page: breadcrumbs lead back to the queue
        await reviewer.GotoAsync($"/submissions/{held}");
        await Expect(reviewer.Locator(".breadcrumbs li")).ToHaveTextAsync(["首页", "审核队列", $"导航测试 放回队列 {width}"]);
        await reviewer.FillAsync("#release-reason", "回避");
        await Shot(reviewer, $"nav-03-release-{width}");
        await reviewer.ClickAsync("#release");
        await Expect(reviewer.Locator("#state")).ToHaveTextAsync("已提交待审核");
        await Expect(reviewer.Locator("#claim")).ToBeVisibleAsync();
        await Expect(reviewer.Locator("#nav-mine .nav-count")).ToHaveTextAsync((mineBefore - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await reviewer.ClickAsync(".breadcrumbs a[href='/review']");
        await reviewer.SelectOptionAsync("#f-state", "Submitted");
        await Expect(reviewer.Locator($"#queue tr[data-id='{held}'] .holder")).ToHaveTextAsync("—");

        // 填报人: their unit's drafts and returns, nothing of review
        var preparer = await SignIn("prep");
        await preparer.SetViewportSizeAsync(width, height);
        await Expect(preparer.Locator("#nav-drafts .nav-count")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^\\d+$"));
        await Expect(preparer.Locator("#nav-returned")).ToBeVisibleAsync();
        await Expect(preparer.Locator("#nav-waiting")).ToHaveCountAsync(0);
        await NoSidewaysScroll(preparer);
        await Shot(preparer, $"nav-04-preparer-{width}");
    }

    [Theory]
    [InlineData(1440, 900)]
    [InlineData(390, 844)]
    public async Task Error_pages_in_chinese_with_a_way_back(int width, int height)
    {
        var id = await Reports.Submitted(title: $"别的单位看不到的报告 {width}");

        // anonymous: an unknown address is the 404 page; a work page asks to sign in and comes back
        var anonymous = await (await People.NewPersonAsync()).NewPageAsync();
        await anonymous.SetViewportSizeAsync(width, height);
        var missing = await anonymous.GotoAsync("/no-such-page");
        Assert.Equal(404, missing!.Status);
        await Expect(anonymous.Locator("#error-page h1")).ToHaveTextAsync("页面不存在");
        await Expect(anonymous.Locator("#error-home")).ToHaveAttributeAsync("href", "/");
        await NoSidewaysScroll(anonymous);
        await Shot(anonymous, $"err-01-anonymous-404-{width}");
        // a control character in a page's query: the 400 page (the API answers it with a problem), and a sign-in form
        // holding one in the name says 400 too (its re-executed post once read the form and said 404)
        var controlled = await anonymous.GotoAsync("/public?q=%00");
        Assert.Equal(400, controlled!.Status);
        await Expect(anonymous.Locator("#error-page h1")).ToHaveTextAsync("请求无效");
        // a filter value too long for an address: the 414 page (the API answers a problem)
        var tooLong = await anonymous.GotoAsync("/public?bureau=" + new string('a', 10_000));
        Assert.Equal(414, tooLong!.Status);
        await Expect(anonymous.Locator("#error-page h1")).ToHaveTextAsync("地址过长");
        await anonymous.GotoAsync("/login");
        await anonymous.FillAsync("#UserName", "prep\u0000");
        await anonymous.FillAsync("#Password", "x");
        var signIn = await anonymous.RunAndWaitForResponseAsync(() => anonymous.ClickAsync("button[type=submit]"), r => r.Url.EndsWith("/login", StringComparison.Ordinal));
        Assert.Equal(400, signIn.Status);
        await Expect(anonymous.Locator("#error-page h1")).ToHaveTextAsync("请求无效");
        await Expect(anonymous.Locator("#error-page")).ToContainTextAsync("错误代码 400");
        await anonymous.GotoAsync("/review");
        await Expect(anonymous).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login\\?ReturnUrl=%2Freview$"));

        // a preparer on the reviewers' pages: 403, naming their own pages
        var preparer = await SignIn("prep");
        await preparer.SetViewportSizeAsync(width, height);
        foreach (var url in new[] { "/review", "/dashboard", "/audit" })
        {
            var refused = await preparer.GotoAsync(url);
            Assert.Equal(403, refused!.Status);
            await Expect(preparer.Locator("#error-page h1")).ToHaveTextAsync("无权限访问此页面");
            await Expect(preparer.Locator("#error-own-pages")).ToHaveAttributeAsync("href", "/submissions");
        }
        await Shot(preparer, $"err-02-preparer-403-{width}");
        await preparer.ClickAsync("#error-back");
        await Expect(preparer).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/audit$|/dashboard$|/submissions$"));

        // another unit's report: the 404 page, and nothing of the report
        var other = await SignIn("prep-other");
        await other.SetViewportSizeAsync(width, height);
        var hidden = await other.GotoAsync($"/submissions/{id}");
        Assert.Equal(404, hidden!.Status);
        await Expect(other.Locator("#error-page h1")).ToHaveTextAsync("页面不存在");
        Assert.DoesNotContain("别的单位看不到的报告", await other.ContentAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("上饶市大数据发展管理局", await other.ContentAsync(), StringComparison.Ordinal);
        await Shot(other, $"err-03-other-unit-404-{width}");

        // a sign-in may only send people to pages of this site
        var visitor = await (await People.NewPersonAsync()).NewPageAsync();
        await visitor.GotoAsync("/login?ReturnUrl=https%3A%2F%2Fevil.example%2Fphish");
        await visitor.FillAsync("#UserName", "prep");
        await visitor.FillAsync("#Password", TestOrganization.Password);
        await visitor.ClickAsync("button[type=submit]");
        await Expect(visitor).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(App.BaseUrl.TrimEnd('/')) + "/submissions$"));
    }

    [Fact]
    public async Task A_lapsed_sign_in_says_so_and_brings_the_person_back_to_the_same_page()
    {
        var id = await Reports.Submitted(title: "会话过期测试");
        var reviewer = await SignIn("rev");
        await reviewer.GotoAsync($"/submissions/{id}");
        await Expect(reviewer.Locator("#claim")).ToBeVisibleAsync();
        // what an editor does with the hook: note the moment, before anything navigates
        await reviewer.EvaluateAsync("document.addEventListener('session-expired', e => { document.body.dataset.expiredFor = e.detail.returnUrl; })");

        await reviewer.Context.ClearCookiesAsync();
        await reviewer.ClickAsync("#claim");
        var banner = reviewer.Locator("#session-expired");
        await Expect(banner).ToBeVisibleAsync();
        await Expect(banner).ToContainTextAsync("登录已过期");
        await Expect(reviewer.Locator("#session-login")).ToHaveAttributeAsync("href", $"/login?ReturnUrl={Uri.EscapeDataString($"/submissions/{id}")}");
        Assert.Equal($"/submissions/{id}", await reviewer.EvaluateAsync<string>("document.body.dataset.expiredFor"));
        await Shot(reviewer, "session-01-expired");

        await reviewer.ClickAsync("#session-login");
        await reviewer.FillAsync("#UserName", "rev");
        await reviewer.FillAsync("#Password", TestOrganization.Password);
        await reviewer.ClickAsync("button[type=submit]");
        await Expect(reviewer).ToHaveURLAsync(DetailUrl);
        Assert.EndsWith($"/submissions/{id}", reviewer.Url, StringComparison.Ordinal);
        await reviewer.ClickAsync("#claim");
        await Expect(reviewer.Locator("#state")).ToHaveTextAsync("审核中");
    }

    [Fact]
    public async Task The_live_indicator_tells_the_truth_about_the_connection()
    {
        var reviewer = await SignIn("rev");
        await Expect(reviewer.Locator("#live-status")).ToHaveTextAsync("实时更新");

        // the hub out of reach: no claim of live updates, and a way to retry
        var cut = await (await People.NewPersonAsync()).NewPageAsync();
        await cut.Context.RouteAsync("**/hubs/**", route => route.AbortAsync());
        await Chromium.SignInAsync(cut.Context, "rev", TestOrganization.Password);
        var page = cut.Context.Pages[^1];
        await page.GotoAsync("/review");
        await Expect(page.Locator("#live-status")).ToHaveTextAsync("连接已断开（点击重试）");
        await Expect(page.Locator("#live-status")).ToHaveAttributeAsync("role", "button");
        await Shot(page, "live-01-disconnected");
        await cut.Context.UnrouteAsync("**/hubs/**");
        await page.ClickAsync("#live-status");
        await Expect(page.Locator("#live-status")).ToHaveTextAsync("实时更新");
    }

    [Fact]
    public async Task Publishing_without_its_entries_shows_each_message_beside_its_field()
    {
        var id = await Reports.Submitted(title: "公开检查（浏览器）");
        await PostAs("rev", $"/api/submissions/{id}/claim", new { version = 3 });
        await PostAs("rev", $"/api/submissions/{id}/approve", new { version = 4, grade = "良", overrideReason = "已核", opinion = "同意", signature = "张经办", stamp = "章" });
        var reviewer = await SignIn("rev");
        await reviewer.GotoAsync($"/submissions/{id}");
        await Expect(reviewer.Locator("#nav-to-publish .nav-count")).Not.ToHaveTextAsync("0");
        await reviewer.FillAsync("#publisher", "");
        await reviewer.ClickAsync("#publish");
        await Expect(reviewer.Locator(".field-problem")).ToHaveTextAsync(["请填写索引号", "请填写发布机构", "公开前须完成保密审查", "公开前须经主要负责人审签"]);
        await Expect(reviewer.Locator("#confirm-dialog")).Not.ToBeVisibleAsync(); // said before any "are you sure?", never after it
        await Expect(reviewer.Locator("#problem-index-number")).ToHaveTextAsync("请填写索引号");
        await Expect(reviewer.Locator("#index-number")).ToHaveAttributeAsync("aria-invalid", "true");
        await Shot(reviewer, "publish-01-every-field-named");
    }
}
