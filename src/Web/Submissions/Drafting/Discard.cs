using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Drafting;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Approval.Web.Submissions.Drafting;

public sealed record DiscardSubmission(Guid? CommandId, long? Version, string? Reason) : ISubmissionCommand;

/// <summary>作废: the unit's preparer gives up a draft or a returned report; it stays in the history, counted nowhere.</summary>
public static class Discard
{
    [EndpointSummary("作废草稿或已退回的报告（须填原因；留在历史中，不再计入）")]
    [ApiAnswer(typeof(CommandAccepted), Command = true)]
    [WolverinePost("/api/submissions/{id}/discard")]
    public static (CommandAccepted, Events, OutgoingMessages) Post(DiscardSubmission command, [WriteAggregate("id")] Submission submission, Actor actor) =>
        Decision.Record(submission, DiscardRules.Decide(submission, new DiscardCommand(command.Reason), actor));
}
