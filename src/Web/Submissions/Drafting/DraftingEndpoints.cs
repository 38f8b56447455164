using Approval.Web.Organization;
using Approval.Workflow.Submissions;
using Marten;
using Wolverine.Http;
using Rules = Approval.Workflow.Submissions.Drafting.Drafting;

namespace Approval.Web.Submissions.Drafting;

public sealed record DraftSubmission(Guid? CommandId, int FiscalYear, SubmissionKind Kind, string? Title, SubmissionContent? Content);

public sealed record ReviseDraft(Guid? CommandId, long? Version, string? Title, SubmissionContent? Content);

public sealed record ScoreSubmission(Guid? CommandId, long? Version);

/// <summary>起草、修改、评分: the preparer's side of a draft.</summary>
public static class DraftingEndpoints
{
    [WolverinePost("/api/submissions")]
    public static async Task<IResult> Draft(DraftSubmission command, IDocumentSession session, HttpContext http, CancellationToken ct)
    {
        if (command.Content is null) return Problems.BadRequest("content-required", "请提供报告内容", "content is required");
        var unitId = http.User.FindFirst(Auth.ApprovalClaims.Unit)?.Value;
        var unit = unitId is null ? null : await session.LoadAsync<BudgetUnit>(unitId, ct);
        return await SubmissionCommand.Start(session, http, command.CommandId, (actor, id) =>
        {
            if (unit is null)
                throw new SubmissionRuleException(RuleViolation.Forbidden("not-preparer", "只有预算单位的填报人可以起草报告", "only a unit's preparer can draft"));
            return Rules.Draft(id, unit.Id, unit.Name, command.FiscalYear, command.Kind, command.Title ?? "", command.Content, actor);
        }, ct);
    }

    [WolverinePut("/api/submissions/{id}/content")]
    public static Task<IResult> Revise(Guid id, ReviseDraft command, IDocumentSession session, HttpContext http, CancellationToken ct) =>
        command.Content is null
            ? Task.FromResult(Problems.BadRequest("content-required", "请提供报告内容", "content is required"))
            : SubmissionCommand.Run(session, http, id, command.Version, command.CommandId, (s, actor) => [Rules.Revise(s, command.Title, command.Content, actor)], ct);

    [WolverinePost("/api/submissions/{id}/score")]
    public static async Task<IResult> Score(Guid id, ScoreSubmission command, IDocumentSession session, HttpContext http, CancellationToken ct)
    {
        var templates = await Templates.TemplateCatalogue.AllAsync(session, ct);
        return await SubmissionCommand.Run(session, http, id, command.Version, command.CommandId, (s, actor) => [Rules.Score(s, actor, templates)], ct);
    }
}
