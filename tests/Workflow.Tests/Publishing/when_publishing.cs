using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Publishing;
using static Approval.Workflow.Tests.Reviewing.ReviewScenario;

namespace Approval.Workflow.Tests.Publishing;

/// <summary>公开 (<see cref="PublishRules.Decide(Submission, PublishCommand, Actor)"/>).</summary>
public class when_publishing
{
    [Fact]
    public void a_reviewer_of_the_section_publishes_an_approved_report_with_its_index_entry()
    {
        var approved = Approved();
        var published = PublishRules.Decide(approved.State, new PublishCommand(" A-2026-7 ", " 上饶市大数据发展管理局 ", true, true), OtherReviewer);
        Assert.Equal((1, "A-2026-7", "上饶市大数据发展管理局", "赵经办"), (published.PublicationVersion, published.IndexNumber, published.Publisher, published.By.Name));
        var after = approved.After(published);
        Assert.Equal((SubmissionState.Published, 1), (after.State, after.PublicationVersion));
    }

    [Fact]
    public void every_missing_field_and_gate_is_named_at_once_and_nothing_is_published()
    {
        var refused = Refused(() => PublishRules.Decide(Approved().State, new PublishCommand(" ", null, false, false), Reviewer));
        Assert.Equal((ViolationKind.Invalid, "publication-incomplete"), (refused.Kind, refused.Code));
        Assert.Equal(4, refused.Fields!.Count);
        var tooLong = Refused(() => PublishRules.Decide(Approved().State, new PublishCommand(new string('号', PublishRules.MaxIndexNumberLength + 1), "发布机构", true, true), Reviewer));
        Assert.Equal("index-too-long", tooLong.Code);
    }

    [Fact]
    public void only_an_approved_report_and_only_its_sections_reviewer_or_an_administrator()
    {
        Assert.Equal("not-approved", Refused(() => PublishRules.Decide(Claimed().State, new PublishCommand("A-1", "机构", true, true), Reviewer)).Code);
        Assert.Equal("already-published", Refused(() => PublishRules.Decide(Published().State, new PublishCommand("A-1", "机构", true, true), Reviewer)).Code);
        Assert.Equal(ViolationKind.Forbidden, Refused(() => PublishRules.Decide(Approved().State, new PublishCommand("A-1", "机构", true, true), WrongSection)).Kind);
        Assert.Equal(ViolationKind.Forbidden, Refused(() => PublishRules.Decide(Approved().State, new PublishCommand("A-1", "机构", true, true), Preparer)).Kind);
        var admin = new Actor("admin", "管理员", Role.Admin);
        Assert.Equal("管理员", PublishRules.Decide(Approved().State, new PublishCommand("A-1", "机构", true, true), admin).By.Name);
    }
}
