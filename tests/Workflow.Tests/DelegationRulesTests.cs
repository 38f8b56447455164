using Approval.Workflow.Delegations;
using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Drafting;
using Approval.Workflow.Submissions.Reviewing;
using Approval.Workflow.Submissions.Submitting;
using Approval.Workflow.Templates;

namespace Approval.Workflow.Tests;

/// <summary>
/// 委托: a reviewer hands the review of their sections to a colleague of the same 财政局 for whole days; the stand-in acts
/// only during the period, only on those sections, and every decision records both names.
/// </summary>
public class DelegationRulesTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);
    private static readonly Actor Zhang = new("zhang", "张三", Role.Reviewer, null, ["S-1"]);
    private static readonly Actor Wang = new("wang", "王五", Role.Reviewer, null, ["S-2"]);
    private static readonly Colleague WangColleague = new("wang", "王五", Role.Reviewer, false, ["S-2"]);
    private static readonly Colleague ZhangNow = new("zhang", "张三", Role.Reviewer, false, ["S-1"]);
    private static readonly Actor Preparer = new("clerk", "王填报", Role.Preparer, "U-001");

    private static DelegationGranted Grant(DateOnly from, DateOnly to, IEnumerable<Delegation>? existing = null) =>
        DelegationRules.Grant(Guid.NewGuid(), Zhang, WangColleague, from, to, "出差", Today, existing ?? []);

    private static Delegation Of(DelegationGranted g, bool revoked = false) => new()
    {
        Id = g.DelegationId, DelegatorId = g.DelegatorId, DelegatorName = g.DelegatorName, SectionIds = [.. g.SectionIds], StandInId = g.StandInId,
        StandInName = g.StandInName, From = g.From, To = g.To, Reason = g.Reason, Revoked = revoked,
    };

    /// <summary>王五 as a request on <paramref name="day"/> sees them: with what they hold that day.</summary>
    private static Actor WangOn(DateOnly day, params Delegation[] delegations) =>
        Wang with { StandingIn = DelegationRules.HeldBy("wang", delegations, new Dictionary<string, Colleague> { ["zhang"] = ZhangNow }, day) };

    private static void Refused(ViolationKind kind, string code, Action act)
    {
        var e = Assert.Throws<SubmissionRuleException>(act);
        Assert.Equal(kind, e.Violation.Kind);
        Assert.True(e.Violation.Code == code || e.Violation.Fields.Any(f => f.Code == code), $"{code} expected, got {e.Violation.Code}: {e.Violation.Message}");
    }

    [Fact]
    public void The_stand_in_acts_from_the_first_to_the_last_day_and_not_the_day_before_or_after()
    {
        var delegation = Of(Grant(new(2026, 3, 12), new(2026, 3, 14)));
        Assert.Empty(WangOn(new(2026, 3, 11), delegation).StandingIn);
        Assert.Equal(["S-2", "S-1"], WangOn(new(2026, 3, 12), delegation).ReviewSectionIds);
        Assert.Equal(["S-2", "S-1"], WangOn(new(2026, 3, 14), delegation).ReviewSectionIds);
        Assert.Equal(["S-2"], WangOn(new(2026, 3, 15), delegation).ReviewSectionIds);
        Assert.Equal(["待生效", "生效中", "生效中", "已到期"],
            new DateOnly[] { new(2026, 3, 11), new(2026, 3, 12), new(2026, 3, 14), new(2026, 3, 15) }.Select(delegation.StandingOn));
    }

    [Fact]
    public void A_revoked_delegation_or_a_delegator_no_longer_reviewing_hands_over_nothing()
    {
        var granted = Grant(Today, Today.AddDays(5));
        Assert.Empty(WangOn(Today, Of(granted, revoked: true)).StandingIn);
        var moved = DelegationRules.HeldBy("wang", [Of(granted)], new Dictionary<string, Colleague> { ["zhang"] = ZhangNow with { SectionIds = ["S-9"] } }, Today);
        Assert.Empty(moved);
        var disabled = DelegationRules.HeldBy("wang", [Of(granted)], new Dictionary<string, Colleague> { ["zhang"] = ZhangNow with { Disabled = true } }, Today);
        Assert.Empty(disabled);
        // Held by someone else: 王五's delegation is nobody else's.
        Assert.Empty(DelegationRules.HeldBy("li", [Of(granted)], new Dictionary<string, Colleague> { ["zhang"] = ZhangNow }, Today));
    }

    [Fact]
    public void Only_a_section_reviewer_grants_and_only_to_a_reviewer_in_use_of_the_bureau_other_than_themselves()
    {
        Refused(ViolationKind.Forbidden, "not-reviewer", () => DelegationRules.Grant(Guid.NewGuid(), Preparer, WangColleague, Today, Today, "出差", Today, []));
        Refused(ViolationKind.Forbidden, "not-reviewer", () => DelegationRules.Grant(Guid.NewGuid(), new Actor("admin", "管理员", Role.Admin), WangColleague, Today, Today, "出差", Today, []));
        // A colleague of another 财政局 is never found in the caller's bureau: the web host passes null.
        Refused(ViolationKind.Invalid, "stand-in-unknown", () => DelegationRules.Grant(Guid.NewGuid(), Zhang, null, Today, Today, "出差", Today, []));
        Refused(ViolationKind.Invalid, "stand-in-unknown", () => DelegationRules.Grant(Guid.NewGuid(), Zhang, WangColleague with { Role = Role.Auditor }, Today, Today, "出差", Today, []));
        Refused(ViolationKind.Invalid, "stand-in-unknown", () => DelegationRules.Grant(Guid.NewGuid(), Zhang, WangColleague with { Disabled = true }, Today, Today, "出差", Today, []));
        Refused(ViolationKind.Invalid, "stand-in-self", () => DelegationRules.Grant(Guid.NewGuid(), Zhang, ZhangNow, Today, Today, "出差", Today, []));
    }

    [Fact]
    public void The_period_is_whole_days_from_today_at_most_a_quarter_and_the_reason_is_required()
    {
        Refused(ViolationKind.Invalid, "from-past", () => Grant(Today.AddDays(-1), Today));
        Refused(ViolationKind.Invalid, "to-before-from", () => Grant(Today.AddDays(2), Today.AddDays(1)));
        Refused(ViolationKind.Invalid, "period-too-long", () => Grant(Today, Today.AddDays(DelegationRules.MaxDays)));
        Assert.Equal(Today.AddDays(DelegationRules.MaxDays - 1), Grant(Today, Today.AddDays(DelegationRules.MaxDays - 1)).To);
        Refused(ViolationKind.Invalid, "from-required", () => DelegationRules.Grant(Guid.NewGuid(), Zhang, WangColleague, null, Today, "出差", Today, []));
        Refused(ViolationKind.Invalid, "reason-required", () => DelegationRules.Grant(Guid.NewGuid(), Zhang, WangColleague, Today, Today, "  ", Today, []));
        Refused(ViolationKind.Invalid, "reason-invalid", () => DelegationRules.Grant(Guid.NewGuid(), Zhang, WangColleague, Today, Today, "出\u0000差", Today, []));
        var granted = Grant(Today, Today);
        Assert.Equal((Today, Today, "出差", "S-1"), (granted.From, granted.To, granted.Reason, Assert.Single(granted.SectionIds)));
    }

    [Fact]
    public void A_second_delegation_overlapping_a_standing_one_is_refused_until_that_one_is_revoked()
    {
        var first = Of(Grant(Today, Today.AddDays(3)));
        Refused(ViolationKind.Conflict, "delegation-overlaps", () => Grant(Today.AddDays(3), Today.AddDays(6), [first]));
        Assert.NotNull(Grant(Today.AddDays(4), Today.AddDays(6), [first]));
        first.Revoked = true;
        Assert.NotNull(Grant(Today, Today.AddDays(3), [first]));
    }

    [Fact]
    public void No_delegation_to_a_colleague_who_has_handed_their_own_review_away_for_part_of_the_period()
    {
        // 王五 is away from the 12th to the 14th (his own 委托 to 李四); 张三 cannot hand him the 13th, nor back to 王五 what 王五 gave him
        var wangAway = Of(DelegationRules.Grant(Guid.NewGuid(), Wang, new Colleague("li", "李四", Role.Reviewer, false, ["S-3"]),
            Today.AddDays(2), Today.AddDays(4), "休假", Today, []));
        Refused(ViolationKind.Conflict, "stand-in-away", () => DelegationRules.Grant(Guid.NewGuid(), Zhang, WangColleague, Today.AddDays(4), Today.AddDays(6), "出差", Today, [], [wangAway]));
        var wangToZhang = Of(DelegationRules.Grant(Guid.NewGuid(), Wang, ZhangNow, Today.AddDays(10), Today.AddDays(12), "出差", Today, []));
        Refused(ViolationKind.Conflict, "stand-in-away", () => DelegationRules.Grant(Guid.NewGuid(), Zhang, WangColleague, Today.AddDays(11), Today.AddDays(11), "出差", Today, [], [wangToZhang]));
        // outside his absence, or once he has taken it back, he stands in
        Assert.NotNull(DelegationRules.Grant(Guid.NewGuid(), Zhang, WangColleague, Today.AddDays(5), Today.AddDays(9), "出差", Today, [], [wangAway, wangToZhang]));
        wangAway.Revoked = true;
        Assert.NotNull(DelegationRules.Grant(Guid.NewGuid(), Zhang, WangColleague, Today.AddDays(3), Today.AddDays(4), "出差", Today, [], [wangAway]));
    }

    [Fact]
    public void The_delegator_or_an_admin_revokes_once_before_the_period_ends()
    {
        var delegation = Of(Grant(Today, Today.AddDays(3)));
        Refused(ViolationKind.Forbidden, "not-delegator", () => DelegationRules.Revoke(delegation, null, Wang, Today));
        Refused(ViolationKind.Forbidden, "not-delegator", () => DelegationRules.Revoke(delegation, null, new Actor("audit", "孙审计", Role.Auditor), Today));
        Assert.Equal("zhang", DelegationRules.Revoke(delegation, "提前返岗", Zhang, Today).By.UserId);
        Assert.Equal("admin", DelegationRules.Revoke(delegation, null, new Actor("admin", "管理员", Role.Admin), Today).By.UserId);
        Refused(ViolationKind.Conflict, "already-ended", () => DelegationRules.Revoke(delegation, null, Zhang, Today.AddDays(4)));
        delegation.Revoked = true;
        Refused(ViolationKind.Conflict, "already-revoked", () => DelegationRules.Revoke(delegation, null, Zhang, Today));
    }

    private static Submission Fold(params object[] events) => EventStream.Fold(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.FromHours(8)), events);

    private static List<object> SubmittedToS1()
    {
        var content = new SubmissionContent { Department = new DepartmentSelfEvaluation("部门整体支出绩效自评报告……自评得分97.44分", 97.44m) };
        var events = new List<object> { DraftRules.Draft(Guid.NewGuid(), "U-001", "上饶市大数据发展管理局", 2025, SubmissionKind.DepartmentSelfEvaluation, "2025年度部门整体自评", content, Preparer) };
        events.Add(DraftRules.Score(Fold([.. events]), Preparer));
        events.Add(SubmitRules.Submit(Fold([.. events]), "S-1", "经济建设股", Preparer));
        return events;
    }

    [Fact]
    public void The_stand_in_approves_what_the_delegator_holds_and_the_decision_records_both_names()
    {
        var delegation = Of(Grant(Today, Today.AddDays(2)));
        var events = SubmittedToS1();
        events.Add(ReviewRules.Claim(Fold([.. events]), Zhang));
        var held = Fold([.. events]);
        Assert.True(SubmissionAccess.CanSee(WangOn(Today, delegation), held));
        var approved = (SubmissionApproved)ReviewRules.Approve(held, Grade.优, null, "同意", "王五", "章", WangOn(Today, delegation));
        Assert.Equal(("wang", "王五", "王五（代 张三）", "王五（代 张三）"), (approved.By.UserId, approved.By.Name, approved.By.Display, approved.Signature));
        Assert.Equal(new ActingFor("zhang", "张三"), approved.By.OnBehalfOf);
        Assert.Empty(approved.By.StandingIn);
        Assert.StartsWith("王五（代 张三） 审核通过", approved.Describe());
        Assert.StartsWith("审核通过", EventDescriptions.Action(approved));

        // Outside the period: not even visible, and refused.
        Assert.False(SubmissionAccess.CanSee(WangOn(Today.AddDays(3), delegation), held));
        Refused(ViolationKind.Forbidden, "not-section-reviewer", () => ReviewRules.Approve(held, Grade.优, null, "同意", "王五", "章", WangOn(Today.AddDays(3), delegation)));
        Refused(ViolationKind.Forbidden, "not-section-reviewer", () => ReviewRules.Approve(held, Grade.优, null, "同意", "王五", "章", WangOn(Today.AddDays(-1), delegation)));
    }

    [Fact]
    public void A_claim_by_the_stand_in_is_for_the_delegator_and_the_delegator_may_finish_it_after_the_period()
    {
        var delegation = Of(Grant(Today, Today));
        var events = SubmittedToS1();
        var claimed = ReviewRules.Claim(Fold([.. events]), WangOn(Today, delegation));
        Assert.Equal("王五（代 张三） 领取审核（第 1 轮）", claimed.Describe());
        events.Add(claimed);
        var held = Fold([.. events]);
        Assert.Equal("王五（代 张三）", held.ClaimedBy!.Display);
        // The stand-in's return during the period is still for 张三; after it, 张三 returns it as themselves.
        Assert.Equal("王五（代 张三）", ReviewRules.Return(held, "请补充", null, WangOn(Today, delegation)).By.Display);
        Refused(ViolationKind.Forbidden, "not-section-reviewer", () => ReviewRules.Return(held, "请补充", null, WangOn(Today.AddDays(1), delegation)));
        var back = ReviewRules.Return(held, "请补充", null, Zhang);
        Assert.Equal(("zhang", null), (back.By.UserId, back.By.OnBehalfOf));
        // Another reviewer of the section is not the holder.
        Refused(ViolationKind.Conflict, "held-by-other", () => ReviewRules.Return(held, "请补充", null, new Actor("zhao", "赵经办", Role.Reviewer, null, ["S-1"])));
    }

    [Fact]
    public void A_stand_in_of_the_same_section_claims_as_themselves_and_acts_for_the_delegator_only_on_what_the_delegator_holds()
    {
        var colleague = new Actor("zhao", "赵经办", Role.Reviewer, null, ["S-1"]);
        var delegation = Of(DelegationRules.Grant(Guid.NewGuid(), Zhang, new Colleague("zhao", "赵经办", Role.Reviewer, false, ["S-1"]), Today, Today, "休假", Today, []));
        var zhao = colleague with { StandingIn = DelegationRules.HeldBy("zhao", [delegation], new Dictionary<string, Colleague> { ["zhang"] = ZhangNow }, Today) };
        var events = SubmittedToS1();
        Assert.Null(ReviewRules.Claim(Fold([.. events]), zhao).By.OnBehalfOf);
        events.Add(ReviewRules.Claim(Fold([.. events]), Zhang));
        Assert.Equal("赵经办（代 张三）", ReviewRules.Release(Fold([.. events]), null, zhao).By.Display);
        Refused(ViolationKind.Conflict, "held-by-other", () => ReviewRules.Release(Fold([.. events]), null, colleague));
    }

    [Fact]
    public void A_decision_recorded_without_a_stand_in_is_written_as_before()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(Zhang);
        Assert.DoesNotContain("onBehalfOf", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("StandingIn", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Display", json, StringComparison.OrdinalIgnoreCase);
        var old = System.Text.Json.JsonSerializer.Deserialize<Actor>("""{"UserId":"zhang","Name":"张三","Role":1}""")!;
        Assert.Equal(("张三", null), (old.Display, old.OnBehalfOf));
        var recorded = System.Text.Json.JsonSerializer.Deserialize<Actor>(System.Text.Json.JsonSerializer.Serialize(Zhang with { OnBehalfOf = new ActingFor("li", "李四") }))!;
        Assert.Equal(("张三（代 李四）", new ActingFor("li", "李四")), (recorded.Display, recorded.OnBehalfOf));
    }
}
