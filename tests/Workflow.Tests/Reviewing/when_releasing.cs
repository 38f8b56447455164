using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Reviewing;
using static Approval.Workflow.Tests.Reviewing.ReviewScenario;

namespace Approval.Workflow.Tests.Reviewing;

/// <summary>放回队列 (<see cref="ReviewRules.Decide(Submission, ReleaseCommand, Actor)"/>).</summary>
public class when_releasing
{
    [Fact]
    public void the_holder_gives_the_review_back_to_the_queue()
    {
        var claimed = Claimed();
        var released = ReviewRules.Decide(claimed.State, new ReleaseCommand("  回避：与该单位有亲属关系  "), Reviewer);
        Assert.Equal(("回避：与该单位有亲属关系", "officer"), (released.Reason, released.By.UserId));
        var after = claimed.After(released);
        Assert.Equal((SubmissionState.Submitted, null, null), (after.State, after.ClaimedBy, after.CurrentRound!.ClaimedBy));
    }

    [Fact]
    public void the_reason_may_be_left_out()
    {
        Assert.Null(ReviewRules.Decide(Claimed().State, new ReleaseCommand(), Reviewer).Reason);
        Assert.Null(ReviewRules.Decide(Claimed().State, new ReleaseCommand("   "), Reviewer).Reason);
    }

    [Fact]
    public void only_the_holder_releases_and_only_a_claimed_report()
    {
        Assert.Equal("held-by-other", Refused(() => ReviewRules.Decide(Claimed().State, new ReleaseCommand(), OtherReviewer)).Code);
        Assert.Equal("not-claimed", Refused(() => ReviewRules.Decide(Submitted().State, new ReleaseCommand(), Reviewer)).Code);
        Assert.Equal("reason-invalid", Refused(() => ReviewRules.Decide(Claimed().State, new ReleaseCommand(new string('长', 5001)), Reviewer)).Code);
    }
}
