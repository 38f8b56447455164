using Approval.Workflow.Submissions;

namespace Approval.Workflow.Delegations;

/// <summary>A reviewer of the caller's 财政局 as the 委托 rules need them (loaded from the bureau's own accounts only).</summary>
public sealed record Colleague(string Id, string Name, Role Role, bool Disabled, IReadOnlyList<string> SectionIds);

/// <summary>
/// 委托 rules, pure. A reviewer hands the review of all their sections to one reviewer of the same 财政局 (of any section:
/// the stand-in then acts for those sections only, only during the period) for whole days, from today at the earliest.
/// No chains: a stand-in never passes on what they hold for someone else. One 委托 of a reviewer at a time.
/// </summary>
public static class DelegationRules
{
    /// <summary>The longest period: a quarter. Longer absences are a change of sections, made by the admin.</summary>
    public const int MaxDays = 92;
    /// <summary>How far ahead a period may start.</summary>
    public const int MaxDaysAhead = 366;
    public const int MaxReasonLength = 200;

    public static DelegationGranted Grant(Guid id, Actor by, Colleague? standIn, DateOnly? from, DateOnly? to, string? reason, DateOnly today,
        IEnumerable<Delegation> delegatorsOwn, IEnumerable<Delegation>? standInsOwn = null)
    {
        if (by.Role != Role.Reviewer || (by.SectionIds ?? []).Count == 0)
            throw Refused(RuleViolation.Forbidden("not-reviewer", "只有业务股室的审核人可以委托本人的审核工作", "only a section reviewer delegates their own review"));
        var fields = new List<FieldProblem>();
        if (standIn is null || standIn.Role != Role.Reviewer || standIn.Disabled)
            fields.Add(new("standInId", "stand-in-unknown", "受托人应为本财政局在用的审核人"));
        else if (standIn.Id == by.UserId)
            fields.Add(new("standInId", "stand-in-self", "不能委托给本人"));
        if (from is null) fields.Add(new("from", "from-required", "请按 年-月-日（如 2026-01-31）填写委托开始日期"));
        else if (from < today) fields.Add(new("from", "from-past", "委托开始日期不能早于今天"));
        else if (from.Value.DayNumber - today.DayNumber > MaxDaysAhead) fields.Add(new("from", "from-too-far", $"委托开始日期不能晚于 {MaxDaysAhead} 天以后"));
        if (to is null) fields.Add(new("to", "to-required", "请按 年-月-日（如 2026-01-31）填写委托结束日期"));
        else if (from is { } start && to < start) fields.Add(new("to", "to-before-from", "委托结束日期不能早于开始日期"));
        else if (from is { } first && to.Value.DayNumber - first.DayNumber + 1 > MaxDays) fields.Add(new("to", "period-too-long", $"委托期限不能超过 {MaxDays} 天"));
        var cleanReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (cleanReason is null) fields.Add(new("reason", "reason-required", "请填写委托原因"));
        else if (cleanReason.Length > MaxReasonLength || cleanReason.Any(char.IsControl))
            fields.Add(new("reason", "reason-invalid", $"委托原因不超过 {MaxReasonLength} 字，且不能含控制字符"));
        if (fields.Count > 0) throw Refused(RuleViolation.InvalidFields("delegation-invalid", "the delegation request is invalid", fields));

        if (delegatorsOwn.FirstOrDefault(d => d.DelegatorId == by.UserId && !d.Revoked && d.From <= to!.Value && from!.Value <= d.To) is { } overlapping)
            throw Refused(RuleViolation.Conflict("delegation-overlaps",
                $"{overlapping.From:yyyy-MM-dd} 至 {overlapping.To:yyyy-MM-dd} 已委托 {overlapping.StandInName}：请先收回，再重新委托", "an earlier delegation covers part of this period"));
        // A stand-in who has handed their own review away for part of the period is not there to stand in (and a 委托 back to
        // one's own delegator would leave both queues unattended).
        if ((standInsOwn ?? []).FirstOrDefault(d => d.DelegatorId == standIn!.Id && !d.Revoked && d.From <= to!.Value && from!.Value <= d.To) is { } away)
            throw Refused(RuleViolation.Conflict("stand-in-away",
                $"{standIn!.Name} 已将 {away.From:yyyy-MM-dd} 至 {away.To:yyyy-MM-dd} 的审核工作委托给 {away.StandInName}，不能在此期间代审：请另选受托人或调整期间",
                "the stand-in has delegated their own review for part of this period"));
        return new DelegationGranted(id, by.UserId, by.Name, [.. by.SectionIds!], standIn!.Id, standIn.Name, from!.Value, to!.Value, cleanReason!, by);
    }

    /// <summary>收回: by the delegator or an admin of the bureau, while it is not yet over.</summary>
    public static DelegationRevoked Revoke(Delegation delegation, string? reason, Actor by, DateOnly today)
    {
        if (!MayManage(by, delegation))
            throw Refused(RuleViolation.Forbidden("not-delegator", "只有委托人本人或管理员可以收回委托", "only the delegator or an admin revokes"));
        if (delegation.Revoked) throw Refused(RuleViolation.Conflict("already-revoked", "该委托已收回", "already revoked"));
        if (today > delegation.To) throw Refused(RuleViolation.Conflict("already-ended", "该委托已到期，无需收回", "the period is over"));
        var clean = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (clean is not null && (clean.Length > MaxReasonLength || clean.Any(char.IsControl)))
            throw Refused(RuleViolation.Invalid("reason-invalid", $"收回原因不超过 {MaxReasonLength} 字，且不能含控制字符", "reason too long or has control characters"));
        return new DelegationRevoked(delegation.Id, clean, by);
    }

    /// <summary>Who sees a 委托: its two reviewers, and the bureau's admins and auditors.</summary>
    public static bool MaySee(Actor? actor, Delegation delegation) => actor?.Role switch
    {
        Role.Admin or Role.Auditor => true,
        Role.Reviewer => actor.UserId == delegation.DelegatorId || actor.UserId == delegation.StandInId,
        _ => false,
    };

    private static bool MayManage(Actor by, Delegation delegation) =>
        by.Role == Role.Admin || (by.Role == Role.Reviewer && by.UserId == delegation.DelegatorId);

    /// <summary>
    /// What the stand-in holds on <paramref name="today"/>: the active 委托 made out to them, each narrowed to the sections its
    /// delegator still reviews (a delegator since moved or disabled hands over nothing).
    /// </summary>
    public static IReadOnlyList<StandIn> HeldBy(string standInId, IEnumerable<Delegation> delegations, IReadOnlyDictionary<string, Colleague> delegators, DateOnly today) =>
        delegations.Where(d => d.StandInId == standInId && d.IsActiveOn(today))
            .Select(d => delegators.TryGetValue(d.DelegatorId, out var now) && now is { Role: Role.Reviewer, Disabled: false }
                ? new StandIn(d.Id, d.DelegatorId, d.DelegatorName, d.SectionIds.Intersect(now.SectionIds, StringComparer.Ordinal).ToList())
                : null)
            .OfType<StandIn>().Where(s => s.SectionIds.Count > 0).ToList();

    private static SubmissionRuleException Refused(RuleViolation violation) => new(violation);
}
