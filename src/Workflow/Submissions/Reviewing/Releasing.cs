namespace Approval.Workflow.Submissions.Reviewing;

/// <summary>放回队列: the reviewer holding the review gave it back unclaimed, for any reviewer of the section to take.</summary>
public sealed record ReviewReleased(Guid SubmissionId, int Round, string? Reason, Actor By) : ISubmissionEvent
{
    public SubmissionState StateAfter(SubmissionState before) => SubmissionState.Submitted;
    public string ActionName() => "放回队列";
    public string Describe() => $"{By.Display} 放回审核队列{(Reason is null ? "" : $"：{Reason}")}";
    public EventNotice Notice(string title, string unitName) => new("released", $"{By.Display} 将「{title}」放回审核队列");
}

/// <summary>放回队列, with an optional reason.</summary>
public sealed record ReleaseCommand(string? Reason = null);

public static partial class ReviewRules
{
    /// <summary>放回队列: the holder gives the review back, unclaimed, to the section's queue.</summary>
    public static ReviewReleased Decide(Submission submission, ReleaseCommand command, Actor by) => Release(submission, command.Reason, by);

    /// <summary>放回队列: only the reviewer holding the review, only while it is under review; the reason is optional.</summary>
    public static ReviewReleased Release(Submission submission, string? reason, Actor by)
    {
        var acting = RequireHolder(submission, by);
        var clean = Submitting.SubmitRules.Clean(reason);
        return new ReviewReleased(submission.Id, submission.Round, clean is null ? null : RequireText(clean, "reason-invalid", "放回原因"), acting);
    }
}
