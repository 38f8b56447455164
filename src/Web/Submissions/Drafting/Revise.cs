using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Drafting;
using Approval.Workflow.Submissions.Publishing;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Approval.Web.Submissions.Drafting;

public sealed record ReviseDraft(Guid? CommandId, long? Version, string? Title, SubmissionContent? Content) : ISubmissionCommand;

/// <summary>修改: the preparer changes a draft (or a returned report); the event says what changed, in words.</summary>
public static class Revise
{
    public static ProblemDetails Validate(ReviseDraft command) => command.Content is null
        ? Problems.Details(400, "content-required", "请提供报告内容", "content is required")
        : WolverineContinue.NoProblems;

    [EndpointSummary("修改（草稿或已退回）")]
    [ApiAnswer(typeof(CommandAccepted), Command = true)]
    [WolverinePut("/api/submissions/{id}/content")]
    public static (CommandAccepted, Events, OutgoingMessages) Put(ReviseDraft command, [WriteAggregate("id")] Submission submission, Actor actor, TimeProvider clock)
    {
        var revised = DraftRules.Revise(submission, command.Title, command.Content!, actor);
        PublicationDeadline.RequirePlausible(command.Content!, submission.FiscalYear, PublicationDeadline.Today(clock));
        return Decision.Record(submission, revised);
    }
}
