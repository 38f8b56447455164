using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Reviewing;
using static Approval.Workflow.Tests.Reviewing.ReviewScenario;

namespace Approval.Workflow.Tests.Reviewing;

/// <summary>审核意见 (<see cref="ReviewRules.Decide(Submission, CommentCommand, Actor)"/>).</summary>
public class when_commenting
{
    [Fact]
    public void a_reviewer_of_the_section_comments_on_the_report_or_a_row_while_it_waits_or_is_under_review()
    {
        var submitted = Submitted();
        var onReport = ReviewRules.Decide(submitted.State, new CommentCommand("  请补充佐证材料 "), OtherReviewer);
        Assert.Equal(("请补充佐证材料", null, "officer2"), (onReport.Text, onReport.RowReference, onReport.By.UserId));
        Assert.Equal(SubmissionState.Submitted, submitted.After(onReport).State);

        var claimed = Claimed();
        var onRow = ReviewRules.Decide(claimed.State, new CommentCommand("口径？", Row: "企业满意度"), Reviewer);
        Assert.Equal("企业满意度", onRow.RowReference);
        var after = claimed.After(onRow);
        Assert.Equal((SubmissionState.InReview, "口径？"), (after.State, Assert.Single(after.CurrentRound!.Comments).Text));
    }

    [Fact]
    public void an_empty_comment_or_one_on_a_report_out_of_review_is_refused()
    {
        var empty = Refused(() => ReviewRules.Decide(Claimed().State, new CommentCommand(null), Reviewer));
        Assert.Equal((ViolationKind.Invalid, "comment-required", "请填写意见内容"), (empty.Kind, empty.Code, empty.Message));
        var claimed = Claimed();
        var returned = claimed.Then(ReviewRules.Decide(claimed.State, new ReturnCommand("请重报"), Reviewer)).State;
        Assert.Equal((ViolationKind.Conflict, "not-in-review"), (Refused(() => ReviewRules.Decide(returned, new CommentCommand("意见"), Reviewer)) is var v ? (v.Kind, v.Code) : default));
        Assert.Equal("not-section-reviewer", Refused(() => ReviewRules.Decide(Submitted().State, new CommentCommand("意见"), WrongSection)).Code);
    }

    [Fact]
    public void a_row_id_the_report_has_no_row_of_is_refused()
    {
        Assert.Equal("row-unknown", Refused(() => ReviewRules.Decide(Claimed().State, new CommentCommand("意见", RowId: "zz"), Reviewer)).Code);
    }
}
