using System.Text.Json;
using Approval.Web.Submissions.Queries;
using Approval.Web.Tests.Infrastructure;
using Approval.Workflow.Submissions;

namespace Approval.Web.Tests;

/// <summary>
/// Review by kind over HTTP: a 部门决算公开 package (seed 002's tables) carries its 批复日期, is returned and then approved
/// without a grade (a grade sent is a 400 problem and records nothing), and shows on the dashboard once its 20-day
/// publication deadline has passed — for its section's reviewers only.
/// </summary>
[Collection(ApiLane.Name)]
public class DisclosureReviewTests(WorkflowFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.BeginClassAsync(GetType());
    public Task DisposeAsync() => Task.CompletedTask;

    private static SubmissionContent Package(DateOnly? approvedOn)
    {
        var report = Samples.Seed("002_3e97706fd429c0f0.txt");
        return new SubmissionContent { Disclosure = new DisclosurePackage(report.Tables, report.Narrative) { BudgetApprovedOn = approvedOn } };
    }

    [Fact]
    public async Task A_package_is_returned_then_approved_without_a_grade_and_its_overdue_deadline_shows_on_the_dashboard()
    {
        // A 批复 before the fiscal year closed cannot be: refused, nothing recorded.
        var before = await app.TotalEvents();
        var early = await app.Command("prep", "/api/submissions",
            new { fiscalYear = 2021, kind = SubmissionKind.FinalAccountsDisclosure, title = "2021年度部门决算（测试）", content = Package(new DateOnly(2021, 12, 31)) }, 400);
        Assert.Equal("budget-approved-on", early.GetProperty("code").GetString());
        Assert.Contains("决算在年度终了后才能批复", early.GetProperty("message").GetString());
        Assert.Equal(before, await app.TotalEvents());

        var id = (await app.Command("prep", "/api/submissions",
            new { fiscalYear = 2021, kind = SubmissionKind.FinalAccountsDisclosure, title = "2021年度部门决算（测试）", content = Package(null) }, 201))
            .GetProperty("submissionId").GetGuid();
        var future = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3);
        await app.Reports.Step("prep", id, "content", new { content = Package(future) }, 400, HttpMethod.Put);
        await app.Reports.Step("prep", id, "content", new { content = Package(new DateOnly(2022, 3, 1)) }, method: HttpMethod.Put);
        await app.Reports.Step("prep", id, "score");
        await app.Reports.Step("prep", id, "submit");
        await app.Reports.Step("rev", id, "claim");
        await app.Reports.Step("rev", id, "return", new { reason = "批复日期与批复文件不符" });
        await app.Reports.Step("prep", id, "content", new { content = Package(new DateOnly(2022, 3, 2)) }, method: HttpMethod.Put);
        await app.Reports.Step("prep", id, "score");
        await app.Reports.Step("prep", id, "submit");
        await app.Reports.Step("rev", id, "claim");

        // a grade for a package: 400 with the reason in Chinese, nothing recorded
        var version = await app.StreamVersion(id);
        var graded = await app.Command("rev", $"/api/submissions/{id}/approve", new { version, grade = "良", opinion = "同意", stamp = "章" }, 400);
        Assert.Equal(("grade-not-applicable", "部门决算公开审核只作通过或退回，不评定等级"), (graded.GetProperty("code").GetString(), graded.GetProperty("message").GetString()));
        Assert.Equal(version, await app.StreamVersion(id));
        Assert.Equal(SubmissionState.InReview, (await app.Load(id)).State);

        await app.Reports.Step("rev", id, "approve", new { opinion = "经审核，同意公开", stamp = "经济建设股业务专用章" });
        var s = await app.Load(id);
        Assert.Equal((SubmissionState.Approved, (Approval.Workflow.Templates.Grade?)null, "经审核，同意公开"), (s.State, s.Approval!.Grade, s.Approval.Opinion));
        Assert.Equal(["退回修改", "审核通过"], s.Rounds.Select(r => r.Outcome));

        var history = await app.Get<List<AuditEntry>>("audit", $"/api/submissions/{id}/history");
        Assert.Contains(history, h => h.Summary.Contains("批复日期：— → 2022-03-01", StringComparison.Ordinal));
        Assert.Contains(history, h => h.Summary.Contains("批复日期：2022-03-01 → 2022-03-02", StringComparison.Ordinal));
        Assert.Contains("审核通过（部门决算公开，不评定等级）", history[^1].Summary);
        Assert.EndsWith("disclosure_package_approved", history[^1].EventType);

        // The dashboard: past its deadline (2022-03-22) and not yet 已公开 — for the section's reviewers, never another section's.
        var stats = await app.Get<JsonElement>("rev", "/api/statistics");
        var overdue = stats.GetProperty("publicationOverdue").EnumerateArray().Single(d => d.GetProperty("id").GetGuid() == id);
        Assert.Equal(("2022-03-02", "2022-03-22", "Overdue"), (overdue.GetProperty("budgetApprovedOn").GetString(), overdue.GetProperty("dueOn").GetString(), overdue.GetProperty("standing").GetString()));
        Assert.StartsWith("应于 2022-03-22 前公开，已逾期", overdue.GetProperty("text").GetString());
        var other = await app.Get<JsonElement>("rev-other", "/api/statistics");
        Assert.DoesNotContain(other.GetProperty("publicationOverdue").EnumerateArray(), d => d.GetProperty("id").GetGuid() == id);
        var queue = await app.Get<JsonElement>("rev", "/api/review-queue?state=Approved&pageSize=100");
        Assert.Contains(queue.GetProperty("deadlines").EnumerateArray(), d => d.GetProperty("id").GetGuid() == id && d.GetProperty("standing").GetString() == "Overdue");

        // Published, it leaves the overdue list; the public page says 审核通过 without a grade.
        await app.Reports.Step("rev", id, "publish", new { indexNumber = "DSJ-2021-JS", publisher = "上饶市大数据发展管理局", confidentialityReviewed = true, principalSigned = true });
        stats = await app.Get<JsonElement>("rev", "/api/statistics");
        Assert.DoesNotContain(stats.GetProperty("publicationOverdue").EnumerateArray(), d => d.GetProperty("id").GetGuid() == id);
        var page = await (await app.Send(null, HttpMethod.Get, $"/public/{id}")).Content.ReadAsStringAsync();
        Assert.Contains("财政局业务股室审核意见：<span class=\"grade\" id=\"public-review-outcome\">审核通过</span>", page);
    }

    [Fact]
    public async Task A_department_report_still_needs_a_grade()
    {
        var id = (await app.Command("prep", "/api/submissions", new
        {
            fiscalYear = 2021, kind = SubmissionKind.DepartmentSelfEvaluation, title = "2021年度部门整体支出绩效自评报告（测试）",
            content = new SubmissionContent { Department = new DepartmentSelfEvaluation("部门整体支出绩效自评报告……自评得分97.44分", 97.44m) },
        }, 201)).GetProperty("submissionId").GetGuid();
        await app.Reports.Step("prep", id, "score");
        await app.Reports.Step("prep", id, "submit");
        await app.Reports.Step("rev", id, "claim");
        var missing = await app.Command("rev", $"/api/submissions/{id}/approve", new { version = await app.StreamVersion(id), opinion = "同意", stamp = "章" }, 400);
        Assert.Equal(("grade-required", "请评定等级：优、良、中、差"), (missing.GetProperty("code").GetString(), missing.GetProperty("message").GetString()));
        var suggested = (await app.Load(id)).Score?.SuggestedGrade?.ToString() ?? "优";
        await app.Reports.Step("rev", id, "approve", new { grade = suggested, opinion = "同意", stamp = "章" });
        Assert.Equal(suggested, (await app.Load(id)).Approval!.Grade.ToString());
    }
}
