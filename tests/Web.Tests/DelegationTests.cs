using System.Net;
using System.Text.Json;
using Approval.Web.Delegations;
using Approval.Web.Submissions.Queries;
using Approval.Web.Tests.Infrastructure;
using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Reviewing;

namespace Approval.Web.Tests;

/// <summary>
/// 委托 over HTTP: 张经办 (rev, 经济建设股) hands his queue to 钱经办 (rev-other, 行政政法股) for two days. The stand-in sees
/// and decides on 张经办's items only during those days (the app's clock is moved to each edge), every decision and the trail
/// carry both names, a revocation ends it at once, and nothing crosses into another 财政局.
/// </summary>
public class DelegationTests(MovableClockFixture app) : IClassFixture<MovableClockFixture>
{
    private const int Year = 2041;

    private async Task<object> Approval(Guid id)
    {
        var s = await app.Load(id);
        return new { version = s.Version, grade = s.Score!.SuggestedGrade!.Value.ToString(), opinion = "同意", stamp = "财政局审核专用章" };
    }

    private async Task<IReadOnlyList<Guid>> QueueOf(string user) =>
        [.. (await app.Get<ReviewQueue>(user, $"/api/review-queue?year={Year}&state=all&pageSize=200")).Items.Select(i => i.Id)];

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_stand_in_acts_from_the_first_to_the_last_day_with_both_names_recorded_and_not_outside()
    {
        app.Clock.Reset();
        var first = MovableClock.RealBeijingToday().AddDays(1);
        var last = first.AddDays(1);
        var held = await app.Reports.Submitted(title: "委托甲", content: Samples.YiyangProject("委托甲", 100m, 95m, 91.5m), year: Year);
        var later = await app.Reports.Submitted(title: "委托乙", content: Samples.YiyangProject("委托乙", 100m, 95m, 91.5m), year: Year);
        await app.Command("rev", $"/api/submissions/{held}/claim", new { version = 3 });
        await app.Command("rev", $"/api/submissions/{later}/claim", new { version = 3 });
        var granted = await app.Command("rev", "/api/delegations", new { standInId = "rev-other", from = Day(first), to = Day(last), reason = "外出培训" }, 201);
        var delegationId = granted.GetProperty("delegationId").GetGuid();

        // The day before (23:59 Beijing): nothing of 经济建设股 for the stand-in.
        app.Clock.SetTo(MovableClock.Beijing(first.AddDays(-1), 23, 59));
        Assert.DoesNotContain(held, await QueueOf("rev-other"));
        Assert.Equal(HttpStatusCode.NotFound, (await app.Send("rev-other", HttpMethod.Get, $"/api/submissions/{held}")).StatusCode);
        await app.Command("rev-other", $"/api/submissions/{held}/approve", await Approval(held), 404);

        // The first day: the delegator's items are in the stand-in's queue, marked for whom.
        app.Clock.SetTo(MovableClock.Beijing(first, 0, 0, 30));
        var queue = await app.Get<ReviewQueue>("rev-other", $"/api/review-queue?year={Year}&state=all&pageSize=200");
        Assert.Contains(held, queue.Items.Select(i => i.Id));
        Assert.Equal("张经办", queue.Delegated.Single(d => d.Id == held).For);
        Assert.Contains(held, (await app.Get<ReviewQueue>("rev-other", $"/api/review-queue?year={Year}&mine=true")).Items.Select(i => i.Id));

        // The last day: the stand-in approves what 张经办 holds; the event, the snapshot, the signature and the trail say both names.
        app.Clock.SetTo(MovableClock.Beijing(last, 23, 59));
        await app.Command("rev-other", $"/api/submissions/{held}/approve", await Approval(held));
        var approved = await app.Load(held);
        Assert.Equal(("rev-other", "钱经办", "张经办"), (approved.Approval!.Reviewer.UserId, approved.Approval.Reviewer.Name, approved.Approval.Reviewer.OnBehalfOf?.Name));
        Assert.Equal("钱经办（代 张经办）", approved.Approval.Signature);
        var trail = await app.Get<JsonElement>("audit", $"/api/submissions/{held}/history");
        var line = trail.EnumerateArray().Last();
        Assert.Equal(("审核通过", "钱经办（代 张经办）"), (line.GetProperty("name").GetString(), line.GetProperty("actorName").GetString()));
        Assert.StartsWith("钱经办（代 张经办） 审核通过", line.GetProperty("summary").GetString());
        Assert.Equal("张经办", line.GetProperty("data").GetProperty("by").GetProperty("onBehalfOf").GetProperty("name").GetString());
        await using (var session = app.Store.QuerySession(TestOrganization.Tenant))
        {
            var stored = (await session.Events.FetchStreamAsync(held))[^1].Data;
            Assert.Equal(new ActingFor("rev", "张经办"), Assert.IsType<SubmissionApproved>(stored).By.OnBehalfOf);
        }

        // The day after: gone again.
        app.Clock.SetTo(MovableClock.Beijing(last.AddDays(1), 0, 0, 30));
        Assert.DoesNotContain(later, await QueueOf("rev-other"));
        Assert.Equal(HttpStatusCode.NotFound, (await app.Send("rev-other", HttpMethod.Get, $"/api/submissions/{later}")).StatusCode);
        await app.Command("rev-other", $"/api/submissions/{later}/approve", await Approval(later), 404);
        Assert.Equal("已到期", (await app.Get<List<DelegationView>>("rev", "/api/delegations")).Single(d => d.Id == delegationId).Standing);
        app.Clock.Reset();
    }

