using Approval.Web.Templates;
using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Drafting;
using Marten;
using Wolverine.Http;

namespace Approval.Web.Submissions.Drafting;

public sealed record CheckContentRequest(SubmissionContent? Content);

/// <summary>核对（不保存）: the findings the engine would give for content still being typed; nothing is recorded.</summary>
public static class CheckContent
{
    [EndpointSummary("核对（不保存）：按规则核对正在编辑的内容，返回发现的问题")]
    [ApiAnswer(typeof(ScoreCard))]
    [ApiRefusal(409, "报告当前状态不允许修改（code: not-editable）")]
    [WolverinePost("/api/submissions/{id}/check-content")]
    public static async Task<IResult> Post(Guid id, CheckContentRequest request, IQuerySession session, Actor actor, CancellationToken ct)
    {
        var submission = await session.LoadAsync<Submission>(id, ct);
        if (submission is null || !SubmissionAccess.CanSee(actor, submission)) return Problems.NotFound();
        if (request.Content is null) return Problems.BadRequest("content-required", "请提供报告内容", "content is required");
        var templates = submission.Kind == SubmissionKind.ProjectSelfEvaluation ? await TemplateCatalogue.AllAsync(session, ct) : null;
        return Results.Ok(ContentCheck.Run(submission, request.Content, actor, templates, await Score.RelatedAsync(submission, session, ct)));
    }
}
