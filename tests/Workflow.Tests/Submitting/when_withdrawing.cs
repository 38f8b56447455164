using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Submitting;
using static Approval.Workflow.Tests.Reviewing.ReviewScenario;

namespace Approval.Workflow.Tests.Submitting;

/// <summary>撤回 (<see cref="SubmitRules.Decide(Submission, WithdrawCommand, Actor)"/>).</summary>
public class when_withdrawing
{
    [Fact]
    public void the_preparer_takes_a_submission_back_before_it_is_claimed()
    {
        var submitted = Submitted();
        var withdrawn = SubmitRules.Decide(submitted.State, new WithdrawCommand(" 数据有误 "), Preparer);
        Assert.Equal(("数据有误", 1), (withdrawn.Reason, withdrawn.Round));
        var after = submitted.After(withdrawn);
        Assert.Equal((SubmissionState.Draft, "已撤回"), (after.State, after.CurrentRound!.Outcome));
        Assert.Null(SubmitRules.Decide(submitted.State, new WithdrawCommand(), Preparer).Reason);
    }

    [Fact]
    public void a_claimed_report_or_another_units_is_not_withdrawn()
    {
        var started = Refused(() => SubmitRules.Decide(Claimed().State, new WithdrawCommand(), Preparer));
        Assert.Equal((ViolationKind.Conflict, "review-started", "张经办 已开始审核，不能撤回"), (started.Kind, started.Code, started.Message));
        var other = new Actor("clerk2", "李填报", Role.Preparer, "U-002");
        Assert.Equal((ViolationKind.Forbidden, "not-preparer"), Refused(() => SubmitRules.Decide(Submitted().State, new WithdrawCommand(), other)) is var v ? (v.Kind, v.Code) : default);
        Assert.Equal("not-submitted", Refused(() => SubmitRules.Decide(Drafted().State, new WithdrawCommand(), Preparer)).Code);
    }
}
