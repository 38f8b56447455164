using System.Text.Json;
using Approval.Web.Tests.Infrastructure;
using Approval.Workflow.SelfEvaluation;
using Approval.Workflow.Submissions;

namespace Approval.Web.Tests;

/// <summary>
/// 自评质量提示 through the API (#29): the flags of a scored 自评表, compared with last year's form of the project only when
/// the caller may see that form — a reviewer never learns of a unit's draft through them.
/// </summary>
[Collection(ApiLane.Name)]
public class CredibilityTests(WorkflowFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.BeginClassAsync(GetType());
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<JsonElement> Refused(string user, string url, int status)
    {
        var response = await app.Send(user, HttpMethod.Get, url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"GET {url} as {user}: expected {status}, got {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static IReadOnlyList<string> Rules(JsonElement view) => [.. view.GetProperty("flags").EnumerateArray().Select(f => f.GetProperty("rule").GetString()!)];

    /// <summary>Seed 002's 赣服通 form a year earlier, its first positive target exceeded twice over.</summary>
    private static (SubmissionContent Content, string Row) LastYear()
    {
        var form = Samples.InYear(Samples.Ganfutong(), 2020).ProjectForm!;
        var index = form.Indicators.ToList().FindIndex(r => TargetParser.Parse(r.Target, r.Nature, r.Unit) is { Kind: TargetKind.Positive, Value: > 0 });
        var row = form.Indicators[index];
        var target = TargetParser.Parse(row.Target, row.Nature, row.Unit);
        var rows = form.Indicators.ToList();
        rows[index] = row with { Actual = $"{target.Value * 2}{target.Unit}" };
        return (new SubmissionContent { ProjectForm = form with { Indicators = rows } }, row.Name);
    }

    [Fact]
    public async Task A_scored_form_carries_its_flags_and_the_comparison_with_last_year_is_made_only_with_what_the_caller_may_see()
    {
        var id = (await app.Command("prep", "/api/submissions", new { fiscalYear = 2021, kind = SubmissionKind.ProjectSelfEvaluation, title = "赣服通", content = Samples.Ganfutong() }, 201)).GetProperty("submissionId").GetGuid();
        Assert.Equal("not-scored", (await Refused("prep", $"/api/submissions/{id}/credibility", 409)).GetProperty("code").GetString());
        await app.Command("prep", $"/api/submissions/{id}/score", new { version = 1 });

        var view = await app.Get<JsonElement>("prep", $"/api/submissions/{id}/credibility");
        Assert.Equal(["CR-DEDUCTION-UNEXPLAINED", "CR-DEDUCTION-UNEXPLAINED", "CR-SCORE-ABOVE-FUNDS"], Rules(view));
        Assert.Equal("需关注", view.GetProperty("verdict").GetString());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("lastYearSubmissionId").ValueKind);
        await Refused("prep-other", $"/api/submissions/{id}/credibility", 404);

        // last year's form of the project, still a draft: the unit compares with it, the section does not see it
        var (content, row) = LastYear();
        var lastYear = await app.Reports.Scored(title: content.ProjectForm!.Header.ProjectName, content: content, year: 2020);
        await app.Command("prep", $"/api/submissions/{id}/submit", new { version = 2 });
        var unitView = await app.Get<JsonElement>("prep", $"/api/submissions/{id}/credibility");
        Assert.Equal(lastYear, unitView.GetProperty("lastYearSubmissionId").GetGuid());
        Assert.Contains(unitView.GetProperty("flags").EnumerateArray(), f => f.GetProperty("rule").GetString() == "CR-TARGET-BELOW-LAST-YEAR" && f.GetProperty("reason").GetString()!.Contains($"「{row}」", StringComparison.Ordinal));
        var sectionView = await app.Get<JsonElement>("rev", $"/api/submissions/{id}/credibility");
        Assert.Equal(JsonValueKind.Null, sectionView.GetProperty("lastYearSubmissionId").ValueKind);
        Assert.DoesNotContain("CR-TARGET-BELOW-LAST-YEAR", Rules(sectionView));
        Assert.DoesNotContain(lastYear.ToString(), (await (await app.Send("rev", HttpMethod.Get, $"/submissions/{id}")).Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // once last year's form reached the section, the reviewer's view compares with it too, and the page says so
        await app.Command("prep", $"/api/submissions/{lastYear}/submit", new { version = 2 });
        sectionView = await app.Get<JsonElement>("rev", $"/api/submissions/{id}/credibility");
        Assert.Equal(lastYear, sectionView.GetProperty("lastYearSubmissionId").GetGuid());
        Assert.Contains("CR-TARGET-BELOW-LAST-YEAR", Rules(sectionView));
        var page = await (await app.Send("rev", HttpMethod.Get, $"/submissions/{id}")).Content.ReadAsStringAsync();
        Assert.Contains("自评质量提示", page, StringComparison.Ordinal);
        Assert.Contains($"/submissions/{lastYear}", page, StringComparison.Ordinal);
        Assert.Contains("年度指标值低于上年实际完成值", page, StringComparison.Ordinal);
        Assert.Contains("财预〔2020〕10号", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_a_self_evaluation_form_has_credibility_flags()
    {
        var id = (await app.Command("prep", "/api/submissions", new { fiscalYear = 2023, kind = SubmissionKind.FinalAccountsDisclosure, title = "决算公开", content = Samples.Disclosure2023() }, 201)).GetProperty("submissionId").GetGuid();
        Assert.Equal("not-self-evaluation", (await Refused("prep", $"/api/submissions/{id}/credibility", 409)).GetProperty("code").GetString());
    }
}
