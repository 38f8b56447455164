using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Publishing;
using static Approval.Workflow.Tests.Reviewing.ReviewScenario;

namespace Approval.Workflow.Tests.Publishing;

/// <summary>发布更正 (<see cref="PublishRules.Decide(Submission, CorrectCommand, Actor, IReadOnlyList{Approval.Workflow.Templates.IndicatorTemplate}?)"/>).</summary>
public class when_correcting
{
    private static SubmissionContent Renamed(Submission s) =>
        new() { ProjectForm = s.Content.ProjectForm! with { Header = s.Content.ProjectForm!.Header with { ProjectName = s.Content.ProjectForm.Header.ProjectName + "（更正）" } } };

    [Fact]
    public void a_published_report_gets_a_new_version_scored_again_with_its_changes_and_reason()
    {
        var published = Published();
        var corrected = PublishRules.Decide(published.State, new CorrectCommand(Renamed(published.State), " 项目名称有误 ", true, true), Reviewer);
        Assert.Equal((2, published.State.ContentVersion + 1, "项目名称有误"), (corrected.PublicationVersion, corrected.ContentVersion, corrected.Reason));
        Assert.NotEmpty(corrected.Changes);
        Assert.NotNull(corrected.Score);
        var after = published.After(corrected);
        Assert.Equal((SubmissionState.Published, 2), (after.State, after.PublicationVersion));
        Assert.EndsWith("（更正）", after.Content.ProjectForm!.Header.ProjectName);
    }

    [Fact]
    public void nothing_changed_no_reason_a_gate_missing_or_not_yet_published_is_refused()
    {
        var published = Published();
        Assert.Equal("no-change", Refused(() => PublishRules.Decide(published.State, new CorrectCommand(published.State.Content, "原因", true, true), Reviewer)).Code);
        Assert.Equal("reason-required", Refused(() => PublishRules.Decide(published.State, new CorrectCommand(Renamed(published.State), " ", true, true), Reviewer)).Code);
        Assert.Equal(ViolationKind.Invalid, Refused(() => PublishRules.Decide(published.State, new CorrectCommand(Renamed(published.State), "原因", true, false), Reviewer)).Kind);
        var approved = Approved();
        Assert.Equal("not-published", Refused(() => PublishRules.Decide(approved.State, new CorrectCommand(Renamed(approved.State), "原因", true, true), Reviewer)).Code);
        Assert.Equal(ViolationKind.Forbidden, Refused(() => PublishRules.Decide(published.State, new CorrectCommand(Renamed(published.State), "原因", true, true), WrongSection)).Kind);
    }
}
