using Approval.Web.Organization;
using Approval.Workflow.Submissions;
using Marten;
using Wolverine.Http;
using Rules = Approval.Workflow.Submissions.Submitting.Submitting;

namespace Approval.Web.Submissions.Submitting;

public sealed record SubmitForReview(Guid? CommandId, long? Version);

public sealed record WithdrawSubmission(Guid? CommandId, long? Version, string? Reason);

/// <summary>提交审核 and 撤回.</summary>
public static class SubmittingEndpoints
{
    [WolverinePost("/api/submissions/{id}/submit")]
    public static async Task<IResult> Submit(Guid id, SubmitForReview command, IDocumentSession session, HttpContext http, CancellationToken ct)
    {
        var unitId = http.User.FindFirst(Auth.ApprovalClaims.Unit)?.Value;
        var unit = unitId is null ? null : await session.LoadAsync<BudgetUnit>(unitId, ct);
        var section = unit is null ? null : await session.LoadAsync<ReviewSection>(unit.SectionId, ct);
        return await SubmissionCommand.Run(session, http, id, command.Version, command.CommandId,
            (s, actor) => [Rules.Submit(s, section?.Id, section?.Name, actor)], ct);
    }

    [WolverinePost("/api/submissions/{id}/withdraw")]
    public static Task<IResult> Withdraw(Guid id, WithdrawSubmission command, IDocumentSession session, HttpContext http, CancellationToken ct) =>
        SubmissionCommand.Run(session, http, id, command.Version, command.CommandId, (s, actor) => [Rules.Withdraw(s, command.Reason, actor)], ct);
}
