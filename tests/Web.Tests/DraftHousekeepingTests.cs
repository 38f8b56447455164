using System.Text.Json;
using Approval.Web.Tests.Infrastructure;
using Approval.Workflow.Submissions;

namespace Approval.Web.Tests;

/// <summary>Through the API: the year a report is filed under, 作废 as an event that takes it out of every list and sum.</summary>
[Collection(ApiLane.Name)]
public class DraftHousekeepingTests(WorkflowFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.BeginClassAsync(GetType());
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(int Status, JsonElement Body)> Import(string? year, string text)
    {
        using var client = app.Host.Server.CreateClient();
        var form = new MultipartFormDataContent { { new StringContent("ProjectSelfEvaluation"), "kind" }, { new StringContent(text), "text" } };
        if (year is not null) form.Add(new StringContent(year), "fiscalYear");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/submissions/import") { Content = form };
        request.Headers.Authorization = new("Bearer", await app.TokenFor("prep"));
        var response = await client.SendAsync(request);
        return ((int)response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Fact]
    public async Task A_pasted_table_is_filed_under_the_year_its_header_states_and_another_year_is_refused_naming_both()
    {
        var before = await app.TotalEvents();
        var (status, problem) = await Import("2025", Samples.GanfutongFormText());
        Assert.Equal(409, status);
        Assert.Equal("year-mismatch", problem.GetProperty("code").GetString());
        Assert.Equal((2021, 2025), (problem.GetProperty("statedYear").GetInt32(), problem.GetProperty("fiscalYear").GetInt32()));
        (status, problem) = await Import("二〇二一", Samples.GanfutongFormText());
        Assert.Equal((400, "fiscal-year"), (status, problem.GetProperty("code").GetString()));
        Assert.Equal(before, await app.TotalEvents());

        var (created, body) = await Import(null, Samples.GanfutongFormText());
        Assert.Equal(201, created);
        var id = body.GetProperty("submissionId").GetGuid();
        var submission = await app.Get<Submission>("prep", $"/api/submissions/{id}");
        Assert.Equal((2021, 2021), (submission.FiscalYear, submission.Content.ProjectForm!.Header.Year));

        // A JSON draft states its year too: refused when its content says another.
        var refused = await app.Command("prep", "/api/submissions", new { fiscalYear = 2024, kind = SubmissionKind.ProjectSelfEvaluation, title = "年度不符", content = Samples.Ganfutong() }, 409);
        Assert.Equal("year-mismatch", refused.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_discarded_draft_stays_in_the_history_and_leaves_the_summary_the_queue_and_the_section()
    {
        const int year = 2036;
        Task<Guid> Draft(string project, bool submit) => submit
            ? app.Reports.Submitted(title: project, content: Samples.YiyangProject(project, 10m, 9m, 90m), year: year)
            : app.Reports.Scored(title: project, content: Samples.YiyangProject(project, 10m, 9m, 90m), year: year);
        var kept = await Draft("作废测试项目", submit: true);
        var duplicate = await Draft("作废测试项目", submit: false);
        var returned = await Draft("退回后作废项目", submit: true);
        await app.Command("rev", $"/api/submissions/{returned}/claim", new { version = 3 });
        await app.Command("rev", $"/api/submissions/{returned}/return", new { version = 4, reason = "项目已取消，请作废" });

        // the submitted one cannot be discarded (withdraw first); a reason is needed; another unit's preparer never finds it
        Assert.Equal("not-discardable", (await app.Command("prep", $"/api/submissions/{kept}/discard", new { version = 3, reason = "x" }, 409)).GetProperty("code").GetString());
        Assert.Equal("reason-required", (await app.Command("prep", $"/api/submissions/{duplicate}/discard", new { version = 2, reason = " " }, 400)).GetProperty("code").GetString());
        await app.Command("prep-other", $"/api/submissions/{duplicate}/discard", new { version = 2, reason = "x" }, 404);

        var events = await app.TotalEvents();
        var accepted = await app.Command("prep", $"/api/submissions/{duplicate}/discard", new { version = 2, reason = "重复起草" });
        Assert.Equal(["DraftDiscarded"], accepted.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
        await app.Command("prep", $"/api/submissions/{returned}/discard", new { version = 5, reason = "项目已取消" });
        Assert.Equal(events + 2, await app.TotalEvents());

        var history = await app.Get<JsonElement>("audit", $"/api/submissions/{duplicate}/history");
        Assert.Contains(history.EnumerateArray(), e => e.GetProperty("summary").GetString()!.Contains("作废报告：重复起草", StringComparison.Ordinal));
        Assert.Equal(SubmissionState.Discarded, (await app.Get<Submission>("prep", $"/api/submissions/{duplicate}")).State);

        // the section no longer sees the discarded returned report, in the report itself, its list or the queue
        Assert.Equal(404, (int)(await app.Send("rev", HttpMethod.Get, $"/api/submissions/{returned}")).StatusCode);
        var queue = await app.Get<JsonElement>("rev", $"/api/review-queue?state=all&year={year}");
        Assert.Equal([kept], queue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));

        // the unit's 汇总: one row, the kept project; nothing drafted or discarded in it
        var summary = await app.Get<JsonElement>("prep", $"/api/units/U-BD/summary/{year}");
        Assert.Equal([kept], summary.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("submissionId").GetGuid()));
        Assert.Empty(summary.GetProperty("drafts").EnumerateArray());
        Assert.Equal(90m, summary.GetProperty("figures").GetProperty("average").GetDecimal());

        // 本单位报告 links the 汇总 of a year with a form sent to the section, not of a year holding only a draft
        var onlyDrafted = Samples.InYear(Samples.YiyangProject("只有草稿的项目", 10m, 9m, 90m), year + 1);
        await app.Command("prep", "/api/submissions", new { fiscalYear = year + 1, kind = SubmissionKind.ProjectSelfEvaluation, title = "只有草稿的项目", content = onlyDrafted }, 201);
        var page = await (await app.Send("prep", HttpMethod.Get, "/submissions")).Content.ReadAsStringAsync();
        Assert.Contains($"/units/U-BD/summary/{year}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"/units/U-BD/summary/{year + 1}\"", page, StringComparison.Ordinal);
    }
}
