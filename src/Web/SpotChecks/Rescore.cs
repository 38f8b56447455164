using System.ComponentModel;
using Approval.Web.Submissions;
using Approval.Workflow.SpotChecks;
using Approval.Workflow.Submissions;
using Wolverine.Http;
using Wolverine.Marten;

namespace Approval.Web.SpotChecks;

public sealed record RescoreSpotCheckForm(
    Guid? CommandId, long? Version,
    [property: Description("复核得分：0–100，最多两位小数")] decimal? Score,
    [property: Description("复核理由（必填）")] string? Reasons,
    [property: Description("逐项意见（可选）：指标（及其行 id）和意见")] IReadOnlyList<IndicatorNote>? Notes = null) : ISpotCheckCommand;

/// <summary>复核评分: a reviewer of the form's section, not its approver, re-scores a drawn form; the grade follows the bands.</summary>
public static class Rescore
{
    [EndpointSummary("复核评分：复核得分（0–100，两位小数）、复核理由、逐项意见")]
    [ApiAnswer(typeof(SpotCheckAccepted), Command = true)]
    [WolverinePost("/api/spot-checks/{id}/forms/{submissionId}/rescore")]
    [SubmissionCommand]
    public static (SpotCheckAccepted, Events) Post(RescoreSpotCheckForm command, Guid submissionId, [WriteAggregate("id")] SpotCheck check, Actor actor) =>
        SpotCheckAccepted.Record(check, SpotCheckRules.Rescore(check, submissionId, command.Score, command.Reasons, command.Notes, actor));
}

public sealed record ReleaseSpotCheckResult(Guid? CommandId, long? Version) : ISpotCheckCommand;

/// <summary>结果告知: the form's 复核 result goes to its unit, which sees it on the form's page.</summary>
public static class ReleaseResult
{
    [EndpointSummary("告知单位：复核结果告知被抽查单位")]
    [ApiAnswer(typeof(SpotCheckAccepted), Command = true)]
    [WolverinePost("/api/spot-checks/{id}/forms/{submissionId}/release")]
    [SubmissionCommand]
    public static (SpotCheckAccepted, Events) Post(ReleaseSpotCheckResult command, Guid submissionId, [WriteAggregate("id")] SpotCheck check, Actor actor) =>
        SpotCheckAccepted.Record(check, SpotCheckRules.Release(check, submissionId, actor));
}
