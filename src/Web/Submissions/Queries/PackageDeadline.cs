using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Publishing;
using Approval.Workflow.Submissions.Reviewing;

namespace Approval.Web.Submissions.Queries;

/// <summary>
/// A 部门决算公开 package against its publication deadline (批复日期 + 20 days, 预算法第十四条) as of today in Beijing,
/// from the injected clock: what the queue rows and the dashboard show.
/// </summary>
/// <param name="Standing">Unknown (未填写批复日期), OnTime, DueSoon (≤ 5 days left), Overdue or Published.</param>
/// <param name="DaysLeft">Negative when overdue.</param>
/// <param name="Text">The line people read: 应于 2022-08-30 前公开，已逾期 3 天.</param>
public sealed record PackageDeadline(
    Guid Id, string UnitId, string UnitName, int FiscalYear, string Title, SubmissionState State,
    DateOnly? BudgetApprovedOn, DateOnly? DueOn, int? DaysLeft, DeadlineStanding Standing, string Text)
{
    public static PackageDeadline Of(ReviewQueueItem item, DateOnly today)
    {
        var status = PublicationDeadline.Status(item.BudgetApprovedOn, item.State == SubmissionState.Published, today);
        return new PackageDeadline(item.Id, item.UnitId, item.UnitName, item.FiscalYear, item.Title, item.State,
            status.ApprovedOn, status.DueOn, status.DaysLeft, status.Standing, status.Describe());
    }

    /// <summary>The deadlines of the packages among <paramref name="items"/>, the most urgent first.</summary>
    public static IReadOnlyList<PackageDeadline> Of(IEnumerable<ReviewQueueItem> items, DateOnly today) =>
        items.Where(i => i.Kind == SubmissionKind.FinalAccountsDisclosure).Select(i => Of(i, today))
            .OrderBy(d => d.DaysLeft ?? int.MaxValue).ThenBy(d => d.UnitName, StringComparer.Ordinal).ToList();
}
