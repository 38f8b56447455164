using Approval.Workflow.Submissions;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Approval.Workflow.Delegations;

/// <summary>
/// 委托: a reviewer (<see cref="DelegatorId"/>) handed the review of their sections to a stand-in of the same 财政局 for the
/// days <see cref="From"/>–<see cref="To"/> (both included, Beijing dates). The first event of the delegation's own stream.
/// </summary>
public sealed record DelegationGranted(
    Guid DelegationId, string DelegatorId, string DelegatorName, IReadOnlyList<string> SectionIds,
    string StandInId, string StandInName, DateOnly From, DateOnly To, string Reason, Actor By);

/// <summary>收回委托: ended before its last day, by the delegator, the stand-in or an admin of the bureau.</summary>
public sealed record DelegationRevoked(Guid DelegationId, string? Reason, Actor By);

/// <summary>The 委托 as it stands (inline snapshot of its stream): what the queue scope, the 委托 page and the audit read.</summary>
public sealed class Delegation
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public string DelegatorId { get; set; } = "";
    public string DelegatorName { get; set; } = "";
    public List<string> SectionIds { get; set; } = [];
    public string StandInId { get; set; } = "";
    public string StandInName { get; set; } = "";
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public string Reason { get; set; } = "";
    public Actor? GrantedBy { get; set; }
    public DateTimeOffset GrantedAt { get; set; }
    public bool Revoked { get; set; }
    public string? RevokeReason { get; set; }
    public Actor? RevokedBy { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>Whether the stand-in acts for the delegator on <paramref name="day"/> (a Beijing date): inside the period and not revoked.</summary>
    public bool IsActiveOn(DateOnly day) => !Revoked && From <= day && day <= To;

    /// <summary>Whether it can still matter: not revoked and its last day not past.</summary>
    public bool IsCurrentOrComing(DateOnly today) => !Revoked && today <= To;

    /// <summary>待生效, 生效中, 已到期 or 已收回 on <paramref name="today"/>.</summary>
    public string StandingOn(DateOnly today) => Revoked ? "已收回" : today < From ? "待生效" : today > To ? "已到期" : "生效中";
}

/// <summary>
/// Keeps <see cref="Delegation"/> inline with its stream. Written with Create/Apply (not Evolve) so that Marten runs it for
/// these two event types only: a submission's command never loads a 委托 document on its path.
/// </summary>
public sealed class DelegationProjection : SingleStreamProjection<Delegation, Guid>
{
    public static Delegation Create(IEvent<DelegationGranted> e) => new()
    {
        Id = e.Data.DelegationId, DelegatorId = e.Data.DelegatorId, DelegatorName = e.Data.DelegatorName, SectionIds = [.. e.Data.SectionIds],
        StandInId = e.Data.StandInId, StandInName = e.Data.StandInName, From = e.Data.From, To = e.Data.To, Reason = e.Data.Reason,
        GrantedBy = e.Data.By, GrantedAt = e.Timestamp, Version = e.Version,
    };

    public static void Apply(IEvent<DelegationRevoked> e, Delegation d) =>
        (d.Revoked, d.RevokeReason, d.RevokedBy, d.RevokedAt, d.Version) = (true, e.Data.Reason, e.Data.By, e.Timestamp, e.Version);
}
