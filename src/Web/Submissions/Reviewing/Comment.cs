using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Reviewing;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Approval.Web.Submissions.Reviewing;

public sealed record CommentOnSubmission(Guid? CommandId, long? Version, string? Text, string? Row = null, string? RowId = null) : ISubmissionCommand;

/// <summary>审核意见: a reviewer's comment, optionally on one row (a 三级指标 row by its id, another row by its name or code).</summary>
public static class Comment
{
    [EndpointSummary("审核意见（可指明行）")]
    [ApiAnswer(typeof(CommandAccepted), Command = true)]
    [WolverinePost("/api/submissions/{id}/comments")]
    public static (CommandAccepted, Events, OutgoingMessages) Post(CommentOnSubmission command, [WriteAggregate("id")] Submission submission, Actor actor) =>
        Decision.Record(submission, ReviewRules.Decide(submission, new CommentCommand(command.Text, command.Row, command.RowId), actor));
}
