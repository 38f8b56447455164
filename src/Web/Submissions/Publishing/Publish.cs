using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Publishing;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Approval.Web.Submissions.Publishing;

public sealed record PublishSubmission(Guid? CommandId, long? Version, string? IndexNumber, string? Publisher, bool ConfidentialityReviewed, bool PrincipalSigned)
    : ISubmissionCommand;

/// <summary>公开: the approved report goes public with its index entry, after 保密审查 and 主要负责人审签.</summary>
public static class Publish
{
    [EndpointSummary("公开")]
    [ApiAnswer(typeof(CommandAccepted), Command = true)]
    [WolverinePost("/api/submissions/{id}/publish")]
    public static (CommandAccepted, Events, OutgoingMessages) Post(PublishSubmission command, [WriteAggregate("id")] Submission submission, Actor actor) =>
        Decision.Record(submission,
            PublishRules.Decide(submission, new PublishCommand(command.IndexNumber, command.Publisher, command.ConfidentialityReviewed, command.PrincipalSigned), actor));
}
