using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Drafting;
using Approval.Workflow.Submissions.Submitting;
using Approval.Workflow.Tests.Reviewing;
using static Approval.Workflow.Tests.Reviewing.ReviewScenario;

namespace Approval.Workflow.Tests.Submitting;

/// <summary>提交审核 (<see cref="SubmitRules.Decide(Submission, SubmitCommand, Actor)"/>).</summary>
public class when_submitting
{
    private static ReviewScenario Scored()
    {
        var s = Drafted();
        return s.Then(DraftRules.Score(s.State, Preparer));
    }

    [Fact]
    public void the_preparer_sends_the_scored_draft_to_the_covering_section()
    {
        var scored = Scored();
        var submitted = SubmitRules.Decide(scored.State, new SubmitCommand("S-1", "经济建设股"), Preparer);
        Assert.Equal((1, "S-1", "经济建设股", 1), (submitted.Round, submitted.SectionId, submitted.SectionName, submitted.ContentVersion));
        var after = scored.After(submitted);
        Assert.Equal((SubmissionState.Submitted, "S-1", 1), (after.State, after.SectionId, Assert.Single(after.Rounds).Number));
    }

    [Fact]
    public void a_unit_without_a_section_or_content_not_scored_is_refused()
    {
        var noSection = Refused(() => SubmitRules.Decide(Scored().State, new SubmitCommand(null, null), Preparer));
        Assert.Equal((ViolationKind.Conflict, "no-section", "本单位尚未分配财政局业务股室，请联系管理员"), (noSection.Kind, noSection.Code, noSection.Message));
        Assert.Equal("not-scored", Refused(() => SubmitRules.Decide(Drafted().State, new SubmitCommand("S-1", "经济建设股"), Preparer)).Code);
    }

    [Fact]
    public void only_the_units_preparer_submits()
    {
        Assert.Equal(ViolationKind.Forbidden, Refused(() => SubmitRules.Decide(Scored().State, new SubmitCommand("S-1", "经济建设股"), Reviewer)).Kind);
    }
}
