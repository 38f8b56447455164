using Approval.Workflow.Submissions.Drafting;
using Approval.Workflow.Submissions.Publishing;
using Approval.Workflow.Submissions.Submitting;
using Approval.Workflow.Templates;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Approval.Workflow.Submissions.Reviewing;

/// <summary>
/// One line of a 业务股室's review queue (and of the statistics): where a submission stands, who holds it,
/// how long it has waited and by when it is due. Built from the events alone, in the command's transaction.
/// </summary>
public sealed class ReviewQueueItem : IScopedReport
{
    /// <summary>Review is due this many days after submission.</summary>
    public const int ReviewDays = 15;

    public Guid Id { get; set; }
    public long Version { get; set; }
    public string UnitId { get; set; } = "";
    public string UnitName { get; set; } = "";
    public int FiscalYear { get; set; }
    public SubmissionKind Kind { get; set; }
    public string Title { get; set; } = "";
    public SubmissionState State { get; set; }
    public int Round { get; set; }
    public string? SectionId { get; set; }
    public string? SectionName { get; set; }
    public decimal? Total { get; set; }
    public Grade? SuggestedGrade { get; set; }
    public Grade? Grade { get; set; }
    public int ErrorCount { get; set; }
    public int WarningCount { get; set; }
    public string? ClaimedById { get; set; }
    public string? ClaimedByName { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset? DueAt { get; set; }
    /// <summary>A 部门决算公开 package's 批复日期, as the unit entered it; null for other kinds or until entered.</summary>
    public DateOnly? BudgetApprovedOn { get; set; }
    /// <summary>The package's publication deadline (批复日期 + 20 days, 预算法 §14); null without a 批复日期.</summary>
    public DateOnly? PublicationDueOn { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>The review queue's line of a submission, kept inline by <see cref="ReadModelsProjection"/>.</summary>
public sealed class ReviewQueueProjection : SingleStreamProjection<ReviewQueueItem, Guid>
{
    public override ReviewQueueItem? Evolve(ReviewQueueItem? snapshot, Guid id, IEvent e)
    {
        if (e.Data is not ISubmissionEvent fact) return snapshot;
        var item = snapshot ?? new ReviewQueueItem { Id = id };
        switch (e.Data)
        {
            case SubmissionDrafted d:
                (item.UnitId, item.UnitName, item.FiscalYear, item.Kind, item.Title) = (d.UnitId, d.UnitName, d.FiscalYear, d.Kind, d.Title);
                Deadline(item, d.Content);
                break;
            case DraftRevised r:
                item.Title = r.Title;
                Deadline(item, r.Content);
                break;
            case SubmissionScored scored:
                Score(item, scored.Score);
                break;
            case CorrectionPublished corrected:
                Score(item, corrected.Score);
                Deadline(item, corrected.Content);
                break;
            case SubmittedForReview submitted:
                item.Round = submitted.Round;
                item.SectionId = submitted.SectionId;
                item.SectionName = submitted.SectionName;
                item.SubmittedAt = e.Timestamp;
                item.DueAt = e.Timestamp.AddDays(ReviewQueueItem.ReviewDays);
                (item.ClaimedById, item.ClaimedByName) = (null, null);
                break;
            case ReviewClaimed claimed:
                (item.ClaimedById, item.ClaimedByName) = (claimed.By.UserId, claimed.By.Name);
                break;
            case ReviewReleased or ReturnedForRevision:
                (item.ClaimedById, item.ClaimedByName) = (null, null);
                break;
            case SubmissionApproved approved:
                item.Grade = approved.Grade;
                break;
        }
        item.State = fact.StateAfter(item.State);
        item.Version = e.Version;
        item.UpdatedAt = e.Timestamp;
        return item;
    }

    private static void Deadline(ReviewQueueItem item, SubmissionContent content)
    {
        item.BudgetApprovedOn = content.Disclosure?.BudgetApprovedOn;
        item.PublicationDueOn = item.BudgetApprovedOn is { } day ? PublicationDeadline.DueOn(day) : null;
    }

    private static void Score(ReviewQueueItem item, ScoreCard score)
    {
        item.Total = score.Total;
        item.SuggestedGrade = score.SuggestedGrade;
        item.ErrorCount = score.ErrorCount;
        item.WarningCount = score.WarningCount;
    }
}
