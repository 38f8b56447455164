using System.Globalization;
using System.Text.Json;
using Approval.Web.Submissions.Queries;
using Approval.Web.Tests.Infrastructure;
using Approval.Workflow.Submissions;

namespace Approval.Web.Tests;

/// <summary>
/// 审计查阅 searched, filtered and paged on the server; the trail's CSV in Beijing time with its 时区; and the dashboard's
/// 报送情况 (未报) with each unit's 汇总 coverage, scoped: a reviewer sees the units of their sections and no other.
/// </summary>
[Collection(ApiLane.Name)]
public class AuditAndDashboardTests(WorkflowFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.BeginClassAsync(GetType());
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<string> Page(string user, string url)
    {
        var response = await app.Send(user, HttpMethod.Get, url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task The_audit_list_is_searched_filtered_and_paged_on_the_server()
    {
        var marker = $"检索{Guid.NewGuid():N}"[..10];
        for (var i = 0; i < 52; i++) await app.Reports.Draft("prep", $"{marker}项目{i:00}", year: 2031);
        var other = await app.Reports.Submitted("prep-other", $"{marker}他单位", year: 2032);

        var first = await Page("audit", $"/audit?q={Uri.EscapeDataString(marker)}");
        Assert.Contains("共 53 条 · 第 1 / 2 页", first);
        var second = await Page("audit", $"/audit?q={Uri.EscapeDataString(marker)}&page=2");
        Assert.Contains("共 53 条 · 第 2 / 2 页", second);
        Assert.Contains("rel=\"prev\"", second);
        // The unit's own list pages the same way (its "page" was once taken for Razor Pages' route value: always page 1).
        Assert.Contains("第 2 / 2 页", await Page("prep", "/submissions?year=2031&page=2"));

        var byUnit = await Page("audit", $"/audit?q={Uri.EscapeDataString(marker)}&unit=U-OT");
        Assert.Contains("共 1 条", byUnit);
        Assert.Contains($"/audit/{other}", byUnit);
        var byUnitName = await Page("audit", $"/audit?q={Uri.EscapeDataString("其他单位")}&year=2032");
        Assert.Contains($"/audit/{other}", byUnitName);
        var byState = await Page("audit", $"/audit?q={Uri.EscapeDataString(marker)}&state=Submitted&kind=ProjectSelfEvaluation");
        Assert.Contains("共 1 条", byState);
        Assert.Contains("<option value=\"Submitted\" selected=\"selected\">已提交待审核</option>", byState);
        var byYear = await Page("audit", $"/audit?q={Uri.EscapeDataString(marker)}&year=2031&kind=ProjectSelfEvaluation");
        Assert.Contains("共 52 条", byYear);
        Assert.DoesNotContain($"/audit/{other}", byYear);

        var none = await Page("audit", $"/audit?q={Uri.EscapeDataString(marker)}&kind=SummaryReview");
        Assert.Contains("没有符合条件的报告", none);
        Assert.Contains("共 0 条", none);
        // a search too long is cut, not refused; a page past the end shows nothing and says so
        Assert.Contains("没有符合条件的报告", await Page("audit", $"/audit?q={new string('长', 300)}"));
        var pastTheEnd = await Page("audit", $"/audit?q={Uri.EscapeDataString(marker)}&page=9");
        Assert.Contains("没有符合条件的报告", pastTheEnd);
        Assert.Contains("共 53 条", pastTheEnd); // the total is still the list's, not the empty page's
    }

    [Fact]
    public async Task The_trail_csv_has_beijing_times_a_time_zone_column_and_a_bom()
    {
        var id = await app.Reports.Submitted("prep", "CSV时区", year: 2031);
        var history = await app.Get<List<AuditEntry>>("audit", $"/api/submissions/{id}/history");
        Assert.Equal(["起草", "系统评分", "提交审核"], history.Select(h => h.Name));
        Assert.StartsWith("起草项目支出绩效自评表「CSV时区」", history[0].Action);
        Assert.DoesNotContain("王填报", history[2].Action);

        var bytes = await (await app.Send("audit", HttpMethod.Get, $"/api/submissions/{id}/history.csv")).Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(',').Select(c => c.Trim('"', '\r')).ToArray()).ToList();
        Assert.Equal(["序号", "版本", "时间", "时区", "事件", "事件类型"], lines[0][..6]);
        for (var i = 0; i < history.Count; i++)
        {
            var beijing = history[i].Timestamp.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            Assert.Equal((beijing, "UTC+08:00", history[i].Name), (lines[i + 1][2], lines[i + 1][3], lines[i + 1][4]));
        }
    }

    [Fact]
    public async Task The_dashboard_lists_every_unit_in_scope_with_what_it_has_not_submitted_and_its_coverage()
    {
        const int Year = 2033;
        // 大数据局: one 自评表 (executed 100) and its 汇总 declaring 项目支出总额 400 → coverage 25%; a draft 部门整体 does not count.
        await app.Reports.Submitted("prep", "覆盖率项目", Samples.YiyangProject("覆盖率项目", 120m, 100m, 95m), year: Year);
        await app.Reports.Submitted("prep", "覆盖率汇总", new SubmissionContent { Summary = new SummaryDeclaration(400m, 1) }, SubmissionKind.SummaryReview, Year);
        await app.Reports.Draft("prep", "草稿不算", new SubmissionContent { Department = new DepartmentSelfEvaluation("正文", 90m) }, SubmissionKind.DepartmentSelfEvaluation, Year);
        // 其他单位 (another section): one 自评表.
        await app.Reports.Submitted("prep-other", "他股室项目", Samples.YiyangProject("他股室项目", 10m, 7.77m, 90m), year: Year);

        var rev = await app.Get<Statistics>("rev", $"/api/statistics?year={Year}");
        Assert.Equal(Year, rev.ReportingYear);
        Assert.Equal(["U-BD", "U-YY"], rev.Reporting.Select(u => u.UnitId).Order());
        var bigData = rev.Reporting.Single(u => u.UnitId == "U-BD");
        Assert.Equal((1, 0, 0, 1, false), (bigData.ProjectForms, bigData.DepartmentReports, bigData.Disclosures, bigData.Summaries, bigData.NotReported));
        Assert.Equal(["部门整体支出绩效自评报告", "部门决算公开"], bigData.Missing);
        Assert.Equal((100m, 400m, 25.00m), (bigData.SelfEvaluatedExecuted, bigData.UnitProjectExpenditure, bigData.CoveragePercent));
        var yiyang = rev.Reporting.Single(u => u.UnitId == "U-YY");
        Assert.True(yiyang.NotReported);
        Assert.Equal(4, yiyang.Missing.Count);
        Assert.Null(yiyang.CoveragePercent);

        var other = await app.Get<JsonElement>("rev-other", $"/api/statistics?year={Year}");
        var otherText = other.GetRawText();
        Assert.Equal(["U-OT"], other.GetProperty("reporting").EnumerateArray().Select(u => u.GetProperty("unitId").GetString()));
        foreach (var mark in new[] { "U-BD", "U-YY", "上饶市大数据发展管理局", "弋阳县政务服务中心", "覆盖率" }) Assert.DoesNotContain(mark, otherText);
        Assert.DoesNotContain("U-OT", await (await app.Send("rev", HttpMethod.Get, $"/api/statistics?year={Year}")).Content.ReadAsStringAsync());

        var audit = await app.Get<Statistics>("audit", $"/api/statistics?year={Year}");
        Assert.Equal(["U-BD", "U-OT", "U-YY"], audit.Reporting.Select(u => u.UnitId).Order());
        Assert.Equal(7.77m, audit.Reporting.Single(u => u.UnitId == "U-OT").SelfEvaluatedExecuted);
        Assert.Null(audit.Reporting.Single(u => u.UnitId == "U-OT").CoveragePercent); // no 汇总 declares its 项目支出总额
    }
}
