using Approval.Workflow.Submissions.Drafting;
using Approval.Workflow.Submissions.Publishing;
using Approval.Workflow.Submissions.Reviewing;
using Approval.Workflow.Submissions.Submitting;

namespace Approval.Workflow.Submissions;

public static class SubmissionEvents
{
    /// <summary>Every event a submission stream can hold, registered with the event store up front.</summary>
    public static readonly Type[] All =
    [
        typeof(SubmissionDrafted), typeof(DraftRevised), typeof(SubmissionScored),
        typeof(SubmittedForReview), typeof(SubmissionWithdrawn),
        typeof(ReviewClaimed), typeof(ReviewCommented), typeof(ReturnedForRevision), typeof(SubmissionApproved),
        typeof(SubmissionPublished), typeof(CorrectionPublished),
    ];
}
