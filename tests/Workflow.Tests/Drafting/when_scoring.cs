using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Drafting;
using Approval.Workflow.Templates;
using static Approval.Workflow.Tests.Reviewing.ReviewScenario;

namespace Approval.Workflow.Tests.Drafting;

/// <summary>评分 (<see cref="DraftRules.Score"/>): the engine scores and checks the current content version; the event keeps the result as computed.</summary>
public class when_scoring
{
    [Fact]
    public void the_preparer_scores_the_current_content_version_and_the_report_carries_that_score()
    {
        var drafted = Drafted();
        var scored = DraftRules.Score(drafted.State, Preparer);
        Assert.Equal(drafted.State.ContentVersion, scored.Score.ContentVersion);
        Assert.Equal(Grade.优, scored.Score.SuggestedGrade); // seed 004's 大厅日常运行维护经费
        var after = drafted.After(scored);
        Assert.Equal((SubmissionState.Draft, scored.Score.Total, scored.Score.SuggestedGrade), (after.State, after.Score!.Total, after.Score.SuggestedGrade));
        Assert.Equal((scored.Score.ErrorCount, scored.Score.WarningCount), (after.Score.ErrorCount, after.Score.WarningCount));
    }

    [Fact]
    public void scoring_twice_without_a_change_gives_the_same_result()
    {
        var state = Drafted().State;
        var first = DraftRules.Score(state, Preparer).Score;
        var second = DraftRules.Score(state, Preparer).Score;
        Assert.Equal((first.Total, first.SuggestedGrade, first.ErrorCount, first.WarningCount), (second.Total, second.SuggestedGrade, second.ErrorCount, second.WarningCount));
    }

    [Fact]
    public void a_report_sent_for_review_is_not_scored_again_and_only_the_units_preparer_scores()
    {
        Assert.Equal(("not-editable", ViolationKind.Conflict), RefusedAs(() => DraftRules.Score(Submitted().State, Preparer)));
        Assert.Equal(("not-preparer", ViolationKind.Forbidden), RefusedAs(() => DraftRules.Score(Drafted().State, Reviewer)));
        Assert.Equal(("not-preparer", ViolationKind.Forbidden), RefusedAs(() => DraftRules.Score(Drafted().State, Preparer with { UnitId = "U-002" })));
    }
}
