using System.Text.Json;
using Approval.Web.Tests.Infrastructure;

namespace Approval.Web.Tests;

/// <summary>
/// 抽查复核 through the API (#29.3): a reviewer draws from their sections' approved 自评表, a colleague re-scores a drawn
/// form, the result is released and its unit sees it — and no other unit, section or 财政局 sees anything of it.
/// Each test files its forms under a year of its own.
/// </summary>
[Collection(ApiLane.Name)]
public class SpotCheckTests(WorkflowFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.BeginClassAsync(GetType());
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Seed 002's 赣服通 form (three 自评质量 flags) as <paramref name="project"/> of <paramref name="year"/>, approved by <paramref name="approver"/>.</summary>
    private async Task<Guid> Approved(string preparer, string approver, int year, string project)
    {
        var content = Samples.InYear(Samples.Ganfutong(), year);
        content = content with { ProjectForm = content.ProjectForm! with { Header = content.ProjectForm.Header with { ProjectName = project } } };
        return await app.Reports.Approved(preparer, approver, project, content, year: year);
    }

    private async Task<JsonElement> Status(string user, HttpMethod method, string url, int status, object? body = null)
    {
        var response = await app.Send(user, method, url, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"{method} {url} as {user}: expected {status}, got {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private static IEnumerable<Guid> Drawn(JsonElement view) => view.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("form").GetProperty("submissionId").GetGuid());

    [Fact]
    public async Task A_reviewer_draws_a_colleague_rescores_the_result_is_released_and_only_its_unit_sees_it()
    {
        const int Year = 2016;
        var bd1 = await Approved("prep", "rev", Year, "赣服通一期");
        var bd2 = await Approved("prep", "rev", Year, "赣服通二期");
        var yy = await Approved("prep-yy", "rev", Year, "弋阳赣服通");
        var otherSection = await Approved("prep-other", "rev-other", Year, "其他股室项目");
        var otherBureau = await Approved("prep-b", "rev-b", Year, "弋阳县局项目");

        var drawn = await app.Command("rev", "/api/spot-checks", new { fiscalYear = Year, sampleSize = 10, randomSharePercent = 34, seed = 7 }, 201);
        Assert.Equal((3, 3), (drawn.GetProperty("drawn").GetInt32(), drawn.GetProperty("population").GetInt32()));
        var checkId = drawn.GetProperty("spotCheckId").GetGuid();
        var view = await app.Get<JsonElement>("rev", $"/api/spot-checks/{checkId}");
        Assert.True(view.GetProperty("reproduces").GetBoolean());
        Assert.Equal(7, view.GetProperty("seed").GetInt64());
        Assert.Equal([bd1, bd2, yy], Drawn(view).Order());
        var item = view.GetProperty("items").EnumerateArray().First(i => i.GetProperty("form").GetProperty("submissionId").GetGuid() == bd1).GetProperty("form");
        Assert.Contains(item.GetProperty("flags").EnumerateArray(), f => f.GetProperty("rule").GetString() == "CR-SCORE-ABOVE-FUNDS");
        Assert.Equal(87.5m, item.GetProperty("selfScore").GetDecimal());

        // a form drawn this year is not drawn again, and another section's or bureau's forms never were
        Assert.Equal("population-empty", (await Status("rev", HttpMethod.Post, "/api/spot-checks", 409, new { fiscalYear = Year, sampleSize = 5, randomSharePercent = 0 })).GetProperty("code").GetString());
        var theirs = await app.Command("rev-other", "/api/spot-checks", new { fiscalYear = Year, sampleSize = 5, randomSharePercent = 0 }, 201);
        Assert.Equal([otherSection], Drawn(await app.Get<JsonElement>("rev-other", $"/api/spot-checks/{theirs.GetProperty("spotCheckId").GetGuid()}")));
        var inYiyang = await app.Command("rev-b", "/api/spot-checks", new { fiscalYear = Year, sampleSize = 5, randomSharePercent = 0 }, 201);
        Assert.Equal([otherBureau], Drawn(await app.Get<JsonElement>("rev-b", $"/api/spot-checks/{inYiyang.GetProperty("spotCheckId").GetGuid()}")));

        // re-scored by a colleague (the approver may not re-check their own approval)
        var version = view.GetProperty("version").GetInt64();
        var body = new { version, score = 72.5m, reasons = "满意度调查无原始问卷，产出指标实际完成值无佐证", notes = new[] { new { indicator = "企业满意度", note = "无调查问卷" } } };
        Assert.Equal("own-approval", (await Status("rev", HttpMethod.Post, $"/api/spot-checks/{checkId}/forms/{bd1}/rescore", 403, body)).GetProperty("code").GetString());
        await app.Command("rev2", $"/api/spot-checks/{checkId}/forms/{bd1}/rescore", body);
        await Status("prep", HttpMethod.Get, $"/api/submissions/{bd1}/spot-check", 404);
        await app.Command("rev2", $"/api/spot-checks/{checkId}/forms/{bd1}/release", new { version = version + 1 });

        var result = await app.Get<JsonElement>("prep", $"/api/submissions/{bd1}/spot-check");
        var rescore = result.GetProperty("item").GetProperty("rescore");
        Assert.Equal((72.5m, "中"), (rescore.GetProperty("score").GetDecimal(), rescore.GetProperty("grade").GetString()));
        var page = await (await app.Send("prep", HttpMethod.Get, $"/submissions/{bd1}")).Content.ReadAsStringAsync();
        Assert.Contains("抽查复核结果", page, StringComparison.Ordinal);
        Assert.Contains("72.50", page, StringComparison.Ordinal);
        Assert.Contains("满意度调查无原始问卷", page, StringComparison.Ordinal);

        // nobody else sees it: the unit not its other forms' unreleased state, nor the draw; other units, sections, bureaus nothing
        await Status("prep", HttpMethod.Get, $"/api/submissions/{bd2}/spot-check", 404);
        await Status("prep", HttpMethod.Get, $"/api/spot-checks/{checkId}", 404);
        await Status("prep", HttpMethod.Get, "/api/spot-checks", 403);
        await Status("prep-yy", HttpMethod.Get, $"/api/submissions/{bd1}/spot-check", 404);
        await Status("prep-other", HttpMethod.Get, $"/api/submissions/{bd1}/spot-check", 404);
        await Status("rev-other", HttpMethod.Get, $"/api/spot-checks/{checkId}", 404);
        await Status("rev-b", HttpMethod.Get, $"/api/spot-checks/{checkId}", 404);
        await Status("prep-b", HttpMethod.Get, $"/api/submissions/{bd1}/spot-check", 404);
        Assert.DoesNotContain(checkId.ToString(), (await Status("rev-other", HttpMethod.Get, $"/api/spot-checks?year={Year}", 200)).ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(checkId.ToString(), (await Status("rev-b", HttpMethod.Get, "/api/spot-checks", 200)).ToString(), StringComparison.Ordinal);
        Assert.Equal([bd1, bd2, yy], Drawn(await app.Get<JsonElement>("audit", $"/api/spot-checks/{checkId}")).Order());

        // 结果应用: the re-checked form's final grade is its 复核等级; another section's forms are not the reviewer's
        var table = await app.Get<JsonElement>("rev", $"/api/spot-check-results/{Year}");
        var rows = table.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal([bd1, bd2, yy], rows.Select(r => r.GetProperty("submissionId").GetGuid()).Order());
        var row = rows.Single(r => r.GetProperty("submissionId").GetGuid() == bd1);
        Assert.Equal(("中", "复核等级", "督促整改，压减或调整预算"), (row.GetProperty("finalGrade").GetString(), row.GetProperty("finalFrom").GetString(), row.GetProperty("note").GetString()));
        Assert.Equal("审核等级", rows.Single(r => r.GetProperty("submissionId").GetGuid() == bd2).GetProperty("finalFrom").GetString());
        Assert.Equal([otherSection], (await app.Get<JsonElement>("rev-other", $"/api/spot-check-results/{Year}")).GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("submissionId").GetGuid()));
        Assert.Equal([otherBureau], (await app.Get<JsonElement>("rev-b", $"/api/spot-check-results/{Year}")).GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("submissionId").GetGuid()));
        await Status("prep", HttpMethod.Get, $"/api/spot-check-results/{Year}", 403);

        // the dashboard counts per unit: drawn, re-scored, came out lower, released — the reviewer's sections only
        var dashboard = await (await app.Send("rev", HttpMethod.Get, "/dashboard")).Content.ReadAsStringAsync();
        Assert.Contains("<td>2016</td><td>上饶市大数据发展管理局</td><td>经济建设股</td><td class=\"num\">2</td><td class=\"num\">1</td><td class=\"num\">1</td><td class=\"num\">1</td>", dashboard, StringComparison.Ordinal);
        Assert.DoesNotContain("其他单位", dashboard, StringComparison.Ordinal);
        Assert.Contains("<td>2016</td><td>其他单位</td>", await (await app.Send("rev-other", HttpMethod.Get, "/dashboard")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_problem_and_stores_nothing()
    {
        const int Year = 2017;
        var form = await Approved("prep", "rev", Year, "坏输入项目");
        var before = await app.TotalEvents();

        var refused = await Status("rev", HttpMethod.Post, "/api/spot-checks", 400, new { fiscalYear = 1999, sampleSize = 0, randomSharePercent = 150, seed = -1 });
        Assert.Equal("draw-invalid", refused.GetProperty("code").GetString());
        Assert.Contains("抽取份数", refused.GetProperty("title").GetString(), StringComparison.Ordinal);
        await Status("rev", HttpMethod.Post, "/api/spot-checks", 400, new { sampleSize = 3, randomSharePercent = 20 });
        Assert.Equal("population-empty", (await Status("rev", HttpMethod.Post, "/api/spot-checks", 409, new { fiscalYear = 2003, sampleSize = 3, randomSharePercent = 20 })).GetProperty("code").GetString());
        await Status("prep", HttpMethod.Post, "/api/spot-checks", 403, new { fiscalYear = Year, sampleSize = 3, randomSharePercent = 20 });
        await Status("audit", HttpMethod.Post, "/api/spot-checks", 403, new { fiscalYear = Year, sampleSize = 3, randomSharePercent = 20 });
        Assert.Equal(before, await app.TotalEvents());

        var checkId = (await app.Command("rev", "/api/spot-checks", new { fiscalYear = Year, sampleSize = 1, randomSharePercent = 0 }, 201)).GetProperty("spotCheckId").GetGuid();
        before = await app.TotalEvents();
        var url = $"/api/spot-checks/{checkId}/forms/{form}/rescore";
        var invalid = await Status("rev2", HttpMethod.Post, url, 400, new { version = 1, score = 100.5m, reasons = " " });
        Assert.Equal(["score", "reasons"], invalid.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()));
        await Status("rev2", HttpMethod.Post, url, 400, new { version = 1, score = 80.123m, reasons = "理由" });
        await Status("rev2", HttpMethod.Post, url, 400, new { score = 80, reasons = "理由" });
        Assert.Equal("version-conflict", (await Status("rev2", HttpMethod.Post, url, 409, new { version = 2, score = 80, reasons = "理由" })).GetProperty("code").GetString());
        Assert.Equal("not-rescored", (await Status("rev2", HttpMethod.Post, $"/api/spot-checks/{checkId}/forms/{form}/release", 409, new { version = 1 })).GetProperty("code").GetString());
        Assert.Equal("not-sampled", (await Status("rev2", HttpMethod.Post, $"/api/spot-checks/{checkId}/forms/{Guid.NewGuid()}/rescore", 409, new { version = 1, score = 80, reasons = "理由" })).GetProperty("code").GetString());
        await Status("rev-other", HttpMethod.Post, url, 404, new { version = 1, score = 80, reasons = "理由" });
        await Status("rev-b", HttpMethod.Post, url, 404, new { version = 1, score = 80, reasons = "理由" });
        await Status("prep", HttpMethod.Post, url, 404, new { version = 1, score = 80, reasons = "理由" });
        await Status("rev2", HttpMethod.Post, $"/api/spot-checks/{Guid.NewGuid()}/forms/{form}/rescore", 404, new { version = 1, score = 80, reasons = "理由" });
        Assert.Equal(before, await app.TotalEvents());
    }

    [Fact]
    public async Task A_repeated_command_with_the_same_key_gets_the_first_answer_and_records_once()
    {
        const int Year = 2018;
        var form = await Approved("prep", "rev", Year, "幂等项目");
        var key = Guid.NewGuid();
        var first = await app.Command("rev", "/api/spot-checks", new { commandId = key, fiscalYear = Year, sampleSize = 1, randomSharePercent = 0, seed = 11 }, 201);
        var events = await app.TotalEvents();
        var again = await app.Command("rev", "/api/spot-checks", new { commandId = key, fiscalYear = Year, sampleSize = 1, randomSharePercent = 0, seed = 11 }, 201);
        Assert.Equal(first.GetProperty("spotCheckId").GetGuid(), again.GetProperty("spotCheckId").GetGuid());
        Assert.Equal(events, await app.TotalEvents());
        // a draw's stream is no report, and a report's stream no draw
        Assert.Null(await app.Load(first.GetProperty("spotCheckId").GetGuid()));
        await Status("audit", HttpMethod.Get, $"/api/spot-checks/{form}", 404);

        var checkId = first.GetProperty("spotCheckId").GetGuid();
        var rescoreKey = Guid.NewGuid();
        var body = new { commandId = rescoreKey, version = 1, score = 88, reasons = "指标佐证齐全，扣除满意度虚高部分" };
        var rescored = await app.Command("rev2", $"/api/spot-checks/{checkId}/forms/{form}/rescore", body);
        var replayed = await app.Command("rev2", $"/api/spot-checks/{checkId}/forms/{form}/rescore", body);
        Assert.Equal(rescored.ToString(), replayed.ToString());
        Assert.Equal(2, rescored.GetProperty("version").GetInt64());
        Assert.Equal(2, await app.StreamVersion(checkId));
        Assert.Equal(88m, (await app.Get<JsonElement>("rev", $"/api/spot-checks/{checkId}")).GetProperty("items")[0].GetProperty("rescore").GetProperty("score").GetDecimal());
    }
}
