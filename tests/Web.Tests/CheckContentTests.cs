using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Approval.Web.Tests.Infrastructure;
using Approval.Workflow.Disclosure;
using Approval.Workflow.Submissions;

namespace Approval.Web.Tests;

/// <summary>
/// 核对（不保存）: the editor re-checks what the clerk types. The findings are the engine's for that content, nothing is
/// recorded, and only the unit's preparer of an editable report may ask.
/// </summary>
[Collection(ApiLane.Name)]
public class CheckContentTests(WorkflowFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.BeginClassAsync(GetType());
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Seed 002's package with 公开01's 本年支出合计 set to <paramref name="expense"/> (printed 1,664.55).</summary>
    private static SubmissionContent Package(decimal expense)
    {
        var report = Samples.Seed("002_3e97706fd429c0f0.txt");
        var tables = report.Tables.Select(t => t.Kind != DisclosureTableKind.IncomeExpenditureSummary ? t : t with
        {
            Rows = t.Rows.Select(r => r.Name == "本年支出合计" ? r with { Values = [expense] } : r).ToList(),
        }).ToList();
        return new SubmissionContent { Disclosure = new DisclosurePackage(tables, report.Narrative) };
    }

    private static IEnumerable<JsonElement> Errors(JsonElement card, string rule) =>
        card.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("rule").GetString() == rule && f.GetProperty("severity").GetString() == "Error");

    private async Task<Guid> ScoredPackageWithAnError()
    {
        var created = await app.Command("prep", "/api/submissions", new { fiscalYear = 2021, kind = SubmissionKind.FinalAccountsDisclosure, title = "2021年度部门决算公开", content = Package(1664.67m) }, 201);
        var id = created.GetProperty("submissionId").GetGuid();
        await app.Command("prep", $"/api/submissions/{id}/score", new { version = 1 });
        var scored = await app.Get<JsonElement>("prep", $"/api/submissions/{id}/score");
        Assert.Single(Errors(scored, "DT01-EXPENSE-TOTAL"));
        return id;
    }

    [Fact]
    public async Task A_corrected_cell_rechecks_without_the_finding_and_records_nothing()
    {
        var id = await ScoredPackageWithAnError();
        var version = await app.StreamVersion(id);
        var events = await app.TotalEvents();

        var stillWrong = await app.Command("prep", $"/api/submissions/{id}/check-content", new { content = Package(1664.67m) });
        var corrected = await app.Command("prep", $"/api/submissions/{id}/check-content", new { content = Package(1664.55m) });

        var finding = Assert.Single(Errors(stillWrong, "DT01-EXPENSE-TOTAL"));
        Assert.Equal("支出总计", finding.GetProperty("location").GetProperty("row").GetString());
        Assert.Empty(Errors(corrected, "DT01-EXPENSE-TOTAL"));
        // The tables balance again; seed 002's 情况说明 keeps its own real mistakes (NR-CHANGE).
        Assert.DoesNotContain(corrected.GetProperty("findings").EnumerateArray(),
            f => f.GetProperty("severity").GetString() == "Error" && f.GetProperty("location").GetProperty("document").GetString() == "部门决算公开");
        Assert.Equal(1, corrected.GetProperty("contentVersion").GetInt32());
        Assert.Equal(version, await app.StreamVersion(id));
        Assert.Equal(events, await app.TotalEvents());
        Assert.Equal(1, (await app.Get<JsonElement>("prep", $"/api/submissions/{id}/score")).GetProperty("findings").EnumerateArray().Count(f => f.GetProperty("rule").GetString() == "DT01-EXPENSE-TOTAL"));
    }

    [Fact]
    public async Task Another_units_preparer_is_told_the_report_does_not_exist()
    {
        var id = await ScoredPackageWithAnError();
        var refused = await app.Command("prep-other", $"/api/submissions/{id}/check-content", new { content = Package(1664.55m) }, 404);
        Assert.Equal("not-found", refused.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("{not json", "malformed-json")]
    [InlineData("{}", "content-required")]
    [InlineData("{\"content\": {\"disclosure\": {\"tables\": [], \"narrative\": 12}}}", "malformed-json")]
    // Parts left out or null (found from outside: each was a 500 before)
    [InlineData("{\"content\": {\"disclosure\": {\"tables\": null}}}", "content-invalid")]
    [InlineData("{\"content\": {\"disclosure\": {\"tables\": [null], \"narrative\": \"\"}}}", "content-invalid")]
    [InlineData("{\"content\": {\"disclosure\": {\"tables\": [{\"kind\": \"IncomeExpenditureSummary\", \"rows\": [{\"values\": [-5]}]}]}}}", "content-invalid")]
    [InlineData("{\"content\": {\"disclosure\": {\"tables\": [{\"kind\": \"Income\", \"title\": \"收入决算表\", \"columns\": [], \"rows\": [null]}], \"narrative\": \"\"}}}", "content-invalid")]
    [InlineData("{\"content\": {\"disclosure\": {\"tables\": []}}}", "content-invalid")]
    public async Task A_malformed_body_is_a_400_problem(string body, string code)
    {
        var id = await ScoredPackageWithAnError();
        using var client = app.Host.Server.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/submissions/{id}/check-content") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new("Bearer", await app.TokenFor("prep"));
        var response = await client.SendAsync(request);
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("2022-02-30")]
    [InlineData("abc")]
    [InlineData("")]
    public async Task A_date_that_is_no_date_names_the_field_in_Chinese_without_dotnet_type_names(string date)
    {
        var id = await ScoredPackageWithAnError();
        using var client = app.Host.Server.CreateClient();
        var body = $"{{\"content\": {{\"disclosure\": {{\"tables\": [], \"narrative\": \"\", \"budgetApprovedOn\": \"{date}\"}}}}}}";
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/submissions/{id}/check-content") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new("Bearer", await app.TokenFor("prep"));
        var response = await client.SendAsync(request);
        Assert.Equal(400, (int)response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("malformed-json", problem.GetProperty("code").GetString());
        Assert.Contains("content.disclosure.budgetApprovedOn", problem.GetProperty("title").GetString());
        Assert.DoesNotContain("System.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Content_of_another_kind_or_beyond_the_limits_is_refused_with_the_reason()
    {
        var id = await ScoredPackageWithAnError();
        var otherKind = await app.Command("prep", $"/api/submissions/{id}/check-content", new { content = Samples.Ganfutong() }, 400);
        Assert.Equal("content-kind", otherKind.GetProperty("code").GetString());
        var huge = await app.Command("prep", $"/api/submissions/{id}/check-content", new { content = Package(1e13m) }, 400);
        Assert.Equal("公开01表 收入支出决算总表「本年支出合计」决算数超出合理范围：10000000000000", huge.GetProperty("title").GetString());
    }
}
