using Approval.Workflow.Submissions.Drafting;
using Approval.Workflow.Submissions.Publishing;
using Approval.Workflow.Submissions.Submitting;
using Approval.Workflow.Templates;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Approval.Workflow.Submissions.Reviewing;

/// <summary>
/// One line of a 业务股室's review queue (and of the statistics): where a submission stands, who holds it,
/// how long it has waited and by when it is due. Built asynchronously from the events alone.
/// </summary>
public sealed class ReviewQueueItem
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
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed partial class ReviewQueueProjection : SingleStreamProjection<ReviewQueueItem, Guid>
{
    public static ReviewQueueItem Create(IEvent<SubmissionDrafted> e) => new()
    {
        Id = e.StreamId,
        Version = e.Version,
        UnitId = e.Data.UnitId,
        UnitName = e.Data.UnitName,
        FiscalYear = e.Data.FiscalYear,
        Kind = e.Data.Kind,
        Title = e.Data.Title,
        State = SubmissionState.Draft,
        UpdatedAt = e.Timestamp,
    };

    public static void Apply(IEvent<DraftRevised> e, ReviewQueueItem item) => Touch(e, item).Title = e.Data.Title;

    public static void Apply(IEvent<SubmissionScored> e, ReviewQueueItem item) => Score(Touch(e, item), e.Data.Score);

    public static void Apply(IEvent<SubmittedForReview> e, ReviewQueueItem item)
    {
        Touch(e, item);
        item.State = SubmissionState.Submitted;
        item.Round = e.Data.Round;
        item.SectionId = e.Data.SectionId;
        item.SectionName = e.Data.SectionName;
        item.SubmittedAt = e.Timestamp;
        item.DueAt = e.Timestamp.AddDays(ReviewQueueItem.ReviewDays);
        item.ClaimedById = null;
        item.ClaimedByName = null;
    }

    public static void Apply(IEvent<SubmissionWithdrawn> e, ReviewQueueItem item) => Touch(e, item).State = SubmissionState.Draft;

    public static void Apply(IEvent<ReviewClaimed> e, ReviewQueueItem item)
    {
        Touch(e, item).State = SubmissionState.InReview;
        item.ClaimedById = e.Data.By.UserId;
        item.ClaimedByName = e.Data.By.Name;
    }

    public static void Apply(IEvent<ReviewCommented> e, ReviewQueueItem item) => Touch(e, item);

    public static void Apply(IEvent<ReturnedForRevision> e, ReviewQueueItem item)
    {
        Touch(e, item).State = SubmissionState.Returned;
        item.ClaimedById = null;
        item.ClaimedByName = null;
    }

    public static void Apply(IEvent<SubmissionApproved> e, ReviewQueueItem item)
    {
        Touch(e, item).State = SubmissionState.Approved;
        item.Grade = e.Data.Grade;
    }

    public static void Apply(IEvent<SubmissionPublished> e, ReviewQueueItem item) => Touch(e, item).State = SubmissionState.Published;

    public static void Apply(IEvent<CorrectionPublished> e, ReviewQueueItem item) => Score(Touch(e, item), e.Data.Score);

    private static ReviewQueueItem Touch(IEvent e, ReviewQueueItem item)
    {
        item.Version = e.Version;
        item.UpdatedAt = e.Timestamp;
        return item;
    }

    private static void Score(ReviewQueueItem item, ScoreCard score)
    {
        item.Total = score.Total;
        item.SuggestedGrade = score.SuggestedGrade;
        item.ErrorCount = score.ErrorCount;
        item.WarningCount = score.WarningCount;
    }
}
