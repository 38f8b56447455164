using Approval.Workflow.Submissions;
using Marten;
using Wolverine.Http;
using Rules = Approval.Workflow.Submissions.Publishing.Publishing;

namespace Approval.Web.Submissions.Publishing;

public sealed record PublishSubmission(Guid? CommandId, long? Version, string? IndexNumber, string? Publisher, bool ConfidentialityReviewed, bool PrincipalSigned);

public sealed record PublishCorrection(Guid? CommandId, long? Version, SubmissionContent? Content, string? Reason, bool ConfidentialityReviewed, bool PrincipalSigned);

/// <summary>公开 and 更正.</summary>
public static class PublishingEndpoints
{
    [WolverinePost("/api/submissions/{id}/publish")]
    public static Task<IResult> Publish(Guid id, PublishSubmission command, IDocumentSession session, HttpContext http, CancellationToken ct) =>
        SubmissionCommand.Run(session, http, id, command.Version, command.CommandId,
            (s, actor) => [Rules.Publish(s, command.IndexNumber ?? "", command.Publisher ?? "", command.ConfidentialityReviewed, command.PrincipalSigned, actor)], ct);

    [WolverinePost("/api/submissions/{id}/corrections")]
    public static Task<IResult> Correct(Guid id, PublishCorrection command, IDocumentSession session, HttpContext http, CancellationToken ct) =>
        command.Content is null
            ? Task.FromResult(Problems.BadRequest("content-required", "请提供更正后的内容", "content is required"))
            : SubmissionCommand.Run(session, http, id, command.Version, command.CommandId,
                (s, actor) => [Rules.Correct(s, command.Content, command.Reason ?? "", command.ConfidentialityReviewed, command.PrincipalSigned, actor)], ct);
}
