using System.Text.Json;
using Approval.Web.Tests.Infrastructure;
using Approval.Workflow.Submissions;

namespace Approval.Web.Tests;

/// <summary>
/// 跨报告核对 through the API and the 汇总 page (#29): seed 004's two 自评表 against its own 决算公开 (221.25 of 994.99 万元 项目支出),
/// and only with what the caller may see — the section compares nothing with a package the unit has not sent.
/// </summary>
[Collection(ApiLane.Name)]
public class ReconciliationTests(WorkflowFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.BeginClassAsync(GetType());
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Guid> File(SubmissionKind kind, string title, SubmissionContent content, bool submit)
    {
        var id = (await app.Command("prep", "/api/submissions", new { fiscalYear = 2023, kind, title, content }, 201)).GetProperty("submissionId").GetGuid();
        await app.Command("prep", $"/api/submissions/{id}/score", new { version = 1 });
        if (submit) await app.Command("prep", $"/api/submissions/{id}/submit", new { version = 2 });
        return id;
    }

    private static JsonElement Line(JsonElement view, string id) => view.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("id").GetString() == id);

    [Fact]
    public async Task Seed_004s_forms_against_its_own_disclosure_as_each_caller_may_see_them()
    {
        foreach (var form in Samples.Seed("004_00e7fe4b0ab0df23.txt").Forms)
            await File(SubmissionKind.ProjectSelfEvaluation, form.Header.ProjectName, new SubmissionContent { ProjectForm = form }, submit: true);
        var package = await File(SubmissionKind.FinalAccountsDisclosure, "2023 年度部门决算公开", Samples.Disclosure2023(), submit: false);

        // the unit sees its package, still a draft: 221.25 of 994.99
        var unit = await app.Get<JsonElement>("prep", "/api/units/U-BD/reconciliation/2023");
        var forms = Line(unit, "RC-FORMS-DISCLOSURE");
        Assert.Equal(("Agrees", 221.25m, 994.99m), (forms.GetProperty("verdict").GetString(), forms.GetProperty("left").GetDecimal(), forms.GetProperty("right").GetDecimal()));
        Assert.Contains("22.24%", forms.GetProperty("detail").GetString());
        Assert.Equal("NotChecked", Line(unit, "RC-DEPARTMENT-DISCLOSURE").GetProperty("verdict").GetString()); // no 部门整体 filed
        Assert.Equal("NotChecked", Line(unit, "RC-DECLARED-DISCLOSURE").GetProperty("verdict").GetString()); // no 汇总 yet

        // the unit's 汇总 declares a 项目支出总额 other than its 决算's
        await File(SubmissionKind.SummaryReview, "2023 年度汇总审核表", new SubmissionContent { Summary = new SummaryDeclaration(990m, 2) }, submit: true);
        var declared = Line(await app.Get<JsonElement>("prep", "/api/units/U-BD/reconciliation/2023"), "RC-DECLARED-DISCLOSURE");
        Assert.Equal("Differs", declared.GetProperty("verdict").GetString());
        Assert.Contains("相差 -4.99 万元", declared.GetProperty("detail").GetString());

        // the section: nothing of the unit's draft package
        var section = await app.Get<JsonElement>("rev", "/api/units/U-BD/reconciliation/2023");
        Assert.Equal("NotChecked", Line(section, "RC-FORMS-DISCLOSURE").GetProperty("verdict").GetString());
        Assert.DoesNotContain("994.99", section.ToString(), StringComparison.Ordinal);
        Assert.Equal(404, (int)(await app.Send("rev-other", HttpMethod.Get, "/api/units/U-BD/reconciliation/2023")).StatusCode);

        // once the package is sent, the section compares with it too; the page shows the comparison
        await app.Command("prep", $"/api/submissions/{package}/submit", new { version = 2 });
        section = await app.Get<JsonElement>("rev", "/api/units/U-BD/reconciliation/2023");
        Assert.Equal("Agrees", Line(section, "RC-FORMS-DISCLOSURE").GetProperty("verdict").GetString());
        Assert.Equal("Differs", Line(section, "RC-DECLARED-DISCLOSURE").GetProperty("verdict").GetString());
        var page = await (await app.Send("rev", HttpMethod.Get, "/units/U-BD/summary/2023")).Content.ReadAsStringAsync();
        Assert.Contains("跨报告核对", page, StringComparison.Ordinal);
        Assert.Contains("自评的 2 个项目全年执行数合计 221.25 万元，不超过公开03表合计行项目支出 994.99 万元，占决算项目支出的 22.24%", page, StringComparison.Ordinal);
        // 自评质量 across the unit's forms: both of seed 004's forms spent 62.60% and 75.43% with every indicator at full marks
        Assert.Contains("已评分的 2 份自评表中，<strong>2 份</strong>有值得核实的提示（共 4 处）", page, StringComparison.Ordinal);
        Assert.Contains("指标得分远高于预算执行率所能支撑（2 份）", page, StringComparison.Ordinal);
    }
}
