using System.Text.Json;
using Approval.Web.Tests.Infrastructure;
using Approval.Workflow.Disclosure;
using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Drafting;

namespace Approval.Web.Tests;

/// <summary>
/// Seed 001 (弋阳县政务服务中心's 部门整体支出绩效自评报告) imported: refused into another unit's account unless the preparer
/// confirms, with the confirmation on record; read into its score; checked against the same unit's 决算公开 of the year.
/// </summary>
[Collection(ApiLane.Name)]
public class DepartmentReportImportTests(WorkflowFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.BeginClassAsync(GetType());
    public Task DisposeAsync() => Task.CompletedTask;

    private const string Seed001 = "001_de08246b7e89c2ac.txt";
    private static string SeedText(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "seeds", name));

    private async Task<(int Status, JsonElement Body)> Import(string user, string kind, int year, string text, bool confirm = false)
    {
        using var client = app.Host.Server.CreateClient();
        var form = new MultipartFormDataContent { { new StringContent(kind), "kind" }, { new StringContent(year.ToString(System.Globalization.CultureInfo.InvariantCulture)), "fiscalYear" } };
        form.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(Samples.InYear(text, year))), "file", "report.txt");
        if (confirm) form.Add(new StringContent("true"), "confirmUnit");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/submissions/import") { Content = form };
        request.Headers.Authorization = new("Bearer", await app.TokenFor(user));
        var response = await client.SendAsync(request);
        return ((int)response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Fact]
    public async Task A_report_of_another_unit_is_refused_naming_both_and_drafted_only_with_the_confirmation_on_record()
    {
        var before = await app.TotalEvents();
        var (status, problem) = await Import("prep", "DepartmentSelfEvaluation", 2021, SeedText(Seed001));
        Assert.Equal(409, status);
        Assert.Equal("unit-mismatch", problem.GetProperty("code").GetString());
        Assert.Equal("弋阳县政务服务中心", problem.GetProperty("reportUnit").GetString());
        Assert.Equal("报告标题", problem.GetProperty("reportUnitWhere").GetString());
        Assert.Equal("上饶市大数据发展管理局", problem.GetProperty("accountUnit").GetString());
        Assert.Contains("弋阳县政务服务中心", problem.GetProperty("title").GetString());
        Assert.Contains("上饶市大数据发展管理局", problem.GetProperty("title").GetString());
        Assert.Equal(before, await app.TotalEvents()); // nothing recorded

        (status, var created) = await Import("prep", "DepartmentSelfEvaluation", 2021, SeedText(Seed001), confirm: true);
        Assert.Equal(201, status);
        var id = created.GetProperty("submissionId").GetGuid();
        var submission = await app.Load(id);
        Assert.Equal("U-BD", submission.UnitId);
        Assert.Equal(new UnitMismatchConfirmed("弋阳县政务服务中心", "报告标题"), submission.UnitMismatch);
        await using var session = app.Store.QuerySession(TestOrganization.Tenant);
        var drafted = (SubmissionDrafted)(await session.Events.FetchStreamAsync(id))[0].Data;
        Assert.Equal("弋阳县政务服务中心", drafted.UnitMismatch?.NamedUnit);
        Assert.Contains("报告所署单位为「弋阳县政务服务中心」", drafted.Describe());
        Assert.Equal("U-BD", drafted.UnitId); // the drafting unit is still the account's: the event means what it always meant
    }

    [Fact]
    public async Task A_shortened_name_of_the_own_unit_is_the_own_unit()
    {
        // seed 002's tables say 编制单位：大数据发展管理局 — prep's 上饶市大数据发展管理局
        var (status, created) = await Import("prep", "FinalAccountsDisclosure", 2020, SeedText("002_3e97706fd429c0f0.txt"));
        Assert.Equal(201, status);
        Assert.Null((await app.Load(created.GetProperty("submissionId").GetGuid())).UnitMismatch);
    }

    [Fact]
    public async Task The_own_units_report_is_drafted_with_its_score_and_scored_against_its_own_disclosure_of_the_year()
    {
        var (status, created) = await Import("prep-yy", "DepartmentSelfEvaluation", 2018, SeedText(Seed001));
        Assert.Equal(201, status);
        var id = created.GetProperty("submissionId").GetGuid();
        var department = (await app.Load(id)).Content.Department!;
        Assert.Equal((97.44m, "优秀"), (department.StatedScore, department.StatedGrade));
        Assert.StartsWith("所附项目支出绩效自评报告", department.StatedScoreSource);
        Assert.Equal("弋阳县政务服务中心 2018 年度部门整体支出绩效自评报告", (await app.Load(id)).Title);

        // Another unit's package of the year is not the unit's: nothing to check against.
        await Import("prep", "FinalAccountsDisclosure", 2018, SeedText("002_3e97706fd429c0f0.txt"));
        await app.Command("prep-yy", $"/api/submissions/{id}/score", new { version = 1 });
        var notes = (await Sheet(id)).Checks;
        Assert.Contains(notes, n => n.What.Contains("DE-FIGURE-DISCLOSURE", StringComparison.Ordinal) && !n.Done && n.Detail.StartsWith("系统中没有本单位同年度的部门决算公开", StringComparison.Ordinal));

        // The unit's own package, whose 公开04 says 240.00 where the report quotes 财政拨款支出 241.44: 1.44 apart.
        TableRow Row(string side, string name, decimal v) => new(null, side, null, name, null, [v]);
        var package = new DisclosurePackage(
        [
            new DisclosureTable(DisclosureTableKind.IncomeExpenditureSummary, "01", "收入支出决算总表", ["决算数"], [Row("收入", "本年收入合计", 241.44m), Row("支出", "本年支出合计", 241.44m)]),
            new DisclosureTable(DisclosureTableKind.FiscalAppropriationSummary, "04", "财政拨款收入支出决算总表", ["合计"], [Row("收入", "本年收入合计", 240m), Row("支出", "本年支出合计", 240m)]),
        ], "");
        await app.Command("prep-yy", "/api/submissions", new { fiscalYear = 2018, kind = "FinalAccountsDisclosure", title = "2018年度部门决算公开", content = new SubmissionContent { Disclosure = package } }, 201);
        await app.Command("prep-yy", $"/api/submissions/{id}/score", new { version = await app.StreamVersion(id) });
        var sheet = await Sheet(id);
        var finding = Assert.Single(sheet.Findings, f => f.Rule == "DE-FIGURE-DISCLOSURE");
        Assert.Equal(("240.00", "241.44"), (finding.Expected, finding.Actual));
        Assert.Contains("「2018年度部门决算公开」公开04表本年支出合计", finding.Message);
        Assert.Contains(sheet.Checks, n => n.What.Contains("DE-FIGURE-DISCLOSURE", StringComparison.Ordinal) && n.Done && n.Detail.Contains("核对了 3 个数（决算收入、决算支出、财政拨款支出）", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Published_the_public_reads_the_same_document_without_the_findings()
    {
        var (_, created) = await Import("prep-yy", "DepartmentSelfEvaluation", 2017, SeedText(Seed001));
        var id = created.GetProperty("submissionId").GetGuid();
        await app.Command("prep-yy", $"/api/submissions/{id}/score", new { version = 1 });
        await app.Command("prep-yy", $"/api/submissions/{id}/submit", new { version = await app.StreamVersion(id) });
        await app.Command("rev", $"/api/submissions/{id}/claim", new { version = await app.StreamVersion(id) });
        await app.Command("rev", $"/api/submissions/{id}/approve", new { version = await app.StreamVersion(id), grade = "优", opinion = "同意", stamp = "经济建设股业务专用章" });
        await app.Command("rev", $"/api/submissions/{id}/publish",
            new { version = await app.StreamVersion(id), indexNumber = "YY-2017-ZT", publisher = "弋阳县政务服务中心", confidentialityReviewed = true, principalSigned = true });

        using var client = app.Host.Server.CreateClient();
        var html = await client.GetStringAsync($"/public/{id}");
        Assert.Contains("id=\"dept-title\">弋阳县政务服务中心 2017 年度部门整体支出绩效自评报告</h1>", html);
        Assert.Contains("<h2>三、中心整体绩效存在问题及改进措施</h2>", html);
        Assert.Contains("id=\"dept-score\">97.44 分</dd>", html);
        Assert.Contains("得分来源：所附项目支出绩效自评报告", html);
        Assert.Contains("id=\"dept-attachment-2\"", html);
        Assert.DoesNotContain("<pre", html);
        // the unit's and the bureau's findings are not the public's
        Assert.DoesNotContain("DE-PARTS-EXCEED", html);
        Assert.DoesNotContain("<mark", html);
    }

    [Fact]
    public async Task A_report_with_its_overall_form_attached_is_scored_by_the_form_and_its_total_compared_with_the_stated_score()
    {
        // The form's 总分 99.68 is the 整体's score where the text states none.
        var (status, created) = await Import("prep-yy", "DepartmentSelfEvaluation", 2016, Samples.Seed001WithOverallForm());
        Assert.Equal(201, status);
        var id = created.GetProperty("submissionId").GetGuid();
        var department = (await app.Load(id)).Content.Department!;
        Assert.Equal((99.68m, "优"), (department.StatedScore, department.StatedGrade));
        Assert.StartsWith("所附部门整体支出绩效自评表的总分", department.StatedScoreSource);
        await app.Command("prep-yy", $"/api/submissions/{id}/score", new { version = await app.StreamVersion(id) });
        var sheet = await Sheet(id);
        Assert.Equal(99.68m, sheet.Total);
        Assert.DoesNotContain(sheet.Findings, f => f.Rule == "DE-FORM-TOTAL" || f.Location.Document == "部门整体支出绩效自评表");
        Assert.Contains(sheet.Checks, n => n.Done && n.What.Contains("DE-FORM-TOTAL", StringComparison.Ordinal) && n.Detail.Contains("按规则计算 99.68 分（优）", StringComparison.Ordinal));

        // A text that states 97.44 for the 整体: the form's 99.68 disagrees.
        (status, created) = await Import("prep-yy", "DepartmentSelfEvaluation", 2015, Samples.Seed001WithOverallForm(r => r.Replace(
            "二、政务服务中心整体支出实现情况\n", "二、政务服务中心整体支出实现情况\n\n经自评，部门整体支出绩效自评得分 97.44 分，评价等级为优。\n", StringComparison.Ordinal)));
        Assert.Equal(201, status);
        id = created.GetProperty("submissionId").GetGuid();
        await app.Command("prep-yy", $"/api/submissions/{id}/score", new { version = await app.StreamVersion(id) });
        var finding = Assert.Single((await Sheet(id)).Findings, f => f.Rule == "DE-FORM-TOTAL");
        Assert.Equal("报告所写自评得分 97.44 分，所附部门整体支出绩效自评表总分为 99.68 分", finding.Message);
    }

    private async Task<ScoreCard> Sheet(Guid id)
    {
        await using var session = app.Store.QuerySession(TestOrganization.Tenant);
        return (await session.LoadAsync<ScoreSheet>(id))!.Card;
    }
}
