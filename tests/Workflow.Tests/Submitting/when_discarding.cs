using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Drafting;
using static Approval.Workflow.Tests.Reviewing.ReviewScenario;

namespace Approval.Workflow.Tests.Submitting;

/// <summary>作废 (<see cref="DiscardRules.Decide(Submission, DiscardCommand, Actor)"/>).</summary>
public class when_discarding
{
    [Fact]
    public void the_preparer_discards_a_draft_with_a_reason()
    {
        var drafted = Drafted();
        var discarded = DiscardRules.Decide(drafted.State, new DiscardCommand(" 重复起草 "), Preparer);
        Assert.Equal("重复起草", discarded.Reason);
        var after = drafted.After(discarded);
        Assert.Equal((SubmissionState.Discarded, "重复起草", "clerk"), (after.State, after.Discard!.Reason, after.Discard.By.UserId));
    }

    [Fact]
    public void a_submitted_report_is_withdrawn_first_and_a_reason_is_required()
    {
        var submitted = Refused(() => DiscardRules.Decide(Submitted().State, new DiscardCommand("重复起草"), Preparer));
        Assert.Equal((ViolationKind.Conflict, "not-discardable", "报告当前为「已提交待审核」，只有草稿或已退回修改的报告可以作废（请先撤回）"),
            (submitted.Kind, submitted.Code, submitted.Message));
        Assert.Equal("reason-required", Refused(() => DiscardRules.Decide(Drafted().State, new DiscardCommand(null), Preparer)).Code);
        Assert.Equal("not-preparer", Refused(() => DiscardRules.Decide(Drafted().State, new DiscardCommand("重复起草"), Reviewer)).Code);
    }
}
