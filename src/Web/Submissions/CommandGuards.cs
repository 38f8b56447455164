using System.Security.Claims;
using Approval.Web.Auth;
using Approval.Workflow.Submissions;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Approval.Web.Submissions;

/// <summary>
/// The refusals every command shares, applied by <see cref="CommandPolicies"/> as Wolverine middleware before the
/// endpoint decides: who is acting (for the commands and for every other endpoint that takes an <see cref="Actor"/>), and — once the aggregate is loaded — whether they may see it at all (404 otherwise,
/// so another unit's drafts cannot even be probed) and whether they saw its current version.
/// </summary>
public static class SignedInActor
{
    public static (ProblemDetails, Actor?) Before(ClaimsPrincipal user) => user.ToActor() is { } actor
        ? (WolverineContinue.NoProblems, actor)
        : (Problems.Details(401, "unauthorized", "请先登录", "not signed in"), null);
}

public static class SubmissionScope
{
    public static ProblemDetails Before(ISubmissionCommand command, Submission? submission, Actor actor)
    {
        if (submission is null || !SubmissionAccess.CanSee(actor, submission)) return Problems.Details(404, "not-found", "报告不存在或无权查看", "not found");
        if (command.Version is not { } expected)
            return Problems.Details(400, "version-required", "请求缺少 version（报告当前版本号）", "the expected stream version is required");
        if (expected < 1)
            return Problems.Details(400, "version-invalid", "version（报告当前版本号）应为正整数", "the expected stream version is a positive integer");
        return expected == submission.Version ? WolverineContinue.NoProblems : Problems.VersionConflictDetails(expected, submission.Version);
    }
}

/// <summary>
/// Which endpoints are commands, said once: every endpoint taking an <see cref="ISubmissionCommand"/> or
/// <see cref="IStartSubmission"/> is deduplicated by its idempotency key with Wolverine's own
/// <c>[DeduplicatedWithResponse]</c> machinery — the key scoped to the caller, the claim and its answer written in the
/// same transaction as the events — and gets the shared guards.
/// </summary>
public static class CommandPolicies
{
    public static void Apply(WolverineHttpOptions opts)
    {
        // Every endpoint that asks for an Actor gets it here, from the signed-in principal, and never runs without one.
        opts.AddMiddleware(typeof(SignedInActor), chain => IsCommand(chain) || TakesActor(chain) || Admin.AdministratorsOnly.Guards(chain));
        opts.AddMiddleware(typeof(Admin.AdministratorsOnly), Admin.AdministratorsOnly.Guards);
        opts.AddMiddleware(typeof(CorrelationFromHeader), IsCommand);
        // Matched by the command's type: its Before takes the command as an ISubmissionCommand.
        opts.AddMiddlewareByMessageType(typeof(SubmissionScope));
        opts.AddMiddlewareByMessageType(typeof(SpotChecks.SpotCheckScope));
        opts.ConfigureEndpoints(chain =>
        {
            if (!IsCommand(chain) && !IsAdminCreate(chain)) return;
            chain.DeduplicatedWithResponse = new DeduplicatedWithResponseRequirement
            {
                Scope = DeduplicationScope.Tenant | DeduplicationScope.User,
                Required = false,
                ClaimInTransaction = true,
                Window = IdempotencyWindow,
            };
        });
    }

    /// <summary>How long a key is remembered: a client retrying after a night's outage still gets its first answer.</summary>
    public static readonly TimeSpan IdempotencyWindow = TimeSpan.FromDays(7);

    /// <summary>
    /// An administrator's create (业务股室, 预算单位, 模板版本): a retry with its key gets the first answer instead of
    /// 「已存在」. Changes (PUT) are idempotent by nature. Not an account's create: the stored fingerprint is an unsalted
    /// SHA-256 of the body, and that body holds the initial password (a retry there is told 「账户名已存在」).
    /// </summary>
    private static bool IsAdminCreate(HttpChain chain) =>
        chain.HttpMethods.Contains("POST") && chain.RoutePattern?.RawText is { } route
        && route.StartsWith("/api/admin/", StringComparison.Ordinal) && route != "/api/admin/accounts";

    private static bool TakesActor(HttpChain chain) => chain.Method.Method.GetParameters().Any(p => p.ParameterType == typeof(Actor));

    private static bool IsCommand(HttpChain chain) =>
        chain.RequestType?.IsAssignableTo(typeof(ISubmissionCommand)) == true || chain.RequestType?.IsAssignableTo(typeof(IStartSubmission)) == true
        || chain.Method.Method.GetCustomAttributes(typeof(SubmissionCommandAttribute), false).Length > 0;
}

/// <summary>Marks a command endpoint whose body is no submission command (the multipart import; 抽查, 委托 and 催报 commands): deduplicated and guarded as the others.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SubmissionCommandAttribute : Attribute;
