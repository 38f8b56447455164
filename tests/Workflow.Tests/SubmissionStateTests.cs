using System.Globalization;
using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Drafting;
using Approval.Workflow.Submissions.Publishing;
using Approval.Workflow.Submissions.Reviewing;
using Approval.Workflow.Submissions.Submitting;
using Approval.Workflow.Templates;

namespace Approval.Workflow.Tests;

/// <summary>The state machine, as pure functions over the folded <see cref="Submission"/>.</summary>
public class SubmissionStateTests
{
    private static readonly Actor Preparer = new("clerk", "王填报", Role.Preparer, "U-001");
    private static readonly Actor OtherPreparer = new("clerk2", "李填报", Role.Preparer, "U-002");
    private static readonly Actor Reviewer = new("officer", "张经办", Role.Reviewer, null, ["S-1"]);
    private static readonly Actor OtherReviewer = new("officer2", "赵经办", Role.Reviewer, null, ["S-1"]);
    private static readonly Actor WrongSection = new("officer3", "钱经办", Role.Reviewer, null, ["S-2"]);

    private sealed class Stream
    {
        private readonly List<object> _events = [];
        public Submission State { get; private set; } = null!;

        public Stream Append(object e)
        {
            _events.Add(e);
            State = Submission.After(_events.Count == 1 ? null : State,
                EventStream.Wrap(e, _events.Count, new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.FromHours(8)).AddHours(_events.Count)));
            return this;
        }
    }

    private static SubmissionContent SeedForm(int index = 1) => new() { ProjectForm = Seeds.Import(Seeds.ShangraoBigData2021).Forms[index] };

    private static Stream Drafted(SubmissionContent? content = null)
    {
        var s = new Stream();
        content ??= SeedForm();
        s.Append(DraftRules.Draft(Guid.NewGuid(), "U-001", "上饶市大数据发展管理局", content.StatedYear() ?? 2021, SubmissionKind.ProjectSelfEvaluation, "赣服通 自评", content, Preparer));
        return s;
    }

    private static Stream Submitted(SubmissionContent? content = null)
    {
        var s = Drafted(content);
        s.Append(DraftRules.Score(s.State, Preparer));
        s.Append(SubmitRules.Submit(s.State, "S-1", "经济建设股", Preparer));
        return s;
    }

    private static Stream Claimed(SubmissionContent? content = null)
    {
        var s = Submitted(content);
        s.Append(ReviewRules.Claim(s.State, Reviewer));
        return s;
    }

    private static void Refused(ViolationKind kind, string code, Action act)
    {
        var e = Assert.Throws<SubmissionRuleException>(act);
        Assert.Equal((kind, code), (e.Violation.Kind, e.Violation.Code));
    }

    [Fact]
    public void Full_life_return_revise_resubmit_approve_publish_correct()
    {
        var s = Claimed();
        Assert.Equal((SubmissionState.InReview, 1), (s.State.State, s.State.Round));
        s.Append(ReviewRules.Return(s.State, "满意度指标得分计算有误", [new RowRemark("企业满意度", "应为 92 ÷ 95 × 5 = 4.84")], Reviewer));
        Assert.Equal(SubmissionState.Returned, s.State.State);

        var form = s.State.Content.ProjectForm!;
        var fixedForm = form with { Indicators = form.Indicators.Select(i => i.Name == "企业满意度" ? i with { StatedScore = 4.84m } : i).ToList() };
        var revised = DraftRules.Revise(s.State, null, new SubmissionContent { ProjectForm = fixedForm }, Preparer);
        Assert.Equal(["指标「企业满意度」得分：4.5 → 4.84"], revised.Changes);
        s.Append(revised);
        Refused(ViolationKind.Conflict, "not-scored", () => SubmitRules.Submit(s.State, "S-1", "经济建设股", Preparer));
        s.Append(DraftRules.Score(s.State, Preparer));
        s.Append(SubmitRules.Submit(s.State, "S-1", "经济建设股", Preparer));
        Assert.Equal(2, s.State.Round);
        s.Append(ReviewRules.Claim(s.State, Reviewer));
        s.Append(ReviewRules.Approve(s.State, Grade.良, null, "同意", "张经办", "财政局业务专用章", Reviewer));
        Assert.Equal((SubmissionState.Approved, Grade.良), (s.State.State, s.State.Approval!.Grade));
        s.Append(PublishRules.Publish(s.State, "001-2021-0001", "上饶市大数据发展管理局", true, true, Reviewer));
        Assert.Equal((SubmissionState.Published, 1), (s.State.State, s.State.PublicationVersion));

        var corrected = fixedForm with { Header = fixedForm.Header with { ProjectName = "“赣服通”上饶分厅4.0版项目（更正）" } };
        s.Append(PublishRules.Correct(s.State, new SubmissionContent { ProjectForm = corrected }, "项目名称有误", true, true, Reviewer));
        Assert.Equal((SubmissionState.Published, 2, 3), (s.State.State, s.State.PublicationVersion, s.State.ContentVersion));
        Assert.Equal(["退回修改", "审核通过：良"], s.State.Rounds.Select(r => r.Outcome));
    }

    [Fact]
    public void Forbidden_transitions_are_refused_with_their_reason()
    {
        var draft = Drafted();
        Refused(ViolationKind.Forbidden, "not-section-reviewer", () => ReviewRules.Claim(draft.State, Reviewer)); // a draft has no section yet
        Refused(ViolationKind.Conflict, "not-approved", () => PublishRules.Publish(draft.State, "x", "y", true, true, new Actor("admin", "管理员", Role.Admin)));
        Refused(ViolationKind.Conflict, "not-submitted", () => SubmitRules.Withdraw(draft.State, null, Preparer));

        var submitted = Submitted();
        Refused(ViolationKind.Conflict, "not-editable", () => DraftRules.Revise(submitted.State, null, SeedForm(0), Preparer));
        Refused(ViolationKind.Conflict, "not-claimed", () => ReviewRules.Approve(submitted.State, Grade.优, null, "同意", "张", "章", Reviewer));
        Refused(ViolationKind.Forbidden, "not-section-reviewer", () => ReviewRules.Claim(submitted.State, WrongSection));
        Refused(ViolationKind.Forbidden, "not-preparer", () => SubmitRules.Withdraw(submitted.State, null, OtherPreparer));

        var claimed = Claimed();
        Refused(ViolationKind.Conflict, "review-started", () => SubmitRules.Withdraw(claimed.State, null, Preparer));
        Refused(ViolationKind.Conflict, "already-claimed", () => ReviewRules.Claim(claimed.State, OtherReviewer));
        Refused(ViolationKind.Conflict, "held-by-other", () => ReviewRules.Approve(claimed.State, Grade.良, null, "同意", "赵", "章", OtherReviewer));
        Refused(ViolationKind.Invalid, "reason-required", () => ReviewRules.Return(claimed.State, "  ", null, Reviewer));
        Refused(ViolationKind.Invalid, "signature-required", () => ReviewRules.Approve(claimed.State, Grade.良, null, "同意", "", "章", Reviewer));
        Refused(ViolationKind.Conflict, "not-published", () => PublishRules.Correct(claimed.State, SeedForm(0), "x", true, true, Reviewer));
    }

    [Fact]
    public void Overriding_the_suggested_grade_needs_a_reason()
    {
        // Seed 004's 大厅日常运行维护经费: recomputed 96.26, printed 95 — both 优, weights as the template: a trusted suggestion.
        var s = Claimed(new SubmissionContent { ProjectForm = Seeds.Import(Seeds.GanzhouRongjiang2023).Forms[0] });
        Assert.Equal(Grade.优, s.State.Score!.SuggestedGrade);
        Assert.Null(s.State.Score.GradeCaveat);
        Refused(ViolationKind.Invalid, "override-reason-required", () => ReviewRules.Approve(s.State, Grade.良, null, "同意", "张经办", "章", Reviewer));
        var approved = Assert.IsType<SubmissionApproved>(ReviewRules.Approve(s.State, Grade.良, "现场核查后认可", "同意", "张经办", "章", Reviewer));
        Assert.Equal((Grade.良, Grade.优), (approved.Grade, approved.SuggestedGrade));
        Refused(ViolationKind.Invalid, "grade", () => ReviewRules.Approve(s.State, (Grade)7, "x", "同意", "张经办", "章", Reviewer));
    }

    [Fact]
    public void An_untrusted_suggestion_forces_no_reason()
    {
        // Seed 002's 赣服通: weights 10 + 50 + 15 + 10 = 85, so its 81.34 (良) is out of 85 — no suggestion to override.
        var s = Claimed();
        Assert.Null(s.State.Score!.SuggestedGrade);
        var caveat = s.State.Score.GradeCaveat!;
        Assert.Equal(Grade.良, caveat.Recomputed);
        Assert.Equal($"不可信（{caveat.DependsOn.Count} 处错误会改变总分，见检查结果）", s.State.Score.SuggestionText);
        var approved = Assert.IsType<SubmissionApproved>(ReviewRules.Approve(s.State, Grade.优, null, "同意", "张经办", "章", Reviewer));
        Assert.Equal((Grade.优, (Grade?)null, (string?)null), (approved.Grade, approved.SuggestedGrade, approved.OverrideReason));
    }

    [Fact]
    public void A_trusted_score_serializes_as_scores_stored_before_the_caveat_existed()
    {
        // The event chain hashes the event as serialized: a stored SubmissionScored must serialize to the same JSON after the
        // new optional properties were added — they are left out when they say nothing.
        var trusted = SubmissionScoring.Score(SubmissionKind.ProjectSelfEvaluation, new() { ProjectForm = Seeds.Import(Seeds.GanzhouRongjiang2023).Forms[0] }, 1);
        var json = System.Text.Json.JsonSerializer.Serialize(trusted);
        foreach (var added in new[] { "GradeCaveat", "GradeDependsOn", "GradeIsTrusted", "SuggestionText" }) Assert.DoesNotContain(added, json);

        var untrusted = SubmissionScoring.Score(SubmissionKind.ProjectSelfEvaluation, SeedForm(), 1);
        var back = System.Text.Json.JsonSerializer.Deserialize<ScoreCard>(System.Text.Json.JsonSerializer.Serialize(untrusted))!;
        Assert.Equal(untrusted.GradeCaveat!.DependsOn, back.GradeCaveat!.DependsOn);
        Assert.Equal(untrusted.SelfEvaluation!.GradeDependsOn!.Count, back.SelfEvaluation!.GradeDependsOn!.Count);
    }

    [Fact]
    public void Nobody_reviews_their_own_unit()
    {
        var s = Submitted();
        var insider = Reviewer with { UnitId = "U-001" };
        Refused(ViolationKind.Forbidden, "own-unit", () => ReviewRules.Claim(s.State, insider));
    }

    [Fact]
    public void Withdrawing_before_review_makes_it_a_draft_again()
    {
        var s = Submitted();
        s.Append(SubmitRules.Withdraw(s.State, "补充附件", Preparer));
        Assert.Equal(SubmissionState.Draft, s.State.State);
        Assert.Equal("已撤回", s.State.Rounds.Single().Outcome);
    }

    [Theory]
    [InlineData("-1", "不能为负数")]
    [InlineData("1000000000000000", "超出合理范围")]
    [InlineData("1.1234567", "小数位")]
    public void Absurd_amounts_are_refused(string executed, string message)
    {
        var form = SeedForm().ProjectForm!;
        var bad = form with { Funds = form.Funds with { Total = form.Funds.Total with { Executed = decimal.Parse(executed, CultureInfo.InvariantCulture) } } };
        var e = Assert.Throws<SubmissionRuleException>(() =>
            DraftRules.Draft(Guid.NewGuid(), "U-001", "单位", 2021, SubmissionKind.ProjectSelfEvaluation, "t", new SubmissionContent { ProjectForm = bad }, Preparer));
        Assert.Contains(message, e.Violation.Message);
    }

    [Fact]
    public void The_score_kept_in_the_event_does_not_follow_later_template_changes()
    {
        var s = Drafted();
        var scored = DraftRules.Score(s.State, Preparer);
        var template = BuiltInTemplates.Ministry2020;
        Assert.Equal((template.Id, template.Version), (scored.Score.TemplateId, scored.Score.TemplateVersion));
        Assert.Equal(81.34m, scored.Score.Total);
        var laterTemplates = new[] { template with { Version = 2, FundsWeight = 20, LevelOnes = [template.LevelOnes[0] with { Weight = 40 }, .. template.LevelOnes.Skip(1)] } };
        var rescored = DraftRules.Score(s.State, Preparer, laterTemplates);
        Assert.Equal(81.34m, scored.Score.Total); // the recorded result is a value: unchanged
        Assert.Equal(2, rescored.Score.TemplateVersion);
    }
}
