using System.Globalization;
using Approval.Web.Auth;
using Approval.Web.Organization;
using Approval.Web.Submissions;
using Approval.Workflow.Delegations;
using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Publishing;
using Marten;
using Wolverine.Http;

namespace Approval.Web.Delegations;

/// <param name="From">First day, yyyy-MM-dd (Beijing date).</param>
/// <param name="To">Last day, yyyy-MM-dd, included.</param>
public sealed record GrantDelegation(Guid? CommandId, string? StandInId, string? From, string? To, string? Reason);

public sealed record RevokeDelegation(Guid? CommandId, string? Reason = null);

/// <summary>A 委托 as its page and the audit show it; <see cref="Standing"/> is 待生效, 生效中, 已到期 or 已收回 today.</summary>
public sealed record DelegationView(Guid Id, long Version, string DelegatorId, string DelegatorName, IReadOnlyList<string> Sections, string StandInId, string StandInName,
    DateOnly From, DateOnly To, string Reason, string Standing, bool Revocable, string? GrantedBy, DateTimeOffset GrantedAt,
    string? RevokedBy, DateTimeOffset? RevokedAt, string? RevokeReason);

/// <summary>A reviewer of the bureau one may hand one's queue to.</summary>
public sealed record ColleagueView(string Id, string Name, IReadOnlyList<string> Sections);

public sealed record DelegationAccepted(Guid DelegationId, long Version, IReadOnlyList<string> Events);

/// <summary>委托: grant, list and revoke. Everything is read and written in the caller's own 财政局 only.</summary>
public static class DelegationEndpoints
{
    [EndpointSummary("委托：审核人将本人负责股室的审核委托本局另一位审核人（起止日期含当日）")]
    [ApiAnswer(typeof(DelegationAccepted), Status = 201, Command = true)]
    [SubmissionCommand]
    [WolverinePost("/api/delegations")]
    public static async Task<IResult> Grant(GrantDelegation command, Actor actor, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var today = PublicationDeadline.Today(clock);
        // One 委托 of a reviewer at a time, and none to a colleague who is away: grants are serialized per bureau, since two
        // at once (A to B and B to A) would each check against the other's absence otherwise. Grants are rare.
        await Admin.OrganizationLock.TakeAsync(session, "delegation", ct);
        var standIn = command.StandInId is { Length: > 0 and <= 100 } id && await session.LoadAsync<Account>(id, ct) is { } account ? account.ToColleague() : null;
        var standInId = standIn?.Id ?? "";
        var active = await session.Query<Delegation>().Where(d => (d.DelegatorId == actor.UserId || d.DelegatorId == standInId) && !d.Revoked).ToListAsync(ct);
        var granted = DelegationRules.Grant(Guid.CreateVersion7(), actor, standIn, DateOf(command.From), DateOf(command.To), command.Reason, today,
            active.Where(d => d.DelegatorId == actor.UserId), active.Where(d => d.DelegatorId == standInId));
        session.Events.StartStream<Delegation>(granted.DelegationId, granted);
        return Results.Created($"/api/delegations/{granted.DelegationId}", new DelegationAccepted(granted.DelegationId, 1, [nameof(DelegationGranted)]));
    }

    [EndpointSummary("收回委托（委托人或管理员）")]
    [ApiAnswer(typeof(DelegationAccepted), Command = true)]
    [SubmissionCommand]
    [WolverinePost("/api/delegations/{id}/revoke")]
    public static async Task<IResult> Revoke(Guid id, RevokeDelegation command, Actor actor, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Delegation>(id, ct);
        if (stream.Aggregate is not { } delegation || !DelegationRules.MaySee(actor, delegation)) return Problems.NotFound("委托");
        var revoked = DelegationRules.Revoke(delegation, command.Reason, actor, PublicationDeadline.Today(clock));
        stream.AppendOne(revoked);
        return Results.Ok(new DelegationAccepted(id, delegation.Version + 1, [nameof(DelegationRevoked)]));
    }

    /// <summary>The 委托 the caller may see: a reviewer's own (given and received), every one of the bureau for its admins and auditors; latest first.</summary>
    [EndpointSummary("委托记录：审核人本人委托和受托的，管理员和审计为本局全部")]
    [ApiAnswer(typeof(List<DelegationView>))]
    [WolverineGet("/api/delegations")]
    public static async Task<IResult> List(IQuerySession session, Actor actor, TimeProvider clock, CancellationToken ct)
    {
        if (actor.Role is not (Role.Reviewer or Role.Admin or Role.Auditor)) return Problems.Forbidden("只有审核人、管理员和审计可以查看委托");
        return Results.Ok(await ListAsync(session, actor, PublicationDeadline.Today(clock), ct));
    }

    public static async Task<IReadOnlyList<DelegationView>> ListAsync(IQuerySession session, Actor actor, DateOnly today, CancellationToken ct)
    {
        var query = session.Query<Delegation>().AsQueryable();
        if (actor.Role == Role.Reviewer) query = query.Where(d => d.DelegatorId == actor.UserId || d.StandInId == actor.UserId);
        var delegations = await query.OrderByDescending(d => d.GrantedAt).Take(500).ToListAsync(ct);
        var sections = (await session.Query<ReviewSection>().ToListAsync(ct)).ToDictionary(s => s.Id, s => s.Name);
        return delegations.Select(d => ViewOf(d, actor, sections, today)).ToList();
    }

    /// <summary>The reviewers of the caller's 财政局 a reviewer may hand their queue to (in use, not themselves).</summary>
    [EndpointSummary("可委托的本局审核人")]
    [ApiAnswer(typeof(List<ColleagueView>))]
    [WolverineGet("/api/delegations/colleagues")]
    public static async Task<IResult> Colleagues(IQuerySession session, Actor actor, CancellationToken ct)
    {
        if (actor.Role != Role.Reviewer) return Problems.Forbidden("只有审核人可以委托");
        return Results.Ok(await ColleaguesAsync(session, actor, ct));
    }

    public static async Task<IReadOnlyList<ColleagueView>> ColleaguesAsync(IQuerySession session, Actor actor, CancellationToken ct)
    {
        var sections = (await session.Query<ReviewSection>().ToListAsync(ct)).ToDictionary(s => s.Id, s => s.Name);
        var reviewers = await session.Query<Account>().Where(a => a.Role == Role.Reviewer && !a.Disabled && a.Id != actor.UserId).ToListAsync(ct);
        return reviewers.OrderBy(a => a.DisplayName, StringComparer.Ordinal)
            .Select(a => new ColleagueView(a.Id, a.DisplayName, a.SectionIds.Select(s => sections.GetValueOrDefault(s, s)).ToList())).ToList();
    }

    public static DelegationView ViewOf(Delegation d, Actor actor, IReadOnlyDictionary<string, string> sections, DateOnly today) =>
        new(d.Id, d.Version, d.DelegatorId, d.DelegatorName, d.SectionIds.Select(s => sections.GetValueOrDefault(s, s)).ToList(), d.StandInId, d.StandInName,
            d.From, d.To, d.Reason, d.StandingOn(today),
            !d.Revoked && today <= d.To && (actor.Role == Role.Admin || (actor.Role == Role.Reviewer && actor.UserId == d.DelegatorId)),
            d.GrantedBy?.Name, d.GrantedAt, d.RevokedBy?.Name, d.RevokedAt, d.RevokeReason);

    private static DateOnly? DateOf(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
