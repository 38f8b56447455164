using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Reviewing;
using Approval.Workflow.Templates;
using static Approval.Workflow.Tests.Reviewing.ReviewScenario;

namespace Approval.Workflow.Tests.Reviewing;

/// <summary>审核通过 (<see cref="ReviewRules.Decide(Submission, ApproveCommand, Actor)"/>).</summary>
public class when_approving
{
    [Fact]
    public void the_holder_approves_with_the_suggested_grade_signed_in_their_own_name()
    {
        var claimed = Claimed();
        var suggested = claimed.State.Score?.SuggestedGrade;
        Assert.Equal((Grade.优, null), (suggested, claimed.State.Score!.GradeCaveat));
        var grade = Grade.优;
        var approved = Assert.IsType<SubmissionApproved>(
            ReviewRules.Decide(claimed.State, new ApproveCommand(grade.ToString(), null, " 同意 ", "财政局业务专用章"), Reviewer));
        Assert.Equal((grade, suggested, (string?)null, "同意", "张经办", "财政局业务专用章"),
            (approved.Grade, approved.SuggestedGrade, approved.OverrideReason, approved.Opinion, approved.Signature, approved.StampReference));
        var after = claimed.After(approved);
        Assert.Equal((SubmissionState.Approved, suggested, $"审核通过：{grade}"), (after.State, after.Approval!.Grade, after.CurrentRound!.Outcome));
    }

    [Fact]
    public void another_grade_than_the_suggestion_needs_a_reason()
    {
        var claimed = Claimed().State;
        var other = Grade.良; // the suggestion is 优
        var refused = Refused(() => ReviewRules.Decide(claimed, new ApproveCommand(other.ToString(), null, "同意", "章"), Reviewer));
        Assert.Equal((ViolationKind.Invalid, "override-reason-required"), (refused.Kind, refused.Code));
        var approved = Assert.IsType<SubmissionApproved>(ReviewRules.Decide(claimed, new ApproveCommand(other.ToString(), "佐证不足", "同意", "章"), Reviewer));
        Assert.Equal((other, "佐证不足"), (approved.Grade, approved.OverrideReason));
    }

    [Fact]
    public void a_grade_opinion_and_stamp_are_required_and_the_grade_is_one_of_four()
    {
        var claimed = Claimed().State;
        Assert.Equal("grade-required", Refused(() => ReviewRules.Decide(claimed, new ApproveCommand(null, null, "同意", "章"), Reviewer)).Code);
        Assert.Equal("审核意见只能是 优、良、中、差（收到「无」）", Refused(() => ReviewRules.Decide(claimed, new ApproveCommand("无", null, "同意", "章"), Reviewer)).Message);
        Assert.Equal("opinion-required", Refused(() => ReviewRules.Decide(claimed, new ApproveCommand("良", "理由", null, "章"), Reviewer)).Code);
        Assert.Equal("stamp-required", Refused(() => ReviewRules.Decide(claimed, new ApproveCommand("良", "理由", "同意", null), Reviewer)).Code);
    }

    [Fact]
    public void a_disclosure_package_is_approved_without_a_grade_and_refuses_one()
    {
        var claimed = Claimed(SubmissionKind.FinalAccountsDisclosure);
        var approved = Assert.IsType<DisclosurePackageApproved>(ReviewRules.Decide(claimed.State, new ApproveCommand(null, null, "同意公开", "章"), Reviewer));
        Assert.Equal(("张经办", SubmissionState.Approved), (approved.Signature, claimed.After(approved).State));
        var graded = Refused(() => ReviewRules.Decide(claimed.State, new ApproveCommand("良", null, "同意公开", "章"), Reviewer));
        Assert.Equal((ViolationKind.Invalid, "grade-not-applicable", "部门决算公开审核只作通过或退回，不评定等级"), (graded.Kind, graded.Code, graded.Message));
    }

    [Fact]
    public void only_the_holder_approves_a_claimed_report()
    {
        Assert.Equal("not-claimed", Refused(() => ReviewRules.Decide(Submitted().State, new ApproveCommand("良", null, "同意", "章"), Reviewer)).Code);
        Assert.Equal("held-by-other", Refused(() => ReviewRules.Decide(Claimed().State, new ApproveCommand("良", null, "同意", "章"), OtherReviewer)).Code);
    }
}
