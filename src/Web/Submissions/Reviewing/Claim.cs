using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Reviewing;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Approval.Web.Submissions.Reviewing;

public sealed record ClaimReview(Guid? CommandId, long? Version) : ISubmissionCommand;

/// <summary>领取: a reviewer of the covering section takes the submission and holds the review.</summary>
public static class Claim
{
    [EndpointSummary("审核人领取")]
    [ApiAnswer(typeof(CommandAccepted), Command = true)]
    [WolverinePost("/api/submissions/{id}/claim")]
    public static (CommandAccepted, Events, OutgoingMessages) Post(ClaimReview command, [WriteAggregate("id")] Submission submission, Actor actor) =>
        Decision.Record(submission, ReviewRules.Decide(submission, new ClaimCommand(), actor));
}
