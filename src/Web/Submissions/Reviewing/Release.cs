using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Reviewing;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Approval.Web.Submissions.Reviewing;

public sealed record ReleaseReview(Guid? CommandId, long? Version, string? Reason = null) : ISubmissionCommand;

/// <summary>放回队列: the reviewer holding the submission gives it back, unclaimed, to the section's queue.</summary>
public static class Release
{
    [EndpointSummary("放回队列：领取人交回，报告回到待审核")]
    [ApiAnswer(typeof(CommandAccepted), Command = true)]
    [WolverinePost("/api/submissions/{id}/release")]
    public static (CommandAccepted, Events, OutgoingMessages) Post(ReleaseReview command, [WriteAggregate("id")] Submission submission, Actor actor) =>
        Decision.Record(submission, ReviewRules.Decide(submission, new ReleaseCommand(command.Reason), actor));
}
