namespace Approval.Workflow.Submissions.Submitting;

/// <summary>The preparer sent the scored content to the 业务股室 covering the unit: review round <see cref="Round"/> begins.</summary>
public sealed record SubmittedForReview(Guid SubmissionId, int Round, int ContentVersion, string SectionId, string SectionName, Actor By) : ISubmissionEvent
{
    public SubmissionState StateAfter(SubmissionState before) => SubmissionState.Submitted;
    public string ActionName() => "提交审核";
    public string Describe() => $"{By.Name} 提交{SectionName}审核（第 {Round} 轮）";
    public EventNotice Notice(string title, string unitName) => new("submitted", $"{unitName} 提交了「{title}」");
}

/// <summary>The preparer took the submission back before any reviewer claimed it; it is a draft again.</summary>
public sealed record SubmissionWithdrawn(Guid SubmissionId, int Round, string? Reason, Actor By) : ISubmissionEvent
{
    public SubmissionState StateAfter(SubmissionState before) => SubmissionState.Draft;
    public string ActionName() => "撤回提交";
    public string Describe() => $"{By.Name} 撤回提交（第 {Round} 轮）{(Reason is null ? "" : "：" + Reason)}";
    public EventNotice Notice(string title, string unitName) => new("withdrawn", $"{unitName} 撤回了「{title}」");
}

/// <summary>提交审核 to the 业务股室 covering the preparer's unit, as the host found it (null when the unit has none).</summary>
public sealed record SubmitCommand(string? SectionId, string? SectionName);

/// <summary>撤回, with an optional reason.</summary>
public sealed record WithdrawCommand(string? Reason = null);

public static class SubmitRules
{
    /// <summary>提交审核: the unit's preparer sends the scored current content for review.</summary>
    public static SubmittedForReview Decide(Submission submission, SubmitCommand command, Actor by) => Submit(submission, command.SectionId, command.SectionName, by);

    /// <summary>撤回: the unit's preparer takes a submission back before a reviewer claims it.</summary>
    public static SubmissionWithdrawn Decide(Submission submission, WithdrawCommand command, Actor by) => Withdraw(submission, command.Reason, by);

    public static SubmittedForReview Submit(Submission submission, string? sectionId, string? sectionName, Actor by)
    {
        Drafting.DraftRules.RequireEditable(submission, by);
        if (sectionId is null || sectionName is null)
            throw new SubmissionRuleException(RuleViolation.Conflict("no-section", "本单位尚未分配财政局业务股室，请联系管理员", "the unit has no reviewing section"));
        if (submission.Score is null || submission.Score.ContentVersion != submission.ContentVersion)
            throw new SubmissionRuleException(RuleViolation.Conflict("not-scored", "请先对当前内容评分，再提交审核", "score the current content before submitting"));
        return new SubmittedForReview(submission.Id, submission.Round + 1, submission.ContentVersion, sectionId, sectionName, by);
    }

    public static SubmissionWithdrawn Withdraw(Submission submission, string? reason, Actor by)
    {
        if (by.Role != Role.Preparer || by.UnitId != submission.UnitId)
            throw new SubmissionRuleException(RuleViolation.Forbidden("not-preparer", "只有本单位填报人可以撤回", "only the unit's preparer can withdraw"));
        if (submission.State == SubmissionState.InReview)
            throw new SubmissionRuleException(RuleViolation.Conflict("review-started", $"{submission.ClaimedBy?.Name ?? "审核人"} 已开始审核，不能撤回", "review has started"));
        if (submission.State != SubmissionState.Submitted)
            throw new SubmissionRuleException(RuleViolation.Conflict("not-submitted", $"报告当前为「{submission.State.Chinese()}」，没有可撤回的提交", "nothing to withdraw"));
        return new SubmissionWithdrawn(submission.Id, submission.Round, Clean(reason), by);
    }

    internal static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
