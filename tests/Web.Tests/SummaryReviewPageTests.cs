using System.Net;
using Approval.Web.Tests.Infrastructure;
using Approval.Workflow.Submissions;

namespace Approval.Web.Tests;

/// <summary>
/// The 汇总审核表 page (/units/{unit}/summary/{year}) over HTTP: who may read it — the same rule as the API — and that
/// a refusal gives nothing of the unit away; what the unit and its section see on it.
/// </summary>
[Collection(ApiLane.Name)]
public class SummaryReviewPageTests(WorkflowFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.BeginClassAsync(GetType());
    public Task DisposeAsync() => Task.CompletedTask;

    private const string Url = "/units/U-YY/summary/2021";
    private static readonly string[] UnitData = ["弋阳县政务服务中心", "政府购买工作人员14名", "公共资源交易中心日常运转", "尚未提交的草稿项目", "70.00", "97.44"];

    /// <summary>The page as a browser asks for it (HTML), signed in as <paramref name="user"/> (null: anonymous).</summary>
    private async Task<(HttpStatusCode Status, string Body, Uri? Location)> Page(string? user, string url = Url)
    {
        using var client = app.Host.Server.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("text/html");
        if (user is not null) request.Headers.Authorization = new("Bearer", await app.TokenFor(user));
        var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location);
    }

    private async Task AssertHidden(string? user, string url = Url)
    {
        var (status, body, _) = await Page(user, url);
        Assert.Equal(HttpStatusCode.NotFound, status);
        foreach (var secret in UnitData) Assert.DoesNotContain(secret, body);
    }

    [Fact]
    public async Task Only_the_unit_its_section_auditors_and_admins_see_the_page_and_a_refusal_tells_nothing()
    {
        var first = await app.Reports.Draft("prep-yy", "汇总页测试", Samples.YiyangProject("政府购买工作人员14名", 70m, 63m, 95.38m));
        var second = await app.Reports.Draft("prep-yy", "汇总页测试", Samples.YiyangProject("公共资源交易中心日常运转", 7.42m, 7.42m, 99.5m));
        var withoutExecution = Samples.YiyangProject("尚未提交的草稿项目", 12.34m, 0m, 60m);
        var draftOnly = await app.Reports.Draft("prep-yy", "汇总页测试", withoutExecution with
        {
            ProjectForm = withoutExecution.ProjectForm! with { Funds = withoutExecution.ProjectForm.Funds with { Total = withoutExecution.ProjectForm.Funds.Total with { Executed = null } } },
        });
        var summary = await app.Reports.Draft("prep-yy", "汇总页测试", new SubmissionContent { Summary = new SummaryDeclaration(80m, 2) }, SubmissionKind.SummaryReview);
        foreach (var id in new[] { first, second, draftOnly, summary }) await app.Reports.Step("prep-yy", id, "score");
        foreach (var id in new[] { first, second }) await app.Reports.Step("prep-yy", id, "submit");

        // While the unit's 汇总 submission is a draft, its section has nothing to see here: the same 404 as no table at all.
        await AssertHidden("rev");

        await app.Reports.Step("prep-yy", summary, "submit");

        // The unit sees the table its section sees — a draft is no row and counts in no total — and, apart, its drafts
        // not yet counted, each a link to finish it.
        var (ownStatus, own, _) = await Page("prep-yy");
        Assert.True(ownStatus == HttpStatusCode.OK, own);
        Assert.Contains("2021年度项目支出绩效自评情况汇总审核表", own);
        Assert.DoesNotContain("summary-row-3", own);
        var start = own.IndexOf("id=\"summary-drafts\"", StringComparison.Ordinal);
        Assert.True(start > 0, own);
        var drafts = own[start..own.IndexOf("</p>", start, StringComparison.Ordinal)];
        Assert.Contains("不计入合计与平均分", drafts);
        Assert.Contains($"/submissions/{draftOnly}\">尚未提交的草稿项目</a>", drafts);
        Assert.Contains("自评价平均分 97.44", own);
        Assert.DoesNotContain("SR-EXECUTED-MISSING", own); // the draft's blank 全年执行数 is the draft's own business
        Assert.DoesNotContain("SR-PROJECT-COUNT", own);    // two projects sent, two declared

        // The section's reviewer: the submitted projects only, with 合计, 平均分 and coverage recomputed from them.
        var (status, page, _) = await Page("rev");
        Assert.True(status == HttpStatusCode.OK, page);
        foreach (var secret in new[] { "尚未提交的草稿项目", draftOnly.ToString(), "12.34" }) Assert.DoesNotContain(secret, page);
        Assert.Contains("政府购买工作人员14名", page);
        Assert.Contains($"/submissions/{second}", page);
        Assert.Contains("77.42", page);                  // 年初预算数 and 小计 of the two projects
        Assert.Contains("70.42", page);                  // 全年执行数 合计
        Assert.Contains("自评价平均分 97.44", page);      // (95.38 + 99.5) / 2
        Assert.Contains("88.03%", page);                 // 70.42 ÷ 80 × 100
        Assert.Contains($"href=\"/api/units/U-YY/summary/2021/xlsx\"", page);
        Assert.Contains("data-action=\"print\"", page);
        Assert.DoesNotContain("SR-PROJECT-COUNT", page); // the section's table has the two projects declared

        // Auditors and administrators read it; a table that does not exist is a plain 404.
        foreach (var user in new[] { "audit", "admin" }) Assert.Equal(HttpStatusCode.OK, (await Page(user)).Status);
        foreach (var missing in new[] { "/units/U-YY/summary/2019", "/units/U-XX/summary/2021", "/units/U-YY/summary/abc", "/units/U-YY/summary/99999999999" })
            Assert.Equal(HttpStatusCode.NotFound, (await Page("audit", missing)).Status);

        // Another section's reviewer, another unit's preparer — of the same section or not — learn nothing.
        foreach (var user in new[] { "rev-other", "prep-other", "prep" }) await AssertHidden(user);
        var (anonymous, _, login) = await Page(null);
        Assert.Equal(HttpStatusCode.Redirect, anonymous);
        Assert.Contains("/login", login!.ToString());

        // The 汇总 submission's page leads to the table; the unit's list of reports does too.
        var (_, detail, _) = await Page("rev", $"/submissions/{summary}");
        Assert.Contains($"href=\"{Url}\"", detail);
        var (_, list, _) = await Page("prep-yy", "/submissions");
        Assert.Contains($"href=\"{Url}\"", list);
    }
}
