using Approval.Workflow.Submissions;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Approval.Web.Admin;

/// <summary>
/// The rule of every <c>/api/admin/…</c> endpoint, said once: a bureau's 管理员 only. Applied by route in
/// <see cref="Submissions.CommandPolicies"/>, after the caller is known and before the body is read, so anyone else is
/// told 403 whatever they send (never a 400 about a body they may not send at all), and an admin endpoint added later
/// is covered without remembering a check.
/// </summary>
public static class AdministratorsOnly
{
    public static ProblemDetails Before(Actor actor) => actor.Role == Role.Admin
        ? WolverineContinue.NoProblems
        : Problems.Details(403, "forbidden", "只有管理员可以进行系统管理（业务股室、预算单位、账户、指标模板与期限）", "administrators only");

    public static bool Guards(HttpChain chain) =>
        chain.RoutePattern?.RawText?.StartsWith("/api/admin/", StringComparison.Ordinal) == true;
}
