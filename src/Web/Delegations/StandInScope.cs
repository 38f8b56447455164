using System.Security.Claims;
using System.Text.Json;
using Approval.Web.Auth;
using Approval.Workflow.Delegations;
using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Publishing;
using Marten;

namespace Approval.Web.Delegations;

/// <summary>
/// The one place a 委托 widens a reviewer's scope: for every signed-in reviewer's request, the 委托 they hold today (Beijing
/// date, from the app's <see cref="TimeProvider"/>) are read from the bureau's own <see cref="Delegation"/> documents and added to
/// the request's principal as an identity of their own. <see cref="ApprovalClaims.ToActor"/> turns them into
/// <see cref="Actor.StandingIn"/>, and every list, count, page, hub group and decision reads <see cref="Actor.ReviewSectionIds"/>.
/// Nothing of it is ever in a cookie or token: it is computed again per request, so a 委托 starts, ends or is revoked at once.
/// </summary>
public static class StandInScope
{
    /// <summary>The authentication type of the identity that carries the 委托; claims of that type from anywhere else are ignored.</summary>
    public const string IdentityType = "approval:delegation";
    public const string ClaimType = "approval:stand-in";

    public static WebApplication UseStandInScope(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            if (http.User.ToActor() is { Role: Role.Reviewer } actor && http.User.TenantOf() is { } tenant)
            {
                var clock = http.RequestServices.GetRequiredService<TimeProvider>();
                await using var session = http.RequestServices.GetRequiredService<IDocumentStore>().QuerySession(tenant);
                var held = await HeldAsync(session, actor.UserId, PublicationDeadline.Today(clock), http.RequestAborted);
                if (held.Count > 0)
                    http.User.AddIdentity(new ClaimsIdentity(held.Select(s => new Claim(ClaimType, JsonSerializer.Serialize(s))), IdentityType));
            }
            await next();
        });
        return app;
    }

    /// <summary>What <paramref name="standInId"/> holds on <paramref name="today"/>, narrowed to what each delegator still reviews.</summary>
    public static async Task<IReadOnlyList<StandIn>> HeldAsync(IQuerySession session, string standInId, DateOnly today, CancellationToken ct)
    {
        var made = await session.Query<Delegation>().Where(d => d.StandInId == standInId && !d.Revoked).ToListAsync(ct);
        var active = made.Where(d => d.IsActiveOn(today)).ToList();
        if (active.Count == 0) return [];
        var delegators = await session.LoadManyAsync<Account>(ct, active.Select(d => d.DelegatorId).Distinct());
        return DelegationRules.HeldBy(standInId, active, delegators.ToDictionary(a => a.Id, a => a.ToColleague()), today);
    }

    /// <summary>The 委托 on the principal, put there by this middleware only.</summary>
    public static IReadOnlyList<StandIn> Of(ClaimsPrincipal user) =>
        user.Identities.Where(i => i.AuthenticationType == IdentityType)
            .SelectMany(i => i.FindAll(ClaimType)).Select(c => JsonSerializer.Deserialize<StandIn>(c.Value)!).ToList();
}
