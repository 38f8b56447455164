using Approval.Workflow.SpotChecks;
using Approval.Workflow.Submissions;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Approval.Web.SpotChecks;

/// <summary>A command on one draw: <see cref="Version"/> is the draw's stream version the caller saw; <see cref="CommandId"/>
/// the idempotency key (or the <c>Idempotency-Key</c> header), as for a report's commands.</summary>
public interface ISpotCheckCommand
{
    Guid? CommandId { get; }
    long? Version { get; }
}

/// <summary>What every accepted 抽查 command answers: the draw's stream version after it and what was recorded.</summary>
public sealed record SpotCheckAccepted(Guid SpotCheckId, long Version, IReadOnlyList<string> Events)
{
    public static (SpotCheckAccepted, Wolverine.Marten.Events) Record(SpotCheck before, object e) =>
        (new SpotCheckAccepted(before.Id, before.Version + 1, [e.GetType().Name]), new Wolverine.Marten.Events([e]));
}

/// <summary>
/// The refusals the 抽查 commands on a draw share, before the decision: a draw the caller may not see is as absent as one
/// never made (404), and the version they saw must be the draw's current one (409 with <c>currentVersion</c>), as for reports.
/// </summary>
public static class SpotCheckScope
{
    public static ProblemDetails Before(ISpotCheckCommand command, SpotCheck? check, Actor actor) => Check(command.Version, check, actor);

    public static ProblemDetails Check(long? version, SpotCheck? check, Actor? actor)
    {
        if (check is null || actor is null || !SpotCheckAccess.CanSeeDraw(actor, check)) return Problems.Details(404, "not-found", "抽查不存在或无权查看", "not found");
        if (version is not { } expected)
            return Problems.Details(400, "version-required", "请求缺少 version（抽查当前版本号）", "the expected stream version is required");
        if (expected < 1)
            return Problems.Details(400, "version-invalid", "version（抽查当前版本号）应为正整数", "the expected stream version is a positive integer");
        return expected == check.Version ? WolverineContinue.NoProblems : Problems.VersionConflictDetails(expected, check.Version);
    }
}