    [Fact]
    public async Task A_revoked_delegation_ends_at_once_and_only_the_delegator_or_an_admin_revokes()
    {
        app.Clock.Reset();
        var today = MovableClock.RealBeijingToday();
        var item = await app.Reports.Submitted(title: "委托丙", content: Samples.YiyangProject("委托丙", 100m, 95m, 91.5m), year: Year);
        var id = (await app.Command("rev2", "/api/delegations", new { standInId = "rev-other", from = Day(today), to = Day(today.AddDays(3)), reason = "休假" }, 201))
            .GetProperty("delegationId").GetGuid();
        Assert.Contains(item, await QueueOf("rev-other"));

        // The bureau's admin and auditor see it; the stand-in and the auditor may not revoke it.
        Assert.Contains(id, (await app.Get<List<DelegationView>>("admin", "/api/delegations")).Select(d => d.Id));
        Assert.Contains(id, (await app.Get<List<DelegationView>>("audit", "/api/delegations")).Select(d => d.Id));
        Assert.Contains(id, (await app.Get<List<DelegationView>>("rev-other", "/api/delegations")).Select(d => d.Id));
        Assert.DoesNotContain(id, (await app.Get<List<DelegationView>>("rev", "/api/delegations")).Select(d => d.Id));
        await app.Command("rev-other", $"/api/delegations/{id}/revoke", new { reason = "不接受" }, 403);
        await app.Command("audit", $"/api/delegations/{id}/revoke", new { }, 403);
        await app.Command("rev", $"/api/delegations/{id}/revoke", new { }, 404);

        await app.Command("admin", $"/api/delegations/{id}/revoke", new { reason = "提前返岗" });
        Assert.DoesNotContain(item, await QueueOf("rev-other"));
        await app.Command("rev-other", $"/api/submissions/{item}/claim", new { version = 3 }, 404);
        var view = (await app.Get<List<DelegationView>>("rev2", "/api/delegations")).Single(d => d.Id == id);
        Assert.Equal(("已收回", "管理员", false), (view.Standing, view.RevokedBy, view.Revocable));
        await app.Command("rev2", $"/api/delegations/{id}/revoke", new { }, 409);
    }

    [Fact]
    public async Task Nothing_crosses_into_another_bureau()
    {
        app.Clock.Reset();
        var today = Day(MovableClock.RealBeijingToday());
        var before = await app.TotalEvents();
        // 冯经办 (rev-b) is a reviewer of 弋阳: not a colleague of 上饶's reviewers, and not offered as one.
        Assert.DoesNotContain("rev-b", (await app.Get<List<ColleagueView>>("rev", "/api/delegations/colleagues")).Select(c => c.Id));
        var refused = await app.Command("rev", "/api/delegations", new { standInId = "rev-b", from = today, to = today, reason = "出差" }, 400);
        Assert.Contains(refused.GetProperty("errors").EnumerateArray(), e => e.GetProperty("code").GetString() == "stand-in-unknown");
        Assert.Equal(before, await app.TotalEvents());

        var id = (await app.Command("rev", "/api/delegations", new { standInId = "rev2", from = today, to = today, reason = "出差" }, 201)).GetProperty("delegationId").GetGuid();
        Assert.Empty(await app.Get<List<DelegationView>>("admin-b", "/api/delegations"));
        Assert.Empty(await app.Get<List<DelegationView>>("rev-b", "/api/delegations"));
        await app.Command("admin-b", $"/api/delegations/{id}/revoke", new { }, 404);
        await app.Command("rev", $"/api/delegations/{id}/revoke", new { });
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_reason_and_stores_nothing()
    {
        app.Clock.Reset();
        var today = MovableClock.RealBeijingToday();
        var before = await app.TotalEvents();
        async Task Refused(object body, string code, string user = "rev", int status = 400)
        {
            var problem = await app.Command(user, "/api/delegations", body, status);
            var codes = problem.TryGetProperty("errors", out var errors) ? errors.EnumerateArray().Select(e => e.GetProperty("code").GetString()).ToList() : [];
            Assert.True(problem.GetProperty("code").GetString() == code || codes.Contains(code), $"{code} expected: {problem}");
            Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        }
        await Refused(new { standInId = "rev-other", from = "2026-02-30", to = Day(today), reason = "出差" }, "from-required");
        await Refused(new { standInId = "rev-other", from = Day(today.AddDays(2)), to = Day(today.AddDays(1)), reason = "出差" }, "to-before-from");
        await Refused(new { standInId = "rev-other", from = Day(today.AddDays(-1)), to = Day(today), reason = "出差" }, "from-past");
        await Refused(new { standInId = "rev-other", from = Day(today), to = Day(today), reason = "" }, "reason-required");
        await Refused(new { standInId = "rev", from = Day(today), to = Day(today), reason = "出差" }, "stand-in-self");
        await Refused(new { standInId = "prep", from = Day(today), to = Day(today), reason = "出差" }, "stand-in-unknown");
        await Refused(new { standInId = new string('x', 5000), from = Day(today), to = Day(today), reason = "出差" }, "stand-in-unknown");
        await Refused(new { standInId = "rev-other", from = Day(today), to = Day(today), reason = "出差" }, "not-reviewer", "admin", 403);
        await Refused(new { standInId = "rev-other", from = Day(today), to = Day(today), reason = "出差" }, "not-reviewer", "prep", 403);
        Assert.Equal(before, await app.TotalEvents());
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Send("prep", HttpMethod.Get, "/api/delegations")).StatusCode);
    }
}
