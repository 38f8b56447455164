using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Reviewing;
using Approval.Workflow.Templates;
using Marten;
using Wolverine.Http;
using Rules = Approval.Workflow.Submissions.Reviewing.Reviewing;

namespace Approval.Web.Submissions.Reviewing;

public sealed record ClaimReview(Guid? CommandId, long? Version);

public sealed record CommentOnSubmission(Guid? CommandId, long? Version, string? Text, string? Row);

public sealed record ReturnForRevision(Guid? CommandId, long? Version, string? Reason, IReadOnlyList<RowRemark>? RowRemarks);

/// <param name="Grade">优, 良, 中 or 差 — anything else is refused with a clear message.</param>
public sealed record ApproveSubmission(Guid? CommandId, long? Version, string? Grade, string? OverrideReason, string? Opinion, string? Signature, string? Stamp);

/// <summary>领取, 审核意见, 退回修改, 审核通过: the 业务股室's side.</summary>
public static class ReviewingEndpoints
{
    [WolverinePost("/api/submissions/{id}/claim")]
    public static Task<IResult> Claim(Guid id, ClaimReview command, IDocumentSession session, HttpContext http, CancellationToken ct) =>
        SubmissionCommand.Run(session, http, id, command.Version, command.CommandId, (s, actor) => [Rules.Claim(s, actor)], ct);

    [WolverinePost("/api/submissions/{id}/comments")]
    public static Task<IResult> Comment(Guid id, CommentOnSubmission command, IDocumentSession session, HttpContext http, CancellationToken ct) =>
        SubmissionCommand.Run(session, http, id, command.Version, command.CommandId, (s, actor) => [Rules.Comment(s, command.Text ?? "", command.Row, actor)], ct);

    [WolverinePost("/api/submissions/{id}/return")]
    public static Task<IResult> Return(Guid id, ReturnForRevision command, IDocumentSession session, HttpContext http, CancellationToken ct) =>
        SubmissionCommand.Run(session, http, id, command.Version, command.CommandId, (s, actor) => [Rules.Return(s, command.Reason ?? "", command.RowRemarks, actor)], ct);

    [WolverinePost("/api/submissions/{id}/approve")]
    public static Task<IResult> Approve(Guid id, ApproveSubmission command, IDocumentSession session, HttpContext http, CancellationToken ct)
    {
        if (!Grades.TryParse(command.Grade, out var grade))
            return Task.FromResult(Problems.BadRequest("grade", $"审核意见只能是 优、良、中、差（收到「{command.Grade}」）", "grade must be one of 优/良/中/差"));
        return SubmissionCommand.Run(session, http, id, command.Version, command.CommandId,
            (s, actor) => [Rules.Approve(s, grade, command.OverrideReason, command.Opinion ?? "", command.Signature ?? "", command.Stamp ?? "", actor)], ct);
    }
}
