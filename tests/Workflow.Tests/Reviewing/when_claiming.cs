using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Reviewing;
using static Approval.Workflow.Tests.Reviewing.ReviewScenario;

namespace Approval.Workflow.Tests.Reviewing;

/// <summary>领取审核 (<see cref="ReviewRules.Decide(Submission, ClaimCommand, Actor)"/>).</summary>
public class when_claiming
{
    [Fact]
    public void a_reviewer_of_the_covering_section_takes_a_submitted_report()
    {
        var submitted = Submitted();
        var claimed = ReviewRules.Decide(submitted.State, new ClaimCommand(), Reviewer);
        Assert.Equal((submitted.State.Id, 1, "officer", null), (claimed.SubmissionId, claimed.Round, claimed.By.UserId, claimed.By.OnBehalfOf));
        var after = submitted.After(claimed);
        Assert.Equal((SubmissionState.InReview, "officer", "officer"), (after.State, after.ClaimedBy?.UserId, after.CurrentRound!.ClaimedBy?.UserId));
    }

    [Fact]
    public void nobody_else_takes_it()
    {
        var submitted = Submitted().State;
        Assert.Equal((ViolationKind.Forbidden, "not-section-reviewer"), Code(Refused(() => ReviewRules.Decide(submitted, new ClaimCommand(), WrongSection))));
        Assert.Equal((ViolationKind.Forbidden, "not-section-reviewer"), Code(Refused(() => ReviewRules.Decide(submitted, new ClaimCommand(), Preparer))));
        // a draft has no section yet
        Assert.Equal((ViolationKind.Forbidden, "not-section-reviewer"), Code(Refused(() => ReviewRules.Decide(Drafted().State, new ClaimCommand(), Reviewer))));
    }

    [Fact]
    public void a_claimed_report_is_not_taken_twice()
    {
        var claimed = Claimed().State;
        var byOther = Refused(() => ReviewRules.Decide(claimed, new ClaimCommand(), OtherReviewer));
        Assert.Equal((ViolationKind.Conflict, "already-claimed", "该报告已由 张经办 领取审核"), (byOther.Kind, byOther.Code, byOther.Message));
        Assert.Equal("您已领取该报告", Refused(() => ReviewRules.Decide(claimed, new ClaimCommand(), Reviewer)).Message);
    }

    private static (ViolationKind, string) Code(RuleViolation v) => (v.Kind, v.Code);
}
