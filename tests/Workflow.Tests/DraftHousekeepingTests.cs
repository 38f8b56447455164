using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Drafting;
using Approval.Workflow.Submissions.Reviewing;
using Approval.Workflow.Submissions.Submitting;
using Approval.Workflow.Submissions.Summary;

namespace Approval.Workflow.Tests;

/// <summary>The year a report is filed under, discarding a draft (an event, never a delete) and a project filed twice.</summary>
public class DraftHousekeepingTests
{
    private static readonly Actor Preparer = new("clerk", "王填报", Role.Preparer, "U-001");
    private static readonly Actor Reviewer = new("officer", "张经办", Role.Reviewer, null, ["S-1"]);
    private static int _clock;

    private static SubmissionContent SeedForm(int index = 1) => new() { ProjectForm = Seeds.Import(Seeds.ShangraoBigData2021).Forms[index] };

    private static Submission Fold(Submission? state, object e)
    {
        var wrapped = EventStream.Wrap(e, (state?.Version ?? 0) + 1,
            new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.FromHours(8)).AddMinutes(Interlocked.Increment(ref _clock)));
        return Submission.After(state, wrapped);
    }

    private static Submission Drafted(SubmissionContent? content = null, int year = 2021) =>
        Fold(null, DraftRules.Draft(Guid.NewGuid(), "U-001", "上饶市大数据发展管理局", year, SubmissionKind.ProjectSelfEvaluation, "赣服通 自评", content ?? SeedForm(), Preparer));

    [Fact]
    public void A_form_headed_2021_is_filed_as_2021_and_never_under_another_year()
    {
        Assert.Equal(2021, SeedForm().StatedYear());
        Assert.Equal(2021, Drafted().FiscalYear);
        var refused = Assert.Throws<SubmissionRuleException>(() => Drafted(year: 2025)).Violation;
        Assert.Equal(("year-mismatch", ViolationKind.Conflict), (refused.Code, refused.Kind));
        Assert.Contains("报告表头为 2021 年度", refused.Message);
        Assert.Equal(2021, refused.Facts["statedYear"]);
        Assert.Equal(2025, refused.Facts["fiscalYear"]);
    }

    [Fact]
    public void A_form_without_a_year_is_filed_under_the_year_chosen_and_a_revision_cannot_move_its_header_to_another()
    {
        var form = SeedForm().ProjectForm!;
        var undated = new SubmissionContent { ProjectForm = form with { Header = form.Header with { Year = null } } };
        Assert.Null(undated.StatedYear());
        var draft = Drafted(undated, 2024);
        Assert.Equal(2024, draft.FiscalYear);
        var moved = new SubmissionContent { ProjectForm = form with { Header = form.Header with { Year = 2023 } } };
        Assert.Equal("year-mismatch", Assert.Throws<SubmissionRuleException>(() => DraftRules.Revise(draft, null, moved, Preparer)).Violation.Code);
        var dated = new SubmissionContent { ProjectForm = form with { Header = form.Header with { Year = 2024 } } };
        Assert.Contains("年度：— → 2024", DraftRules.Revise(draft, null, dated, Preparer).Changes);
    }

    [Fact]
    public void Discarding_is_an_event_with_its_reason_that_ends_the_report_where_it_stands()
    {
        var draft = Drafted();
        Assert.Equal("reason-required", Assert.Throws<SubmissionRuleException>(() => DiscardRules.Discard(draft, "  ", Preparer)).Violation.Code);
        Assert.Equal("not-preparer", Assert.Throws<SubmissionRuleException>(() => DiscardRules.Discard(draft, "重复", Reviewer)).Violation.Code);
        Assert.Equal("not-preparer", Assert.Throws<SubmissionRuleException>(() =>
            DiscardRules.Discard(draft, "重复", new Actor("x", "外单位", Role.Preparer, "U-002"))).Violation.Code);

        var discarded = Fold(draft, DiscardRules.Discard(draft, " 重复起草，以另一份为准 ", Preparer));
        Assert.Equal(SubmissionState.Discarded, discarded.State);
        Assert.Equal("重复起草，以另一份为准", discarded.Discard!.Reason);
        Assert.Equal("已作废", discarded.State.Chinese());
        // nothing more happens to it: no edit, no score, no submit, no second discard
        Assert.Equal("not-editable", Assert.Throws<SubmissionRuleException>(() => DraftRules.Score(discarded, Preparer)).Violation.Code);
        Assert.Equal("not-editable", Assert.Throws<SubmissionRuleException>(() => SubmitRules.Submit(discarded, "S-1", "经济建设股", Preparer)).Violation.Code);
        Assert.Equal("not-discardable", Assert.Throws<SubmissionRuleException>(() => DiscardRules.Discard(discarded, "再次", Preparer)).Violation.Code);
    }

    [Fact]
    public void Only_a_draft_or_a_returned_report_can_be_discarded_and_a_section_no_longer_sees_it()
    {
        var draft = Drafted();
        var scored = Fold(draft, DraftRules.Score(draft, Preparer));
        var sent = Fold(scored, SubmitRules.Submit(scored, "S-1", "经济建设股", Preparer));
        var refused = Assert.Throws<SubmissionRuleException>(() => DiscardRules.Discard(sent, "重复", Preparer)).Violation;
        Assert.Equal("not-discardable", refused.Code);
        Assert.Contains("请先撤回", refused.Message);

        var claimed = Fold(sent, ReviewRules.Claim(sent, Reviewer));
        var returned = Fold(claimed, ReviewRules.Return(claimed, "请重报", [], Reviewer));
        Assert.True(SubmissionAccess.CanSee(Reviewer, returned));
        var discarded = Fold(returned, DiscardRules.Discard(returned, "项目取消", Preparer));
        Assert.False(SubmissionAccess.CanSee(Reviewer, discarded));
        Assert.True(SubmissionAccess.CanSee(Preparer, discarded));
    }

    [Fact]
    public void The_same_project_and_year_is_the_same_report_whatever_the_blanks_and_widths_in_its_name()
    {
        var first = Drafted();
        var second = Drafted();
        Assert.Single(SameReport.Among(second, [first, second]));
        var form = SeedForm().ProjectForm!;
        var spaced = Drafted(new SubmissionContent { ProjectForm = form with { Header = form.Header with { ProjectName = " " + form.Header.ProjectName.Replace("4.0", "４．０") + " " } } });
        Assert.True(SameReport.Matches(first, spaced));
        var otherProject = Drafted(SeedForm(0));
        Assert.False(SameReport.Matches(first, otherProject));
        var discarded = Fold(second, DiscardRules.Discard(second, "重复", Preparer));
        Assert.False(SameReport.Matches(first, discarded));
    }

    private static UnitSummaryEntry Entry(string project, SubmissionState state, decimal score, int minute) => new()
    {
        Id = Guid.NewGuid(), UnitId = "U-001", UnitName = "上饶市大数据发展管理局", FiscalYear = 2021, Kind = SubmissionKind.ProjectSelfEvaluation,
        DraftedAt = new DateTimeOffset(2026, 3, 1, 9, minute, 0, TimeSpan.Zero), State = state, ProjectName = project,
        InitialBudget = 100m, FullYearBudget = 100m, Executed = 90m, StatedScore = score,
    };

    [Fact]
    public void A_later_draft_of_the_summary_never_hides_the_one_sent_to_the_section()
    {
        var sent = Entry("", SubmissionState.Approved, 0m, 1);
        sent.Kind = SubmissionKind.SummaryReview;
        sent.UnitProjectExpenditure = 80m;
        var later = Entry("", SubmissionState.Draft, 0m, 9);
        later.Kind = SubmissionKind.SummaryReview;
        var table = UnitSummaryReview.Assemble([Entry("赣服通", SubmissionState.Approved, 90m, 0), sent, later])!;
        Assert.Equal((sent.Id, 80m), (table.SummarySubmissionId, table.UnitProjectExpenditure));
    }

    [Fact]
    public void The_summary_counts_each_submitted_project_once_and_no_draft_or_discarded_report()
    {
        var table = UnitSummaryReview.Assemble(
        [
            Entry("赣服通", SubmissionState.Approved, 90m, 1),
            Entry("赣 服 通", SubmissionState.Draft, 50m, 2),        // a later duplicate start: the approved form counts
            Entry("数据中台", SubmissionState.Submitted, 80m, 3),
            Entry("数据中台", SubmissionState.Discarded, 10m, 4),    // discarded: nowhere
            Entry("机房运维", SubmissionState.Draft, 70m, 5),         // not yet sent: not a row, listed as a draft
        ])!;
        Assert.Equal(["赣服通", "数据中台"], table.OrderedProjects().Select(r => r.ProjectName));
        Assert.Equal(["机房运维"], table.Drafts().Select(r => r.ProjectName));
        Assert.Equal(85m, table.Figures.Average);
        Assert.Equal(180m, table.Figures.Totals.Executed);
    }
}
