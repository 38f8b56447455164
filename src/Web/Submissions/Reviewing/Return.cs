using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Reviewing;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Approval.Web.Submissions.Reviewing;

public sealed record ReturnForRevision(Guid? CommandId, long? Version, string? Reason, IReadOnlyList<RowRemark>? RowRemarks = null) : ISubmissionCommand;

/// <summary>退回修改: back to the preparer with the reasons and per-row remarks.</summary>
public static class Return
{
    [EndpointSummary("退回修改（附逐行意见）")]
    [ApiAnswer(typeof(CommandAccepted), Command = true)]
    [WolverinePost("/api/submissions/{id}/return")]
    public static (CommandAccepted, Events, OutgoingMessages) Post(ReturnForRevision command, [WriteAggregate("id")] Submission submission, Actor actor) =>
        Decision.Record(submission, ReviewRules.Decide(submission, new ReturnCommand(command.Reason, command.RowRemarks), actor));
}
