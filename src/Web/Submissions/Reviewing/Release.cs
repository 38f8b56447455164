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
    [WolverinePost("/api/submissions/{id}/release")]
    public static (CommandAccepted, Events, OutgoingMessages) Post(ReleaseReview command, [WriteAggregate("id")] Submission submission, Actor actor) =>
        Decision.Record(submission, ReviewRules.Release(submission, command.Reason, actor));
}
