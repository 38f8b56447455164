using Approval.Workflow.DepartmentReport;
using Approval.Workflow.Reconciliation;
using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Summary;
using Marten;
using Wolverine.Http;

namespace Approval.Web.Submissions.Reconciliation;

/// <summary>The 跨报告核对 of a unit and year as the caller may see it: each comparison with its verdict and figures.</summary>
public sealed record UnitReconciliationView(string UnitId, string UnitName, int FiscalYear, IReadOnlyList<ReconciliationLine> Lines);

/// <summary>
/// 跨报告核对 (#29) for whoever may read the unit's 汇总审核表 (<see cref="UnitSummaryAccess"/>): only the reports the caller may
/// see themselves take part (a section never compares with a unit's draft), each kind's furthest-along report, its latest score
/// only when it is the score of its current content.
/// </summary>
public static class UnitReconciliation
{
    // Not "LoadAsync": Wolverine would run a Load method of an endpoint class before the endpoint.
    public static async Task<UnitReconciliationView?> ForAsync(IQuerySession session, Actor? actor, string unitId, int year, CancellationToken ct) =>
        actor is not null && await UnitSummaryAccess.LoadForAsync(session, actor, unitId, year, ct) is { } review ? await OfAsync(session, actor, review, ct) : null;

    /// <summary>The reconciliation of a 汇总审核表 already loaded as <paramref name="actor"/> may see it.</summary>
    public static async Task<UnitReconciliationView> OfAsync(IQuerySession session, Actor actor, UnitSummaryReview review, CancellationToken ct)
    {
        var (unitId, year) = (review.UnitId, review.FiscalYear);
        var filed = await session.Query<Submission>().VisibleTo(actor)
            .Where(s => s.UnitId == unitId && s.FiscalYear == year && s.State != SubmissionState.Discarded)
            .ToListAsync(ct);
        var counted = review.OrderedProjects().Select(r => r.SubmissionId).ToHashSet();
        var forms = filed.Where(s => counted.Contains(s.Id) && s.Content.ProjectForm is not null)
            .Select(s => new RelatedProject(s.Title, s.Content.ProjectForm!)).ToList();
        var disclosure = FurthestAlong(filed, SubmissionKind.FinalAccountsDisclosure);
        var department = FurthestAlong(filed, SubmissionKind.DepartmentSelfEvaluation);
        var summary = review.SummarySubmissionId is { } summaryId ? filed.FirstOrDefault(s => s.Id == summaryId) : null;
        var sheets = (await session.LoadManyAsync<ScoreSheet>(ct, new[] { disclosure, department, summary }.OfType<Submission>().Select(s => s.Id).ToArray()))
            .ToDictionary(s => s.Id);

        ScoredReport? Scored(Submission? s) => s is null ? null
            : sheets.TryGetValue(s.Id, out var sheet) && sheet.Card.ContentVersion == s.ContentVersion
                ? new ScoredReport(s.Title, sheet.Card.Findings, sheet.Card.Checks)
                : new ScoredReport(s.Title, null);

        var lines = UnitYearReconciliation.Of(new UnitYearReports(
            forms,
            disclosure?.Content.Disclosure is { } package ? new RelatedDisclosure(disclosure.Title, package) : null,
            Scored(disclosure), Scored(department), Scored(summary),
            summary is null ? null : review.UnitProjectExpenditure));
        return new UnitReconciliationView(review.UnitId, review.UnitName, year, lines);
    }

    /// <summary>The report of a kind the bureau would rely on: sent before drafted, then the latest.</summary>
    private static Submission? FurthestAlong(IEnumerable<Submission> filed, SubmissionKind kind) =>
        filed.Where(s => s.Kind == kind).OrderByDescending(s => s.State.IsSectionBusiness()).ThenByDescending(s => s.UpdatedAt).FirstOrDefault();

    [EndpointSummary("单位年度跨报告核对：自评表、决算公开、部门整体、汇总审核表之间的勾稽")]
    [ApiAnswer(typeof(UnitReconciliationView))]
    [WolverineGet("/api/units/{unitId}/reconciliation/{year}")]
    public static async Task<IResult> Get(string unitId, int year, IQuerySession session, Actor actor, CancellationToken ct) =>
        await ForAsync(session, actor, unitId, year, ct) is { } view ? Results.Ok(view) : Problems.NotFound("跨报告核对");
}
