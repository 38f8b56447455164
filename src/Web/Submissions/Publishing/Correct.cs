using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Publishing;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Approval.Web.Submissions.Publishing;

public sealed record PublishCorrection(Guid? CommandId, long? Version, SubmissionContent? Content, string? Reason, bool ConfidentialityReviewed, bool PrincipalSigned)
    : ISubmissionCommand;

/// <summary>更正: a new published version with corrected content; the previous one stays on record.</summary>
public static class Correct
{
    public static ProblemDetails Validate(PublishCorrection command) => command.Content is null
        ? Problems.Details(400, "content-required", "请提供更正后的内容", "content is required")
        : WolverineContinue.NoProblems;

    [EndpointSummary("公开后更正")]
    [ApiAnswer(typeof(CommandAccepted), Command = true)]
    [WolverinePost("/api/submissions/{id}/corrections")]
    public static (CommandAccepted, Events, OutgoingMessages) Post(PublishCorrection command, [WriteAggregate("id")] Submission submission, Actor actor) =>
        Decision.Record(submission,
            PublishRules.Decide(submission, new CorrectCommand(command.Content!, command.Reason, command.ConfidentialityReviewed, command.PrincipalSigned), actor));
}
