using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Reviewing;
using Approval.Workflow.Templates;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace Approval.Web.Submissions.Reviewing;

/// <param name="Grade">优, 良, 中 or 差 — anything else is refused with a clear message.</param>
/// <remarks>经办人签名 is the signed-in reviewer's name, never text from the request: a signature nobody can type for someone else.</remarks>
public sealed record ApproveSubmission(Guid? CommandId, long? Version, string? Grade, string? OverrideReason, string? Opinion, string? Stamp)
    : ISubmissionCommand;

/// <summary>审核通过: the grade, the opinion, 经办人签名 and 盖章.</summary>
public static class Approve
{
    public static ProblemDetails Validate(ApproveSubmission command) => Grades.TryParse(command.Grade, out _)
        ? WolverineContinue.NoProblems
        : Problems.Details(400, "grade", $"审核意见只能是 优、良、中、差（收到「{command.Grade}」）", "grade must be one of 优/良/中/差");

    [WolverinePost("/api/submissions/{id}/approve")]
    public static (CommandAccepted, Events) Post(ApproveSubmission command, [WriteAggregate("id")] Submission submission, Actor actor)
    {
        // Validate has already refused a grade that does not parse.
        _ = Grades.TryParse(command.Grade, out var grade);
        return Decision.Record(submission,
            ReviewRules.Approve(submission, grade, command.OverrideReason, command.Opinion ?? "", actor.Name, command.Stamp ?? "", actor));
    }
}
