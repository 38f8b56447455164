using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Drafting;
using Approval.Workflow.Tests.Reviewing;
using static Approval.Workflow.Tests.Reviewing.ReviewScenario;

namespace Approval.Workflow.Tests.Drafting;

/// <summary>起草 (<see cref="DraftRules.Draft"/>): the unit's preparer starts a report of a year, a kind, a title and its first content.</summary>
public class when_drafting
{
    private static readonly SubmissionContent Form = new() { ProjectForm = Seeds.Import(Seeds.GanzhouRongjiang2023).Forms[0] };

    private static SubmissionDrafted Draft(string title = "2023年度项目支出绩效自评表", int year = 2023, SubmissionKind kind = SubmissionKind.ProjectSelfEvaluation,
        SubmissionContent? content = null, Actor? by = null, string unitId = "U-001")
    {
        var n = 0;
        return DraftRules.Draft(Guid.NewGuid(), unitId, "上饶市大数据发展管理局", year, kind, title, content ?? Form, by ?? Preparer, () => $"row-{++n}");
    }

    [Fact]
    public void the_units_preparer_starts_a_draft_with_the_title_trimmed_and_every_row_given_an_id()
    {
        var drafted = Draft("  2023年度项目支出绩效自评表 ");
        Assert.Equal(("2023年度项目支出绩效自评表", "U-001", 2023, SubmissionKind.ProjectSelfEvaluation), (drafted.Title, drafted.UnitId, drafted.FiscalYear, drafted.Kind));
        var rows = drafted.Content.ProjectForm!.Indicators;
        Assert.Equal(Enumerable.Range(1, rows.Count).Select(i => $"row-{i}"), rows.Select(r => r.Id));
        var state = new ReviewScenario().Then(drafted).State;
        Assert.Equal((SubmissionState.Draft, 1, 1, "clerk"), (state.State, state.Version, state.ContentVersion, state.CreatedBy.UserId));
        Assert.Null(state.Score);
    }

    [Fact]
    public void only_the_units_own_preparer_drafts()
    {
        Assert.Equal(("not-preparer", ViolationKind.Forbidden), RefusedAs(() => Draft(by: Reviewer)));
        Assert.Equal(("not-preparer", ViolationKind.Forbidden), RefusedAs(() => Draft(unitId: "U-002")));
    }

    [Theory]
    [InlineData("", "title-required")]
    [InlineData("   ", "title-required")]
    [InlineData("标题\u0000", "title-control")]
    [InlineData("标题\u202E", "title-invisible")]
    [InlineData("标题\u200B", "title-invisible")]
    public void a_title_that_cannot_be_shown_as_typed_is_refused(string title, string code) =>
        Assert.Equal((code, ViolationKind.Invalid), RefusedAs(() => Draft(title)));

    [Fact]
    public void a_title_longer_than_the_limit_is_refused_and_one_at_the_limit_is_not()
    {
        Assert.Equal(("title-too-long", ViolationKind.Invalid), RefusedAs(() => Draft(new string('报', DraftRules.MaxTitleLength + 1))));
        Assert.Equal(DraftRules.MaxTitleLength, Draft(new string('报', DraftRules.MaxTitleLength)).Title.Length);
    }

    [Fact]
    public void a_year_out_of_range_content_of_another_kind_or_a_header_of_another_year_is_refused()
    {
        Assert.Equal(("fiscal-year", ViolationKind.Invalid), RefusedAs(() => Draft(year: 1999)));
        Assert.Equal(("content-kind", ViolationKind.Invalid), RefusedAs(() => Draft(kind: SubmissionKind.FinalAccountsDisclosure)));
        var mismatch = Refused(() => Draft(year: 2025));
        Assert.Equal(("year-mismatch", ViolationKind.Conflict), (mismatch.Code, mismatch.Kind));
        Assert.Equal((2023, 2025), ((int)mismatch.Facts!["statedYear"]!, (int)mismatch.Facts["fiscalYear"]!));
    }
}
