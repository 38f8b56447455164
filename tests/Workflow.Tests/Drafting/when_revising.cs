using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Drafting;
using Approval.Workflow.Submissions.Reviewing;
using Approval.Workflow.Submissions.Submitting;
using static Approval.Workflow.Tests.Reviewing.ReviewScenario;

namespace Approval.Workflow.Tests.Drafting;

/// <summary>修改 (<see cref="DraftRules.Revise"/>): the preparer changes a draft or a returned report; the event says what changed, in words.</summary>
public class when_revising
{
    private static SubmissionContent Changed(Submission s)
    {
        var form = s.Content.ProjectForm!;
        var rows = form.Indicators.ToList();
        rows[0] = rows[0] with { Actual = "已全部完成" };
        return s.Content with { ProjectForm = form with { Indicators = rows } };
    }

    [Fact]
    public void the_preparer_changes_a_draft_into_its_next_content_version_and_its_rows_keep_their_ids()
    {
        var drafted = Drafted();
        var before = drafted.State;
        var revised = DraftRules.Revise(before, "  新标题 ", Changed(before), Preparer, () => "new-row");
        Assert.Equal((2, "新标题"), (revised.ContentVersion, revised.Title));
        Assert.Equal("标题：「自评」→「新标题」", revised.Changes[0]);
        Assert.Contains(revised.Changes, c => c.Contains("已全部完成", StringComparison.Ordinal));
        Assert.Equal(before.Content.ProjectForm!.Indicators.Select(r => r.Id), revised.Content.ProjectForm!.Indicators.Select(r => r.Id));
        var after = drafted.After(revised);
        Assert.Equal((SubmissionState.Draft, 2, "新标题"), (after.State, after.ContentVersion, after.Title));
    }

    [Fact]
    public void the_same_content_and_title_is_no_revision()
    {
        var state = Drafted().State;
        Assert.Equal("no-change", Refused(() => DraftRules.Revise(state, null, state.Content, Preparer)).Code);
        Assert.Equal("no-change", Refused(() => DraftRules.Revise(state, " 自评 ", state.Content, Preparer)).Code);
    }

    [Fact]
    public void a_report_in_review_is_changed_only_after_it_is_withdrawn_or_returned()
    {
        var submitted = Submitted().State;
        var refused = Refused(() => DraftRules.Revise(submitted, null, Changed(submitted), Preparer));
        Assert.Equal(("not-editable", ViolationKind.Conflict), (refused.Code, refused.Kind));
        Assert.Contains("撤回后方可编辑", refused.Message, StringComparison.Ordinal);

        var returned = Claimed();
        returned.Then(ReviewRules.Decide(returned.State, new ReturnCommand("请补充佐证"), Reviewer));
        Assert.Equal(SubmissionState.Returned, returned.State.State);
        Assert.Equal(returned.State.ContentVersion + 1, DraftRules.Revise(returned.State, null, Changed(returned.State), Preparer).ContentVersion);

        var withdrawn = Submitted();
        withdrawn.Then(SubmitRules.Withdraw(withdrawn.State, "再改改", Preparer));
        Assert.Equal(SubmissionState.Draft, withdrawn.State.State);
        Assert.NotNull(DraftRules.Revise(withdrawn.State, null, Changed(withdrawn.State), Preparer));
    }

    [Fact]
    public void only_the_units_preparer_changes_it_and_never_into_another_year()
    {
        var state = Drafted().State;
        Assert.Equal(ViolationKind.Forbidden, Refused(() => DraftRules.Revise(state, null, Changed(state), Reviewer)).Kind);
        Assert.Equal(ViolationKind.Forbidden, Refused(() => DraftRules.Revise(state, null, Changed(state), Preparer with { UnitId = "U-002" })).Kind);
        var otherYear = Changed(state);
        otherYear = otherYear with { ProjectForm = otherYear.ProjectForm! with { Header = otherYear.ProjectForm.Header with { Year = 2024 } } };
        Assert.Equal("year-mismatch", Refused(() => DraftRules.Revise(state, null, otherYear, Preparer)).Code);
    }
}
