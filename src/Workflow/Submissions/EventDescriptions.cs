using Approval.Workflow.Submissions.Drafting;
using Approval.Workflow.Submissions.Publishing;
using Approval.Workflow.Submissions.Reviewing;
using Approval.Workflow.Submissions.Submitting;

namespace Approval.Workflow.Submissions;

/// <summary>The audit line and the actor of any stored event (events that are not a submission's say their type).</summary>
public static class EventDescriptions
{
    public static string Describe(object data) => data is ISubmissionEvent e ? e.Describe() : data.GetType().Name;

    public static Actor? ActorOf(object data) => (data as ISubmissionEvent)?.By;

    /// <summary>The event's name in the words of the workflow (起草, 提交审核, 审核通过…), for version pickers and the CSV.</summary>
    public static string Name(object data) => data switch
    {
        SubmissionDrafted => "起草",
        DraftRevised => "修改",
        SubmissionScored => "系统评分",
        SubmittedForReview => "提交审核",
        SubmissionWithdrawn => "撤回提交",
        ReviewClaimed => "领取审核",
        ReviewCommented => "审核意见",
        ReviewReleased => "放回队列",
        ReturnedForRevision => "退回修改",
        SubmissionApproved or DisclosurePackageApproved => "审核通过",
        SubmissionPublished => "公开发布",
        CorrectionPublished => "发布更正",
        _ => data.GetType().Name,
    };

    /// <summary>
    /// What was done, without the actor in front: the audit line reads "name（role） · action", so the name (and the role some
    /// lines repeat in parentheses) stands once.
    /// </summary>
    public static string Action(object data)
    {
        var line = Describe(data);
        if (ActorOf(data) is not { } actor || string.IsNullOrEmpty(actor.Name) || !line.StartsWith(actor.Name, StringComparison.Ordinal)) return line;
        var rest = line[actor.Name.Length..];
        var role = $"（{actor.Role.Chinese()}）";
        if (rest.StartsWith(role, StringComparison.Ordinal)) rest = rest[role.Length..];
        return rest.TrimStart();
    }
}
