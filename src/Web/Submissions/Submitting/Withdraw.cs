using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Submitting;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Approval.Web.Submissions.Submitting;

public sealed record WithdrawSubmission(Guid? CommandId, long? Version, string? Reason = null) : ISubmissionCommand;

/// <summary>撤回: the preparer takes a submission back before a reviewer claims it.</summary>
public static class Withdraw
{
    [EndpointSummary("撤回（审核人领取前）")]
    [ApiAnswer(typeof(CommandAccepted), Command = true)]
    [WolverinePost("/api/submissions/{id}/withdraw")]
    public static (CommandAccepted, Events, OutgoingMessages) Post(WithdrawSubmission command, [WriteAggregate("id")] Submission submission, Actor actor) =>
        Decision.Record(submission, SubmitRules.Decide(submission, new WithdrawCommand(command.Reason), actor));
}
