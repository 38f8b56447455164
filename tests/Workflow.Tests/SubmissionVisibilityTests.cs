using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Reviewing;

namespace Approval.Workflow.Tests;

/// <summary>
/// One rule of who sees a report: <see cref="SubmissionVisibility.VisibleTo{T}(IQueryable{T}, Actor?)"/>, the filter every list and count
/// uses, lets through exactly the reports <see cref="SubmissionAccess.CanSee"/> opens — for every role, state, unit and section,
/// and for a stand-in during a 委托.
/// </summary>
public class SubmissionVisibilityTests
{
    private static readonly Actor[] Actors =
    [
        new("prep", "王填报", Role.Preparer, "U-1"),
        new("prep-none", "无单位填报人", Role.Preparer),
        new("rev", "张经办", Role.Reviewer, null, ["S-1"]),
        new("rev-two", "李经办", Role.Reviewer, null, ["S-1", "S-2"]),
        new("rev-none", "无股室审核人", Role.Reviewer),
        new Actor("stand-in", "王五", Role.Reviewer, null, ["S-3"]) { StandingIn = [new(Guid.NewGuid(), "zhang", "张三", ["S-2"])] },
        new("audit", "审计", Role.Auditor),
        new("admin", "管理员", Role.Admin),
        new("province", "省级审计", Role.ProvinceAuditor),
    ];

    /// <summary>Every state, in two units covered by sections S-1 and S-2, and a report not yet given a section.</summary>
    private static readonly Submission[] Reports =
    [
        .. from state in Enum.GetValues<SubmissionState>()
           from place in new[] { ("U-1", (string?)"S-1"), ("U-2", "S-2"), ("U-1", null), ("U-3", "S-3") }
           select new Submission { Id = Guid.NewGuid(), UnitId = place.Item1, SectionId = place.Item2, State = state },
    ];

    public static TheoryData<int> ActorIndexes() => [.. Enumerable.Range(0, Actors.Length)];

    [Theory]
    [MemberData(nameof(ActorIndexes))]
    public void The_query_and_the_rule_agree_on_every_report(int actorIndex)
    {
        var actor = Actors[actorIndex];
        var listed = Reports.AsQueryable().VisibleTo(actor).Select(s => s.Id).ToHashSet();
        foreach (var report in Reports)
            Assert.True(SubmissionAccess.CanSee(actor, report) == listed.Contains(report.Id),
                $"{actor.UserId} on {report.UnitId}/{report.SectionId ?? "-"}/{report.State}: CanSee {SubmissionAccess.CanSee(actor, report)}, listed {listed.Contains(report.Id)}");
    }

    [Fact]
    public void The_queue_items_follow_the_same_rule()
    {
        var items = Reports.Select(r => new ReviewQueueItem { Id = r.Id, UnitId = r.UnitId, SectionId = r.SectionId, State = r.State }).ToArray();
        foreach (var actor in Actors)
        {
            var listed = items.AsQueryable().VisibleTo(actor).Select(i => i.Id).ToHashSet();
            Assert.Equal(Reports.Where(r => SubmissionAccess.CanSee(actor, r)).Select(r => r.Id).ToHashSet(), listed);
        }
    }

    [Fact]
    public void Nobody_signed_in_sees_nothing_and_the_table_covers_both_outcomes()
    {
        Assert.Empty(Reports.AsQueryable().VisibleTo(null));
        // The table is no test if every actor saw all or nothing: each role sees some reports and misses others.
        foreach (var actor in Actors.Where(a => a.Role is Role.Preparer or Role.Reviewer && (a.UnitId ?? (a.ReviewSectionIds.Count > 0 ? "" : null)) is not null))
        {
            var seen = Reports.AsQueryable().VisibleTo(actor).Count();
            Assert.InRange(seen, 1, Reports.Length - 1);
        }
        Assert.Equal(Reports.Length, Reports.AsQueryable().VisibleTo(Actors.Single(a => a.Role == Role.Admin)).Count());
    }
}
