using System.Security.Claims;
using Approval.Workflow.Submissions;

namespace Approval.Web.Auth;

public static class ApprovalClaims
{
    public const string Unit = "approval:unit";
    public const string Section = "approval:section";
    public const string Stamp = "approval:stamp";
    /// <summary>The account's 财政局 (Marten tenant id). Issued at sign-in from the stored account; the only source of a request's tenant.</summary>
    public const string Tenant = "approval:tenant";

    public static ClaimsPrincipal Principal(Account account, string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account.Id),
            new(ClaimTypes.Name, account.DisplayName),
            new(ClaimTypes.Role, account.Role.ToString()),
        };
        claims.Add(new Claim(Stamp, account.SecurityStamp));
        claims.Add(new Claim(Tenant, account.TenantId));
        if (account.UnitId is not null) claims.Add(new Claim(Unit, account.UnitId));
        claims.AddRange(account.SectionIds.Select(s => new Claim(Section, s)));
        // The identity's name is the account id: what Wolverine scopes idempotency keys by (display names need not be unique).
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.NameIdentifier, ClaimTypes.Role));
    }

    /// <summary>The signed-in account's 财政局, or null for the public.</summary>
    public static string? TenantOf(this ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true && user.FindFirstValue(Tenant) is { Length: > 0 } tenant ? tenant : null;

    /// <summary>The signed-in person as the domain sees them, or null for the public.</summary>
    public static Actor? ToActor(this ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true) return null;
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null || !Enum.TryParse<Role>(user.FindFirstValue(ClaimTypes.Role), out var role)) return null;
        // A role held outside its jurisdiction (a 省级审计 stored in a bureau) grants nothing at all.
        if (!RoleGrants.HoldsIn(role, Tenants.FinanceBureau.JurisdictionOf(user.FindFirstValue(Tenant)))) return null;
        var sections = user.FindAll(Section).Select(c => c.Value).ToList();
        return new Actor(id, user.FindFirstValue(ClaimTypes.Name) ?? id, role, user.FindFirstValue(Unit), sections.Count == 0 ? null : sections)
        {
            StandingIn = role == Role.Reviewer ? Delegations.StandInScope.Of(user) : [],
        };
    }
}
