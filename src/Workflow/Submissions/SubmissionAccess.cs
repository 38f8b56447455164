namespace Approval.Workflow.Submissions;

/// <summary>
/// Who may see a submission. Those who may not are told it does not exist (404), so a preparer cannot even
/// learn that another unit's draft exists.
/// </summary>
public static class SubmissionAccess
{
    public static bool CanSee(Actor? actor, Submission submission) => actor?.Role switch
    {
        Role.Preparer => actor.UnitId == submission.UnitId,
        // Drafts stay with the unit: a section sees a report from its first submission on (not while withdrawn to draft, nor once discarded).
        // A stand-in sees the delegator's sections too, during the 委托 only (Actor.ReviewSectionIds).
        Role.Reviewer => submission.SectionId is not null && actor.ReviewSectionIds.Contains(submission.SectionId) && submission.State.IsSectionBusiness(),
        Role.Auditor or Role.Admin => true,
        _ => false,
    };
}
