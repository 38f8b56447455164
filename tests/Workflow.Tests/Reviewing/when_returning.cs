using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Reviewing;
using static Approval.Workflow.Tests.Reviewing.ReviewScenario;

namespace Approval.Workflow.Tests.Reviewing;

/// <summary>退回修改 (<see cref="ReviewRules.Decide(Submission, ReturnCommand, Actor)"/>).</summary>
public class when_returning
{
    [Fact]
    public void the_holder_sends_it_back_with_the_reason_and_the_row_remarks()
    {
        var claimed = Claimed();
        var returned = ReviewRules.Decide(claimed.State,
            new ReturnCommand(" 满意度指标得分计算有误 ", [new RowRemark("企业满意度", "应为 92 ÷ 95 × 5 = 4.84"), new RowRemark("产出指标", "  ")]), Reviewer);
        Assert.Equal("满意度指标得分计算有误", returned.Reason);
        Assert.Equal(("企业满意度", "应为 92 ÷ 95 × 5 = 4.84"), Assert.Single(returned.RowRemarks) is var r ? (r.RowReference, r.Remark) : default);
        var after = claimed.After(returned);
        Assert.Equal((SubmissionState.Returned, null, "退回修改"), (after.State, after.ClaimedBy, after.CurrentRound!.Outcome));
        Assert.Equal("满意度指标得分计算有误", after.CurrentRound.ReturnReason);
    }

    [Fact]
    public void a_return_needs_a_reason_and_a_row_for_each_remark()
    {
        var noReason = Refused(() => ReviewRules.Decide(Claimed().State, new ReturnCommand(null), Reviewer));
        Assert.Equal((ViolationKind.Invalid, "reason-required", "请填写退回原因"), (noReason.Kind, noReason.Code, noReason.Message));
        Assert.Equal("row-required", Refused(() => ReviewRules.Decide(Claimed().State, new ReturnCommand("退回", [new RowRemark(" ", "应为 4.84")]), Reviewer)).Code);
    }

    [Fact]
    public void only_the_holder_returns_a_claimed_report()
    {
        Assert.Equal((ViolationKind.Conflict, "not-claimed"), Refused(() => ReviewRules.Decide(Submitted().State, new ReturnCommand("退回"), Reviewer)) is var a ? (a.Kind, a.Code) : default);
        Assert.Equal((ViolationKind.Conflict, "held-by-other"), Refused(() => ReviewRules.Decide(Claimed().State, new ReturnCommand("退回"), OtherReviewer)) is var b ? (b.Kind, b.Code) : default);
        Assert.Equal((ViolationKind.Forbidden, "not-section-reviewer"), Refused(() => ReviewRules.Decide(Claimed().State, new ReturnCommand("退回"), Preparer)) is var c ? (c.Kind, c.Code) : default);
    }
}
