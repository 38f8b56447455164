using Approval.Web.Auth;
using Approval.Workflow.Credibility;
using Approval.Workflow.SelfEvaluation;
using Approval.Workflow.Submissions;
using Marten;
using Wolverine.Http;

namespace Approval.Web.Submissions.Credibility;

/// <summary>A 自评表's 自评质量 as the caller may see it: the flags, the verdict, and which of last year's forms it was compared with.</summary>
public sealed record FormCredibilityView(string Verdict, IReadOnlyList<CredibilityFlag> Flags, Guid? LastYearSubmissionId, string? LastYearTitle);

/// <summary>
/// 自评质量 (#29): the flags of a scored 自评表 against its latest score, and against last year's form of the same project and
/// unit — only one the caller may see themselves (a reviewer never learns of a unit's drafts or of another section's forms).
/// </summary>
public static class FormCredibility
{
    public static async Task<FormCredibilityView?> OfAsync(Submission submission, ScoreCard? card, Actor actor, IQuerySession session, CancellationToken ct)
    {
        if (submission.Content.ProjectForm is not { } form || card?.SelfEvaluation is not { } result || card.ContentVersion != submission.ContentVersion) return null;
        var lastYear = await LastYearAsync(submission, form, actor, session, ct);
        var report = CredibilityCheck.Of(form, result, lastYear?.Content.ProjectForm);
        return new FormCredibilityView(report.Verdict, report.Flags, lastYear?.Id, lastYear?.Title);
    }

    /// <summary>Last year's 自评表 of the same project: the furthest along the caller may see, then the latest.</summary>
    private static async Task<Submission?> LastYearAsync(Submission submission, ProjectSelfEvaluationForm form, Actor actor, IQuerySession session, CancellationToken ct)
    {
        var name = form.Header.ProjectName.Trim();
        if (name.Length == 0) return null;
        var year = submission.FiscalYear - 1;
        var candidates = await session.Query<Submission>()
            .Where(s => s.UnitId == submission.UnitId && s.FiscalYear == year && s.Kind == SubmissionKind.ProjectSelfEvaluation && s.State != SubmissionState.Discarded)
            .ToListAsync(ct);
        return candidates
            .Where(s => s.Content.ProjectForm?.Header.ProjectName.Trim() == name && SubmissionAccess.CanSee(actor, s))
            .OrderByDescending(s => s.State.IsSectionBusiness()).ThenByDescending(s => s.UpdatedAt)
            .FirstOrDefault();
    }

    [WolverineGet("/api/submissions/{id}/credibility")]
    public static async Task<IResult> Get(Guid id, IQuerySession session, HttpContext http, CancellationToken ct)
    {
        var actor = http.User.ToActor();
        var batch = session.CreateBatchQuery();
        var loadSubmission = batch.Load<Submission>(id);
        var loadSheet = batch.Load<ScoreSheet>(id);
        await batch.Execute(ct);
        if (await loadSubmission is not { } submission || actor is null || !SubmissionAccess.CanSee(actor, submission)) return Problems.NotFound();
        if (submission.Kind != SubmissionKind.ProjectSelfEvaluation) return Problems.Of(409, "not-self-evaluation", "自评质量只针对项目支出绩效自评表", "credibility flags are for project self-evaluation forms");
        return await OfAsync(submission, (await loadSheet)?.Card, actor, session, ct) is { } view
            ? Results.Ok(view)
            : Problems.Of(409, "not-scored", "报告尚未按当前内容评分：评分后才能看自评质量提示", "score the current content first");
    }
}
