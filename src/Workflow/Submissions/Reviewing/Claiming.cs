namespace Approval.Workflow.Submissions.Reviewing;

/// <summary>A reviewer of the covering section took the submission: they hold the review.</summary>
public sealed record ReviewClaimed(Guid SubmissionId, int Round, Actor By) : ISubmissionEvent
{
    public SubmissionState StateAfter(SubmissionState before) => SubmissionState.InReview;
    public string ActionName() => "领取审核";
    public string Describe() => $"{By.Display} 领取审核（第 {Round} 轮）";
    public EventNotice Notice(string title, string unitName) => new("claimed", $"{By.Display} 领取了「{title}」");
}

/// <summary>领取审核: the reviewer asks for nothing but the report.</summary>
public sealed record ClaimCommand;

public static partial class ReviewRules
{
    /// <summary>领取: a reviewer of the covering section takes a submitted report and holds its review.</summary>
    public static ReviewClaimed Decide(Submission submission, ClaimCommand command, Actor by) => Claim(submission, by);

    public static ReviewClaimed Claim(Submission submission, Actor by)
    {
        var acting = RequireSectionReviewer(submission, by);
        if (submission.State == SubmissionState.InReview)
            throw new SubmissionRuleException(RuleViolation.Conflict("already-claimed",
                submission.ClaimedBy?.UserId == by.UserId ? "您已领取该报告" : $"该报告已由 {submission.ClaimedBy?.Display} 领取审核", "already claimed"));
        if (submission.State != SubmissionState.Submitted)
            throw new SubmissionRuleException(RuleViolation.Conflict("not-submitted", $"报告当前为「{submission.State.Chinese()}」，不能领取审核", "not waiting for review"));
        return new ReviewClaimed(submission.Id, submission.Round, acting);
    }
}
