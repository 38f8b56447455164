using System.Security.Claims;
using Approval.Web.Auth;
using Approval.Web.Tenants;
using Approval.Workflow.Submissions;

namespace Approval.Web.Province;

/// <summary>
/// A signed-in 省级审计 and the tenant it signed in from, which is always the province's own: a 省级审计 role held by an
/// account of a bureau is no reader at all (<see cref="RoleGrants.HoldsIn"/>), whatever its claims say.
/// </summary>
public sealed record ProvinceReader(Actor Actor, string Tenant)
{
    public static ProvinceReader? Of(ClaimsPrincipal user) =>
        user.ToActor() is { Role: Role.ProvinceAuditor } actor && user.TenantOf() is FinanceBureau.Province ? new(actor, FinanceBureau.Province) : null;
}
