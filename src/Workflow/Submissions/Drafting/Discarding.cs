namespace Approval.Workflow.Submissions.Drafting;

/// <summary>作废: the unit will not file this report (a duplicate, a wrong start). Nothing is deleted: the stream keeps every
/// version and this event; the report leaves the unit's work, the queue and the 汇总.</summary>
public sealed record DraftDiscarded(Guid SubmissionId, string Reason, Actor By) : ISubmissionEvent
{
    public SubmissionState StateAfter(SubmissionState before) => SubmissionState.Discarded;
    public string ActionName() => "作废";
    public string Describe() => $"{By.Name} 作废报告：{Reason}";
    public EventNotice Notice(string title, string unitName) => new("discarded", $"{unitName} 作废了「{title}」", UnitOnly: true);
}

/// <summary>作废, with the reason the unit gives.</summary>
public sealed record DiscardCommand(string? Reason);

public static class DiscardRules
{
    /// <summary>作废: the unit's preparer gives up a draft or a returned report.</summary>
    public static DraftDiscarded Decide(Submission submission, DiscardCommand command, Actor by) => Discard(submission, command.Reason, by);

    public static DraftDiscarded Discard(Submission submission, string? reason, Actor by)
    {
        if (by.Role != Role.Preparer || by.UnitId != submission.UnitId)
            throw new SubmissionRuleException(RuleViolation.Forbidden("not-preparer", "只有本单位填报人可以作废报告", "only the unit's preparer can discard its report"));
        if (submission.State is not (SubmissionState.Draft or SubmissionState.Returned))
            throw new SubmissionRuleException(RuleViolation.Conflict("not-discardable",
                $"报告当前为「{submission.State.Chinese()}」，只有草稿或已退回修改的报告可以作废{(submission.State == SubmissionState.Submitted ? "（请先撤回）" : "")}",
                $"a {submission.State} submission cannot be discarded"));
        var clean = Reviewing.ReviewRules.RequireText(reason, "reason-required", "请填写作废原因");
        if (InvisibleText.Contains(clean))
            throw new SubmissionRuleException(RuleViolation.Invalid("reason-required", "作废原因中含有不可见字符或文字方向控制符，请删除后重试", "reason has invisible characters"));
        return new DraftDiscarded(submission.Id, clean, by);
    }
}
