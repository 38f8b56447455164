using System.Text.Json;
using Approval.Web.Tests.Infrastructure;
using Approval.Workflow.Submissions;

namespace Approval.Web.Tests;

/// <summary>
/// A 部门整体 report revised through the API, as its editor does (PUT …/content, then 评分): recorded as a 修改 naming the
/// part and sentence changed, rescored without the corrected finding, the live check counting as the saved score does;
/// refused in Chinese as RFC 7807 problems when stale, out of range, not the unit's, or no longer editable.
/// </summary>
[Collection(ApiLane.Name)]
public class DepartmentReportEditTests(WorkflowFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.BeginClassAsync(GetType());
    public Task DisposeAsync() => Task.CompletedTask;

    private const string Wrong = "编制 4 人；实有";
    private const string Right = "编制 3 人；实有";
    private static readonly string Seed001 = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "seeds", "001_de08246b7e89c2ac.txt"));

    private async Task<(Guid Id, JsonElement Department)> ImportedAndScored()
    {
        using var client = app.Host.Server.CreateClient();
        var form = new MultipartFormDataContent { { new StringContent(nameof(SubmissionKind.DepartmentSelfEvaluation)), "kind" }, { new StringContent("2021"), "fiscalYear" } };
        form.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(Seed001)), "file", "001.txt");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/submissions/import") { Content = form };
        request.Headers.Authorization = new("Bearer", await app.TokenFor("prep-yy"));
        var response = await client.SendAsync(request);
        Assert.Equal(201, (int)response.StatusCode);
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("submissionId").GetGuid();
        await app.Command("prep-yy", $"/api/submissions/{id}/score", new { version = 1 });
        var submission = await app.Get<JsonElement>("prep-yy", $"/api/submissions/{id}");
        return (id, submission.GetProperty("content").GetProperty("department").Clone());
    }

    private static object Revised(JsonElement department, string? narrative = null, decimal? score = null, string? grade = null) => new
    {
        department = new
        {
            narrative = narrative ?? department.GetProperty("narrative").GetString()!.Replace(Wrong, Right, StringComparison.Ordinal),
            statedScore = score ?? department.GetProperty("statedScore").GetDecimal(),
            statedGrade = grade ?? department.GetProperty("statedGrade").GetString(),
            statedScoreSource = department.GetProperty("statedScoreSource").GetString(),
        },
    };

    private static string[] Rules(JsonElement card) => [.. card.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("rule").GetString()!)];

    private static void AssertProblem(JsonElement problem, string code, string title)
    {
        Assert.Equal(code, problem.GetProperty("code").GetString());
        // the Chinese sentence for people is the title (and message); detail is the English one for programs (Problems.Details)
        Assert.Contains(title, problem.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_corrected_figure_is_a_revision_naming_its_part_and_sentence_and_the_rescore_drops_the_finding()
    {
        var (id, department) = await ImportedAndScored();
        Assert.Contains("DE-PARTS-EXCEED", Rules(await app.Get<JsonElement>("prep-yy", $"/api/submissions/{id}/score")));
        Assert.Contains(Wrong, department.GetProperty("narrative").GetString(), StringComparison.Ordinal);

        // the live check of the corrected text, then the same text saved and scored: the same findings
        var live = await app.Command("prep-yy", $"/api/submissions/{id}/check-content", new { content = Revised(department) });
        await app.Command("prep-yy", $"/api/submissions/{id}/content", new { version = 2, content = Revised(department) }, method: HttpMethod.Put);
        await app.Command("prep-yy", $"/api/submissions/{id}/score", new { version = 3 });
        var saved = await app.Get<JsonElement>("prep-yy", $"/api/submissions/{id}/score");
        Assert.DoesNotContain("DE-PARTS-EXCEED", Rules(saved));
        Assert.Equal(Rules(live).Order(), Rules(saved).Order());

        var history = await app.Get<JsonElement>("audit", $"/api/submissions/{id}/history");
        var revision = Assert.Single(history.EnumerateArray(), e => e.GetProperty("eventType").GetString()!.Contains("draft_revised", StringComparison.OrdinalIgnoreCase));
        var action = revision.GetProperty("action").GetString()!;
        Assert.Contains("报告正文「一、部门概述和基本情况」", action, StringComparison.Ordinal);
        Assert.Contains("补助事业编制 4 人；」→「", action, StringComparison.Ordinal);
        Assert.Contains("补助事业编制 3 人；」", action, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_score_entered_apart_from_the_text_it_states_is_found()
    {
        var (id, department) = await ImportedAndScored();
        var text = department.GetProperty("narrative").GetString()!.Replace("一、部门概述和基本情况", "一、部门概述和基本情况\n经自评，部门整体支出绩效自评得分 97.44 分，评价等级为优秀。", StringComparison.Ordinal);

        var agreeing = await app.Command("prep-yy", $"/api/submissions/{id}/check-content", new { content = Revised(department, text) });
        var apart = await app.Command("prep-yy", $"/api/submissions/{id}/check-content", new { content = Revised(department, text, 88m, "良好") });

        Assert.DoesNotContain("DE-SCORE-TEXT", Rules(agreeing));
        Assert.DoesNotContain("DE-SCORE-SOURCE", Rules(agreeing)); // the text states the score now
        var messages = apart.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("rule").GetString() == "DE-SCORE-TEXT").Select(f => f.GetProperty("message").GetString()).ToList();
        Assert.Equal(2, messages.Count);
        Assert.Contains(messages, m => m!.StartsWith("填报的自评得分 88 分，报告正文写的是 97.44 分", StringComparison.Ordinal));
        Assert.Contains(messages, m => m!.StartsWith("填报的评价等级为「良好」，报告正文写的是「优秀」", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Refusals_are_problems_in_Chinese_and_record_nothing()
    {
        var (id, department) = await ImportedAndScored();
        var events = await app.StreamVersion(id);

        var stale = await app.Command("prep-yy", $"/api/submissions/{id}/content", new { version = 1, content = Revised(department) }, 409, HttpMethod.Put);
        AssertProblem(stale, "version-conflict", "报告已被他人修改");
        var outOfRange = await app.Command("prep-yy", $"/api/submissions/{id}/content", new { version = 2, content = Revised(department, score: 120m) }, 400, HttpMethod.Put);
        AssertProblem(outOfRange, "content-invalid", "自评得分应在 0–100 之间");
        var unchanged = await app.Command("prep-yy", $"/api/submissions/{id}/content", new { version = 2, content = Revised(department, department.GetProperty("narrative").GetString()) }, 400, HttpMethod.Put);
        AssertProblem(unchanged, "no-change", "内容没有变化");
        var otherUnit = await app.Command("prep", $"/api/submissions/{id}/content", new { version = 2, content = Revised(department) }, 404, HttpMethod.Put);
        AssertProblem(otherUnit, "not-found", "");
        Assert.Equal(events, await app.StreamVersion(id));

        await app.Command("prep-yy", $"/api/submissions/{id}/submit", new { version = 2 });
        var submitted = await app.Command("prep-yy", $"/api/submissions/{id}/content", new { version = 3, content = Revised(department) }, 409, HttpMethod.Put);
        AssertProblem(submitted, "not-editable", "报告当前为「已提交待审核」，不能修改（撤回后方可编辑）");
        var reviewer = await app.Command("rev", $"/api/submissions/{id}/content", new { version = 3, content = Revised(department) }, 403, HttpMethod.Put);
        AssertProblem(reviewer, "not-preparer", "只有本单位填报人可以修改报告");
        Assert.Equal(events + 1, await app.StreamVersion(id));
    }
}
