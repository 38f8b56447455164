using Approval.Web.Auth;
using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Publishing;
using Approval.Workflow.Submissions.Reviewing;
using Marten;
using Wolverine.Http;

namespace Approval.Web.Submissions.Queries;

public sealed record GroupStatistics(string Key, string Name, IReadOnlyDictionary<string, int> ByState, IReadOnlyDictionary<string, int> ByGrade, int Overdue);

/// <param name="PublicationOverdue">部门决算公开 packages past their deadline (批复日期 + 20 days) and not yet 已公开, most overdue first.</param>
/// <param name="PublicationDueSoon">Those due within 5 days (today included), soonest first.</param>
/// <param name="PublicationUndated">Packages submitted without a 批复日期: their deadline cannot be tracked.</param>
public sealed record Statistics(int? Year, GroupStatistics Total, IReadOnlyList<GroupStatistics> BySection, IReadOnlyList<GroupStatistics> ByUnit,
    IReadOnlyList<PackageDeadline> PublicationOverdue, IReadOnlyList<PackageDeadline> PublicationDueSoon, int PublicationUndated);

/// <summary>
/// Counts by state, grade distribution and overdue reviews, per section and unit, and the 部门决算公开 packages past or near
/// their publication deadline — from the review-queue projection, scoped as the queue is.
/// </summary>
public static class StatisticsEndpoint
{
    [WolverineGet("/api/statistics")]
    public static async Task<IResult> Get(int? year, IQuerySession session, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        if (http.User.ToActor() is not { Role: Role.Reviewer or Role.Auditor or Role.Admin } actor) return Problems.Forbidden("无权查看统计");
        var query = session.Query<ReviewQueueItem>().Where(i => i.State != SubmissionState.Draft);
        var sections = (actor.SectionIds ?? []).ToArray();
        if (actor.Role == Role.Reviewer) query = query.Where(i => i.SectionId != null && i.SectionId.IsOneOf(sections));
        if (year is not null) query = query.Where(i => i.FiscalYear == year);
        var items = await query.ToListAsync(ct);
        var now = clock.GetUtcNow();

        GroupStatistics Of(string key, string name, IEnumerable<ReviewQueueItem> group)
        {
            var list = group.ToList();
            return new GroupStatistics(key, name,
                Enum.GetValues<SubmissionState>().Where(s => s != SubmissionState.Draft).ToDictionary(s => s.ToString(), s => list.Count(i => i.State == s)),
                Enum.GetValues<Approval.Workflow.Templates.Grade>().ToDictionary(g => g.ToString(), g => list.Count(i => i.Grade == g)),
                list.Count(i => i.State is SubmissionState.Submitted or SubmissionState.InReview && i.DueAt < now));
        }

        var deadlines = PackageDeadline.Of(items, PublicationDeadline.Today(clock));
        return Results.Ok(new Statistics(year, Of("all", "合计", items),
            items.GroupBy(i => (i.SectionId ?? "", i.SectionName ?? "")).Select(g => Of(g.Key.Item1, g.Key.Item2, g)).OrderBy(g => g.Name).ToList(),
            items.GroupBy(i => (i.UnitId, i.UnitName)).Select(g => Of(g.Key.UnitId, g.Key.UnitName, g)).OrderBy(g => g.Name).ToList(),
            deadlines.Where(d => d.Standing == DeadlineStanding.Overdue).ToList(),
            deadlines.Where(d => d.Standing == DeadlineStanding.DueSoon).ToList(),
            deadlines.Count(d => d.Standing == DeadlineStanding.Unknown)));
    }
}
