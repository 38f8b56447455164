using Approval.Web.Organization;
using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Publishing;
using Approval.Workflow.Submissions.Reviewing;
using Approval.Workflow.Submissions.Summary;
using Marten;
using Wolverine.Http;

namespace Approval.Web.Submissions.Queries;

public sealed record GroupStatistics(string Key, string Name, IReadOnlyDictionary<string, int> ByState, IReadOnlyDictionary<string, int> ByGrade, int Overdue);

/// <param name="PublicationOverdue">部门决算公开 packages past their deadline (批复日期 + 20 days) and not yet 已公开, most overdue first.</param>
/// <param name="PublicationDueSoon">Those due within 5 days (today included), soonest first.</param>
/// <param name="PublicationUndated">Packages submitted without a 批复日期: their deadline cannot be tracked.</param>
/// <param name="ReportingYear">The year of <see cref="Reporting"/>: the one asked for, else the latest fiscal year seen.</param>
/// <param name="Reporting">未报: every budget unit in the caller's scope with what it has and has not submitted that year.</param>
public sealed record Statistics(int? Year, GroupStatistics Total, IReadOnlyList<GroupStatistics> BySection, IReadOnlyList<GroupStatistics> ByUnit,
    IReadOnlyList<PackageDeadline> PublicationOverdue, IReadOnlyList<PackageDeadline> PublicationDueSoon, int PublicationUndated,
    int ReportingYear, IReadOnlyList<UnitReporting> Reporting);

/// <summary>
/// Counts by state, grade distribution and overdue reviews, per section and unit, the 部门决算公开 packages past or near
/// their publication deadline — from the review-queue projection, scoped as the queue is — and the 未报 view: each unit in
/// scope with what it has submitted for the year and its 汇总 coverage.
/// </summary>
public static class StatisticsEndpoint
{
    [EndpointSummary("统计：按状态、等级、股室、单位")]
    [ApiAnswer(typeof(Statistics))]
    [WolverineGet("/api/statistics")]
    public static async Task<IResult> Get(int? year, IQuerySession session, Actor actor, TimeProvider clock, CancellationToken ct)
    {
        if (actor is not { Role: Role.Reviewer or Role.Auditor or Role.Admin }) return Problems.Forbidden("无权查看统计");
        // The queue's scope: what the caller sees (SubmissionVisibility), only the section's business.
        var query = session.Query<ReviewQueueItem>().VisibleTo(actor).Where(i => i.State != SubmissionState.Draft && i.State != SubmissionState.Discarded);
        if (year is not null) query = query.Where(i => i.FiscalYear == year);
        var now = clock.GetUtcNow();
        var rows = await StatisticsCounts.CountAsync(session, query, now, ct);
        // The packages themselves, for their deadlines: one per unit and year.
        var packages = await query.Where(i => i.Kind == SubmissionKind.FinalAccountsDisclosure).ToListAsync(ct);

        static GroupStatistics Of(string key, string name, IEnumerable<StatisticsCounts.Row> group)
        {
            var list = group.ToList();
            return new GroupStatistics(key, name,
                Enum.GetValues<SubmissionState>().Where(s => s.IsSectionBusiness()).ToDictionary(s => s.ToString(), s => list.Where(r => r.State == s).Sum(r => r.Count)),
                Enum.GetValues<Approval.Workflow.Templates.Grade>().ToDictionary(g => g.ToString(), g => list.Where(r => r.Grade == g).Sum(r => r.Count)),
                list.Sum(r => r.Overdue));
        }

        var deadlines = PackageDeadline.Of(packages, PublicationDeadline.Today(clock));
        var reportingYear = year ?? (rows.Count > 0 ? rows.Max(r => r.LatestYear) : now.ToOffset(TimeSpan.FromHours(8)).Year - 1);
        // Sections and units under their names in the registry (a renamed unit is one row, under its name of today).
        var sections = (await session.Query<ReviewSection>().ToListAsync(ct)).ToDictionary(s => s.Id, s => s.Name);
        var units = (await session.Query<BudgetUnit>().ToListAsync(ct)).ToDictionary(u => u.Id);
        var reporting = ReportingOf(actor, sections, units.Values, await SummaryEntriesAsync(session, actor, units.Values, reportingYear, ct));
        return Results.Ok(new Statistics(year, Of("all", "合计", rows),
            rows.GroupBy(r => r.SectionId).Select(g => Of(g.Key, sections.GetValueOrDefault(g.Key, g.Key), g)).OrderBy(g => g.Name).ToList(),
            rows.GroupBy(r => r.UnitId).Select(g => Of(g.Key, units.TryGetValue(g.Key, out var unit) ? unit.Name : g.Key, g)).OrderBy(g => g.Name).ToList(),
            deadlines.Where(d => d.Standing == DeadlineStanding.Overdue).ToList(),
            deadlines.Where(d => d.Standing == DeadlineStanding.DueSoon).ToList(),
            deadlines.Count(d => d.Standing == DeadlineStanding.Unknown), reportingYear, reporting));
    }

    /// <summary>The units a reviewer's sections cover (every unit for auditors and administrators).</summary>
    private static IEnumerable<BudgetUnit> InScope(Actor actor, IEnumerable<BudgetUnit> units) =>
        actor.Role == Role.Reviewer ? units.Where(u => actor.ReviewSectionIds.Contains(u.SectionId)) : units;

    /// <summary>The 汇总 entries of the year of the units in scope, drafts and discarded ones left out.</summary>
    private static async Task<IReadOnlyList<UnitSummaryEntry>> SummaryEntriesAsync(IQuerySession session, Actor actor, IEnumerable<BudgetUnit> units, int year, CancellationToken ct)
    {
        var ids = InScope(actor, units).Select(u => u.Id).ToArray();
        return await session.Query<UnitSummaryEntry>().Where(e => e.FiscalYear == year && e.UnitId.IsOneOf(ids) && e.State != SubmissionState.Draft && e.State != SubmissionState.Discarded).ToListAsync(ct);
    }

    /// <summary>未报: each unit in scope with what it has submitted for the year.</summary>
    private static IReadOnlyList<UnitReporting> ReportingOf(Actor actor, IReadOnlyDictionary<string, string> sections, IEnumerable<BudgetUnit> units, IReadOnlyList<UnitSummaryEntry> entries) =>
        UnitReporting.Of(InScope(actor, units).Select(u => new ReportingUnit(u.Id, u.Name, sections.GetValueOrDefault(u.SectionId))).ToList(), entries);
}
