using Approval.Workflow.Credibility;
using Approval.Workflow.Submissions;
using Marten;
using Wolverine.Http;

namespace Approval.Web.Submissions.Credibility;

/// <summary>A 自评表's 自评质量 as the caller may see it: the flags, the verdict, and which of last year's forms it was compared with.</summary>
public sealed record FormCredibilityView(string Verdict, IReadOnlyList<CredibilityFlag> Flags, Guid? LastYearSubmissionId, string? LastYearTitle);

/// <summary>One form of a unit's year: its verdict (null: not scored on its current content) and how many flags.</summary>
public sealed record UnitCredibilityRow(Guid SubmissionId, string Title, string? Verdict, int Flags);

/// <summary>自评质量 across a unit's forms of a year.</summary>
public sealed record UnitCredibilityView(IReadOnlyList<UnitCredibilityRow> Forms, UnitCredibility Summary);

/// <summary>
/// 自评质量 (#29): the flags of a scored 自评表 against its latest score, and against last year's form of the same project and
/// unit — only one the caller may see themselves (a reviewer never learns of a unit's drafts or of another section's forms).
/// </summary>
public static class FormCredibility
{
    public static async Task<FormCredibilityView?> OfAsync(Submission submission, ScoreCard? card, Actor actor, IQuerySession session, CancellationToken ct)
    {
        if (Report(submission, card, null) is null) return null;
        var lastYear = LastYear(submission, await LastYearFormsAsync(submission.UnitId, submission.FiscalYear, actor, session, ct));
        var report = Report(submission, card, lastYear)!;
        return new FormCredibilityView(report.Verdict, report.Flags, lastYear?.Id, lastYear?.Title);
    }

    /// <summary>
    /// 自评质量 of a unit's forms of a year (the 汇总's rows): each form's verdict as its own page gives it, and the unit's summary.
    /// Forms not scored on their current content are listed as such and left out of the summary.
    /// </summary>
    public static async Task<UnitCredibilityView> OfUnitAsync(IReadOnlyList<Submission> forms, Actor actor, IQuerySession session, CancellationToken ct)
    {
        if (forms.Count == 0) return new UnitCredibilityView([], UnitCredibility.Of([]));
        var sheets = (await session.LoadManyAsync<ScoreSheet>(ct, forms.Select(f => f.Id).ToArray())).ToDictionary(s => s.Id, s => s.Card);
        var lastYears = await LastYearFormsAsync(forms[0].UnitId, forms[0].FiscalYear, actor, session, ct);
        var rows = forms.Select(f => (Form: f, Report: Report(f, sheets.GetValueOrDefault(f.Id), LastYear(f, lastYears)))).ToList();
        return new UnitCredibilityView(
            [.. rows.Select(r => new UnitCredibilityRow(r.Form.Id, r.Form.Title, r.Report?.Verdict, r.Report?.Flags.Count ?? 0))],
            UnitCredibility.Of([.. rows.Where(r => r.Report is not null).Select(r => r.Report!)]));
    }

    /// <summary>
    /// 自评质量 of forms of one year across units (a 抽查's population): each form's report as its own page gives it — null when
    /// not scored on its current content — with last year's forms read in one query.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, CredibilityReport?>> ReportsAsync(IReadOnlyList<Submission> forms, Actor actor, IQuerySession session, CancellationToken ct)
    {
        if (forms.Count == 0) return new Dictionary<Guid, CredibilityReport?>();
        var sheets = (await session.LoadManyAsync<ScoreSheet>(ct, forms.Select(f => f.Id).ToArray())).ToDictionary(s => s.Id, s => s.Card);
        var units = forms.Select(f => f.UnitId).Distinct().ToArray();
        var years = forms.Select(f => f.FiscalYear - 1).Distinct().ToArray();
        var lastYears = (await session.Query<Submission>().VisibleTo(actor)
                .Where(s => s.UnitId.IsOneOf(units) && s.FiscalYear.IsOneOf(years) && s.Kind == SubmissionKind.ProjectSelfEvaluation && s.State != SubmissionState.Discarded)
                .ToListAsync(ct))
            .ToLookup(s => (s.UnitId, s.FiscalYear));
        return forms.ToDictionary(f => f.Id, f => Report(f, sheets.GetValueOrDefault(f.Id), LastYear(f, [.. lastYears[(f.UnitId, f.FiscalYear - 1)]])));
    }

    private static CredibilityReport? Report(Submission submission, ScoreCard? card, Submission? lastYear) =>
        submission.Content.ProjectForm is { } form && card?.SelfEvaluation is { } result && card.ContentVersion == submission.ContentVersion
            ? CredibilityCheck.Of(form, result, lastYear?.Content.ProjectForm)
            : null;

    /// <summary>The unit's 自评表 of the year before that the caller may see themselves.</summary>
    private static async Task<IReadOnlyList<Submission>> LastYearFormsAsync(string unitId, int fiscalYear, Actor actor, IQuerySession session, CancellationToken ct)
    {
        var year = fiscalYear - 1;
        return await session.Query<Submission>().VisibleTo(actor)
            .Where(s => s.UnitId == unitId && s.FiscalYear == year && s.Kind == SubmissionKind.ProjectSelfEvaluation && s.State != SubmissionState.Discarded)
            .ToListAsync(ct);
    }

    /// <summary>Last year's 自评表 of the same project (same 项目名称): the furthest along, then the latest.</summary>
    private static Submission? LastYear(Submission submission, IReadOnlyList<Submission> lastYearForms) =>
        submission.Content.ProjectForm?.Header.ProjectName.Trim() is { Length: > 0 } name
            ? lastYearForms.Where(s => s.Content.ProjectForm?.Header.ProjectName.Trim() == name)
                .OrderByDescending(s => s.State.IsSectionBusiness()).ThenByDescending(s => s.UpdatedAt).FirstOrDefault()
            : null;

    [EndpointSummary("自评质量提示：自评分缺乏支撑的迹象（含与上年同一项目的对比）")]
    [ApiAnswer(typeof(FormCredibilityView))]
    [WolverineGet("/api/submissions/{id}/credibility")]
    public static async Task<IResult> Get(Guid id, IQuerySession session, Actor actor, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var loadSubmission = batch.Load<Submission>(id);
        var loadSheet = batch.Load<ScoreSheet>(id);
        await batch.Execute(ct);
        if (await loadSubmission is not { } submission || !SubmissionAccess.CanSee(actor, submission)) return Problems.NotFound();
        if (submission.Kind != SubmissionKind.ProjectSelfEvaluation) return Problems.Of(409, "not-self-evaluation", "自评质量只针对项目支出绩效自评表", "credibility flags are for project self-evaluation forms");
        return await OfAsync(submission, (await loadSheet)?.Card, actor, session, ct) is { } view
            ? Results.Ok(view)
            : Problems.Of(409, "not-scored", "报告尚未按当前内容评分：评分后才能看自评质量提示", "score the current content first");
    }
}
