using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Approval.Web.Submissions.Queries;
using Approval.Web.Tests.Infrastructure;
using Approval.Workflow.Submissions;

namespace Approval.Web.Tests;

/// <summary>
/// 放回队列 over HTTP, the queue's state filter, 公开's gates named in one problem, the navigation's counts and the
/// error pages: HTML in Chinese for a browser, problem JSON for the API.
/// </summary>
[Collection(ApiLane.Name)]
public class ReleaseQueueAndErrorPagesTests(WorkflowFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.BeginClassAsync(GetType());
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<HttpResponseMessage> Page(string? user, string url)
    {
        using var client = app.Host.Server.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        if (user is not null) request.Headers.Authorization = new("Bearer", await app.TokenFor(user));
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task The_holder_releases_a_claim_and_the_queue_shows_it_unclaimed()
    {
        var id = await app.Reports.Submitted(title: "放回队列测试");
        await app.Command("rev", $"/api/submissions/{id}/claim", new { version = 3 });

        var other = await app.Command("rev2", $"/api/submissions/{id}/release", new { version = 4 }, 409);
        Assert.Equal("held-by-other", other.GetProperty("code").GetString());
        await app.Command("rev-other", $"/api/submissions/{id}/release", new { version = 4 }, 404); // another section's: not even there
        await app.Command("prep", $"/api/submissions/{id}/release", new { version = 4 }, 403);
        var stale = await app.Command("rev", $"/api/submissions/{id}/release", new { version = 3 }, 409);
        Assert.Equal(4, stale.GetProperty("currentVersion").GetInt64());
        Assert.Equal(4, await app.StreamVersion(id));

        var released = await app.Command("rev", $"/api/submissions/{id}/release", new { version = 4, reason = "回避" });
        Assert.Equal(["ReviewReleased"], released.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
        var submission = await app.Load(id);
        Assert.Equal((SubmissionState.Submitted, null), (submission.State, submission.ClaimedBy));
        await app.Command("rev", $"/api/submissions/{id}/release", new { version = 5 }, 409); // nothing held any more

        var queue = await app.Get<ReviewQueue>("rev2", "/api/review-queue?state=Submitted");
        var item = Assert.Single(queue.Items, i => i.Id == id);
        Assert.Equal((SubmissionState.Submitted, (string?)null, (string?)null), (item.State, item.ClaimedById, item.ClaimedByName));
        var history = await app.Get<JsonElement>("audit", $"/api/submissions/{id}/history");
        Assert.Contains(history.EnumerateArray(), h => h.GetProperty("summary").GetString() == "张经办 放回审核队列：回避");

        await app.Command("rev2", $"/api/submissions/{id}/claim", new { version = 5 });
        Assert.Equal("rev2", (await app.Load(id)).ClaimedBy?.UserId);
    }

    [Fact]
    public async Task The_queue_filters_every_state_all_of_them_and_what_I_hold()
    {
        var held = await app.Reports.Submitted(title: "我领取的");
        var waiting = await app.Reports.Submitted(title: "等待领取的");
        await app.Command("rev", $"/api/submissions/{held}/claim", new { version = 3 });

        var open = await app.Get<ReviewQueue>("rev", "/api/review-queue?pageSize=100");
        Assert.Contains(open.Items, i => i.Id == held);
        Assert.Contains(open.Items, i => i.Id == waiting);
        var all = await app.Get<ReviewQueue>("rev", "/api/review-queue?state=all&pageSize=100");
        Assert.Equal(all.Counts.Submitted + all.Counts.InReview + all.Counts.Returned + all.Counts.Approved + all.Counts.Published, all.Total);
        var mine = await app.Get<ReviewQueue>("rev", "/api/review-queue?state=InReview&mine=true&pageSize=100");
        Assert.Contains(mine.Items, i => i.Id == held);
        Assert.All(mine.Items, i => Assert.Equal("rev", i.ClaimedById));
        Assert.DoesNotContain((await app.Get<ReviewQueue>("rev2", "/api/review-queue?mine=true&pageSize=100")).Items, i => i.Id == held);
        Assert.DoesNotContain((await app.Get<ReviewQueue>("rev", "/api/review-queue?state=Returned&pageSize=100")).Items, i => i.State != SubmissionState.Returned);

        var bad = await app.Send("rev", HttpMethod.Get, "/api/review-queue?state=Draft");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("状态只能是", (await bad.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publishing_without_its_index_entry_and_gates_names_every_field_in_one_problem()
    {
        var id = await app.Reports.Submitted(title: "公开检查");
        await app.Command("rev", $"/api/submissions/{id}/claim", new { version = 3 });
        await app.Command("rev", $"/api/submissions/{id}/approve", new { version = 4, grade = "良", opinion = "同意", signature = "张经办", stamp = "章" });

        var problem = await app.Command("rev", $"/api/submissions/{id}/publish",
            new { version = 5, indexNumber = "", publisher = " ", confidentialityReviewed = false, principalSigned = false }, 400);
        Assert.Equal("publication-incomplete", problem.GetProperty("code").GetString());
        var errors = problem.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("field").GetString(), e.GetProperty("message").GetString())).ToList();
        Assert.Equal([("indexNumber", "请填写索引号"), ("publisher", "请填写发布机构"), ("confidentialityReviewed", "公开前须完成保密审查"), ("principalSigned", "公开前须经主要负责人审签")], errors);
        Assert.Equal(5, await app.StreamVersion(id));

        var one = await app.Command("rev", $"/api/submissions/{id}/publish",
            new { version = 5, indexNumber = "X-1", publisher = "单位", confidentialityReviewed = true, principalSigned = false }, 400);
        Assert.Equal("principalSigned", Assert.Single(one.GetProperty("errors").EnumerateArray()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_browser_gets_chinese_error_pages_and_the_api_keeps_its_problems()
    {
        var missing = await Page("prep", "/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.StartsWith("text/html", missing.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        var html = await missing.Content.ReadAsStringAsync();
        Assert.Contains("页面不存在", html, StringComparison.Ordinal);
        Assert.Contains("返回首页", html, StringComparison.Ordinal);
        Assert.Contains("id=\"nav-drafts\"", html, StringComparison.Ordinal); // in the layout, with the person's navigation

        var apiMissing = await Page("prep", "/api/no-such");
        Assert.Equal(HttpStatusCode.NotFound, apiMissing.StatusCode);
        Assert.Equal("application/problem+json", apiMissing.Content.Headers.ContentType?.MediaType);
        Assert.Equal("not-found", JsonDocument.Parse(await apiMissing.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());

        var forbidden = await Page("prep", "/review");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        var refusal = await forbidden.Content.ReadAsStringAsync();
        Assert.Contains("无权限访问", refusal, StringComparison.Ordinal);
        Assert.Contains("href=\"/submissions\"", refusal, StringComparison.Ordinal);
        foreach (var url in new[] { "/dashboard", "/audit" })
            Assert.Equal(HttpStatusCode.Forbidden, (await Page("prep", url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Page("rev", "/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Page("rev", "/submissions")).StatusCode);

        var anonymous = await Page(null, "/review?state=Submitted");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal("/login?ReturnUrl=%2Freview%3Fstate%3DSubmitted", anonymous.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task Another_units_report_is_the_404_page_and_shows_nothing_of_it()
    {
        var id = await app.Reports.Submitted(title: "保密的报告标题");
        var page = await Page("prep-other", $"/submissions/{id}");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("页面不存在", html, StringComparison.Ordinal);
        Assert.DoesNotContain("保密的报告标题", html, StringComparison.Ordinal);
        Assert.DoesNotContain("上饶市大数据发展管理局", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_navigation_counts_each_roles_work_in_its_own_scope()
    {
        var waiting = await app.Reports.Submitted(title: "计数：待审核");
        var held = await app.Reports.Submitted(title: "计数：审核中");
        await app.Command("rev", $"/api/submissions/{held}/claim", new { version = 3 });
        await app.Command("prep", "/api/submissions", new { fiscalYear = 2021, kind = SubmissionKind.ProjectSelfEvaluation, title = "计数：草稿", content = Samples.Ganfutong() }, 201);

        var rev = await app.Get<ReviewQueue>("rev", "/api/review-queue?state=all&pageSize=100");
        var revPage = await (await Page("rev", "/review")).Content.ReadAsStringAsync();
        Assert.Equal(rev.Counts.Submitted, Count(revPage, "nav-waiting"));
        Assert.Equal(rev.Items.Count(i => i.State == SubmissionState.InReview && i.ClaimedById == "rev"), Count(revPage, "nav-mine"));
        Assert.Equal(rev.Counts.Approved, Count(revPage, "nav-to-publish"));
        var rev2Page = await (await Page("rev2", "/review")).Content.ReadAsStringAsync();
        Assert.Equal(rev.Items.Count(i => i.State == SubmissionState.InReview && i.ClaimedById == "rev2"), Count(rev2Page, "nav-mine"));
        Assert.True(Count(revPage, "nav-mine") >= 1);
        // another section's reviewer counts none of S-1's work
        var otherPage = await (await Page("rev-other", "/review")).Content.ReadAsStringAsync();
        var other = await app.Get<ReviewQueue>("rev-other", "/api/review-queue?state=all&pageSize=100");
        Assert.Equal(other.Counts.Submitted, Count(otherPage, "nav-waiting"));
        Assert.True(Count(revPage, "nav-waiting") > Count(otherPage, "nav-waiting"));

        var mine = await app.Get<JsonElement>("prep", "/api/submissions?pageSize=100");
        var prepPage = await (await Page("prep", "/submissions")).Content.ReadAsStringAsync();
        Assert.Equal(mine.GetProperty("items").EnumerateArray().Count(s => s.GetProperty("state").GetString() == "Draft"), Count(prepPage, "nav-drafts"));
        Assert.Equal(0, Count(await (await Page("prep-other", "/submissions")).Content.ReadAsStringAsync(), "nav-drafts"));
        _ = waiting;
    }

    /// <summary>The count the navigation shows beside the link with this id.</summary>
    private static int Count(string html, string linkId)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, $"id=\"{linkId}\"[^>]*>[^<]*<span class=\"nav-count[^\"]*\"[^>]*>(\\d+)</span>");
        Assert.True(match.Success, $"no count for {linkId}");
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
