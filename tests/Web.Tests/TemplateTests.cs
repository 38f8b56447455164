using System.Text.Json;
using Approval.Web.Tests.Infrastructure;
using Approval.Workflow.Import;
using Approval.Workflow.Submissions;
using Approval.Workflow.Templates;

namespace Approval.Web.Tests;

[Collection(ApiLane.Name)]
public class TemplateTests(WorkflowFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.BeginClassAsync(GetType());
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_admin_adds_a_template_version_and_scoring_uses_it_and_records_it()
    {
        var stepped = BuiltInTemplates.Ganzhou2023 with
        {
            Version = 2,
            FundsRule = new FundsRule(FundsRuleKind.Stepped, [new FundsStep(90, 1m), new FundsStep(60, 0.5m), new FundsStep(0, 0m)]),
        };
        await app.Command("prep", "/api/admin/templates", stepped, 403);
        await app.Command("admin", "/api/admin/templates", stepped, 201);
        var again = await app.Command("admin", "/api/admin/templates", stepped, 409);
        Assert.Equal("template-exists", again.GetProperty("code").GetString());
        var broken = await app.Command("admin", "/api/admin/templates", stepped with { Version = 3, FundsWeight = -10 }, 400);
        Assert.Contains("不能为负数", broken.GetProperty("title").GetString());

        var form = Samples.Seed("004_00e7fe4b0ab0df23.txt").Forms[0];
        var created = await app.Command("prep", "/api/submissions",
            new { fiscalYear = 2023, kind = SubmissionKind.ProjectSelfEvaluation, title = "大厅日常运行维护经费", content = new SubmissionContent { ProjectForm = form } }, 201);
        var id = created.GetProperty("submissionId").GetGuid();
        await app.Command("prep", $"/api/submissions/{id}/score", new { version = 1 });
        var summary = (await app.Load(id)).Score!;
        Assert.Equal(("ganzhou-2023", 2), (summary.TemplateId, summary.TemplateVersion));
        // the full card (findings, explanations) is its own resource, beside the small snapshot
        var response = await app.Send("prep", HttpMethod.Get, $"/api/submissions/{id}/score");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var card = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("ganzhou-2023", card.GetProperty("templateId").GetString());
        Assert.Equal(5m, card.GetProperty("selfEvaluation").GetProperty("funds").GetProperty("score").GetDecimal()); // 62.6% reaches the 60% step: the printed 5 now follows the declared rule
        var rules = card.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("rule").GetString()).ToList();
        Assert.NotEmpty(rules);
        Assert.DoesNotContain("SE-FUNDS-SCORE", rules);
        Assert.Equal(summary.ErrorCount + summary.WarningCount, card.GetProperty("findings").EnumerateArray().Count(f => f.GetProperty("severity").GetString() is "Error" or "Warning"));

        // 停用: the version is no longer chosen (the built-in ganzhou-2023@1 scores the same form again) and no longer listed
        await app.Command("prep", "/api/admin/templates/ganzhou-2023@2", new { disabled = true }, 403, HttpMethod.Put);
        Assert.Equal("template-built-in", (await app.Command("admin", "/api/admin/templates/ganzhou-2023@1", new { disabled = true }, 409, HttpMethod.Put)).GetProperty("code").GetString());
        await app.Command("admin", "/api/admin/templates/ganzhou-2023@9", new { disabled = true }, 404, HttpMethod.Put);
        await app.Command("admin", "/api/admin/templates/ganzhou-2023@2", new { }, 400, HttpMethod.Put);
        await app.Command("admin", "/api/admin/templates/ganzhou-2023@2", new { disabled = true }, 200, HttpMethod.Put);
        var listed = await app.Get<JsonElement>("prep", "/api/templates");
        Assert.DoesNotContain(listed.EnumerateArray(), t => t.GetProperty("id").GetString() == "ganzhou-2023" && t.GetProperty("version").GetInt32() == 2);
        await app.Command("prep", $"/api/submissions/{id}/score", new { version = 2 });
        var rescored = (await app.Load(id)).Score!;
        Assert.Equal(("ganzhou-2023", 1), (rescored.TemplateId, rescored.TemplateVersion));
    }

    [Fact]
    public async Task The_xlsx_template_downloads_and_reads_back()
    {
        var response = await app.Send("prep", HttpMethod.Get, "/api/templates/self-evaluation.xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var report = ReportImporter.Read(bytes, "模板.xlsx");
        Assert.Empty(report.Forms); // an empty template has no indicators yet, and says so
        Assert.Contains(report.Issues, i => i.Message.Contains("绩效指标"));
        var templates = await app.Get<JsonElement>("prep", "/api/templates");
        Assert.True(templates.GetArrayLength() >= 2);
    }
}
