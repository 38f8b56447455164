using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Drafting;
using Approval.Workflow.Submissions.Reviewing;
using Approval.Workflow.Submissions.Submitting;
using Approval.Workflow.Templates;

namespace Approval.Workflow.Tests;

/// <summary>The audit trail names each event in Chinese and says the actor once.</summary>
public class EventDescriptionsTests
{
    private static readonly Actor Preparer = new("prep", "王填报", Role.Preparer, "U-BD", null);
    private static readonly Actor Reviewer = new("rev", "张经办", Role.Reviewer, null, ["S-1"]);

    [Fact]
    public void Every_submission_event_has_a_chinese_name()
    {
        foreach (var type in SubmissionEvents.All)
        {
            var instance = System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(type);
            Assert.NotEqual(type.Name, EventDescriptions.Name(instance));
        }
    }

    [Fact]
    public void The_action_leaves_out_the_actor_name_and_role_the_line_already_shows()
    {
        var drafted = new SubmissionDrafted(Guid.NewGuid(), "U-BD", "上饶市大数据发展管理局", 2021, SubmissionKind.ProjectSelfEvaluation, "赣服通", new SubmissionContent(), Preparer);
        var claimed = new ReviewClaimed(Guid.NewGuid(), 1, Reviewer);
        var submitted = new SubmittedForReview(Guid.NewGuid(), 1, 1, "S-1", "经济建设股", Preparer);

        Assert.Equal("起草", EventDescriptions.Name(drafted));
        Assert.Equal("起草项目支出绩效自评表「赣服通」（2021 年度）", EventDescriptions.Action(drafted));
        Assert.Equal("领取审核（第 1 轮）", EventDescriptions.Action(claimed));
        Assert.Equal("提交经济建设股审核（第 1 轮）", EventDescriptions.Action(submitted));
        Assert.Equal("提交审核", EventDescriptions.Name(submitted));
    }

    [Fact]
    public void An_overridden_approval_says_whether_the_system_suggested_a_grade()
    {
        var suggested = new SubmissionApproved(Guid.NewGuid(), 1, Grade.良, Grade.优, "佐证不足", "同意", "张经办", "财政局业务专用章", Reviewer);
        var unsuggested = suggested with { SuggestedGrade = null };

        Assert.Contains("（系统建议「优」，改评理由：佐证不足）", EventDescriptions.Describe(suggested));
        Assert.Contains("（系统未给出建议等级，改评理由：佐证不足）", EventDescriptions.Describe(unsuggested));
        Assert.DoesNotContain("「」", EventDescriptions.Describe(unsuggested));
        Assert.Equal("审核通过", EventDescriptions.Name(unsuggested));
    }
}
