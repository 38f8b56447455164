using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Drafting;
using Approval.Workflow.Submissions.Publishing;
using Approval.Workflow.Submissions.Reviewing;
using Approval.Workflow.Submissions.Submitting;
using Approval.Workflow.Templates;
using static Approval.Workflow.Submissions.SubmissionAction;

namespace Approval.Workflow.Tests;

/// <summary>
/// <see cref="SubmissionActions.For"/> over a report's life, state by state and role by role: what each may do now, from
/// the guards the commands run. A listed step is accepted by its rule given a well-formed request; an unlisted one is refused.
/// </summary>
public class SubmissionActionsTests
{
    private static readonly Actor Preparer = new("clerk", "王填报", Role.Preparer, "U-001");
    private static readonly Actor OtherPreparer = new("clerk2", "李填报", Role.Preparer, "U-002");
    private static readonly Actor Holder = new("officer", "张经办", Role.Reviewer, null, ["S-1"]);
    private static readonly Actor Colleague = new("officer2", "赵经办", Role.Reviewer, null, ["S-1"]);
    private static readonly Actor WrongSection = new("officer3", "钱经办", Role.Reviewer, null, ["S-2"]);
    private static readonly Actor Auditor = new("audit", "审计", Role.Auditor);
    private static readonly Actor Admin = new("admin", "管理员", Role.Admin);

    private static readonly Dictionary<string, Actor> Actors = new()
    {
        ["preparer"] = Preparer, ["other-preparer"] = OtherPreparer, ["holder"] = Holder, ["colleague"] = Colleague,
        ["wrong-section"] = WrongSection, ["auditor"] = Auditor, ["admin"] = Admin,
    };

    private static Submission Fold(List<object> events) => EventStream.Fold(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.FromHours(8)), events);

    /// <summary>The report after each step of its life, by name.</summary>
    private static Dictionary<string, Submission> Life()
    {
        var content = new SubmissionContent { ProjectForm = Seeds.Import(Seeds.ShangraoBigData2021).Forms[1] };
        var events = new List<object> { DraftRules.Draft(Guid.NewGuid(), "U-001", "上饶市大数据发展管理局", content.StatedYear() ?? 2021, SubmissionKind.ProjectSelfEvaluation, "赣服通 自评", content, Preparer) };
        var states = new Dictionary<string, Submission>();
        void Step(string name, Func<Submission, object> next)
        {
            events.Add(next(Fold(events)));
            states[name] = Fold(events);
        }
        states["draft"] = Fold(events);
        Step("scored", s => DraftRules.Score(s, Preparer));
        Step("submitted", s => SubmitRules.Submit(s, "S-1", "经济建设股", Preparer));
        Step("claimed", s => ReviewRules.Claim(s, Holder));
        Step("returned", s => ReviewRules.Return(s, "请补充佐证", [], Holder));
        Step("resubmitted", s => SubmitRules.Submit(s, "S-1", "经济建设股", Preparer));
        Step("reclaimed", s => ReviewRules.Claim(s, Holder));
        Step("approved", s => ReviewRules.Approve(s, s.Score!.SuggestedGrade ?? Grade.良, null, "同意", "张经办", "经济建设股业务专用章", Holder));
        Step("published", s => PublishRules.Publish(s, "11361100MB1599473B/2022-00123", "上饶市大数据发展管理局", true, true, Holder));
        return states;
    }

    private static Submission Discarded()
    {
        var content = new SubmissionContent { ProjectForm = Seeds.Import(Seeds.ShangraoBigData2021).Forms[1] };
        var drafted = DraftRules.Draft(Guid.NewGuid(), "U-001", "上饶市大数据发展管理局", content.StatedYear() ?? 2021, SubmissionKind.ProjectSelfEvaluation, "赣服通 自评", content, Preparer);
        var draft = Fold([drafted]);
        return Fold([drafted, DiscardRules.Discard(draft, "重复起草", Preparer)]);
    }

    public static TheoryData<string, string, SubmissionAction[]> Table() => new()
    {
        { "draft", "preparer", [Edit, Score, Discard] },
        { "scored", "preparer", [Edit, Score, Submit, Discard] },
        { "submitted", "preparer", [Withdraw] },
        { "submitted", "holder", [Claim, Comment] },
        { "submitted", "colleague", [Claim, Comment] },
        { "claimed", "preparer", [] },
        { "claimed", "holder", [Release, Comment, Return, Approve] },
        { "claimed", "colleague", [Comment] },
        { "returned", "preparer", [Edit, Score, Submit, Discard] },
        { "returned", "holder", [] },
        { "resubmitted", "preparer", [Withdraw] },
        { "reclaimed", "holder", [Release, Comment, Return, Approve] },
        { "approved", "preparer", [] },
        { "approved", "holder", [Publish] },
        { "approved", "colleague", [Publish] },
        { "approved", "admin", [Publish] },
        { "published", "preparer", [] },
        { "published", "holder", [Correct] },
        { "published", "admin", [Correct] },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Each_role_may_take_these_steps_in_this_state(string state, string actor, SubmissionAction[] expected) =>
        Assert.Equal(expected, SubmissionActions.For(Life()[state], Actors[actor]));

    [Fact]
    public void Those_who_may_not_see_a_report_or_only_read_it_are_offered_nothing()
    {
        foreach (var (name, submission) in Life().Append(new("discarded", Discarded())))
        {
            Assert.Empty(SubmissionActions.For(submission, OtherPreparer));
            Assert.Empty(SubmissionActions.For(submission, WrongSection));
            Assert.Empty(SubmissionActions.For(submission, Auditor));
            Assert.Empty(SubmissionActions.For(submission, null));
            if (name is not ("approved" or "published")) Assert.Empty(SubmissionActions.For(submission, Admin));
        }
        Assert.Empty(SubmissionActions.For(Discarded(), Preparer));
    }

    /// <summary>No reviewer reviews their own unit's report, though it is in their section.</summary>
    [Fact]
    public void A_reviewer_of_the_unit_itself_may_not_claim_it()
    {
        var ownUnit = Colleague with { UnitId = "U-001" };
        Assert.Empty(SubmissionActions.For(Life()["submitted"], ownUnit));
    }

    /// <summary>The list and the commands agree: every listed step goes through its rule, every other step is refused by it.</summary>
    [Fact]
    public void Every_listed_step_is_accepted_by_its_rule_and_every_other_refused()
    {
        foreach (var (state, submission) in Life())
            foreach (var actor in Actors.Values)
            {
                var listed = SubmissionActions.For(submission, actor);
                foreach (var action in Enum.GetValues<SubmissionAction>())
                {
                    var accepted = Accepted(submission, action, actor);
                    Assert.True(listed.Contains(action) == accepted, $"{state}, {actor.UserId}, {action}: listed {listed.Contains(action)}, accepted {accepted}");
                }
            }
    }

    /// <summary>Runs the command's rule with a well-formed request; a refusal for the request's fields is no refusal of the step.</summary>
    private static bool Accepted(Submission s, SubmissionAction action, Actor by)
    {
        if (!SubmissionAccess.CanSee(by, s)) return false; // the command answers 404 before its rule runs
        try
        {
            _ = action switch
            {
                Edit => DraftRules.Revise(s, s.Title + "（修订）", s.Content, by),
                Score => DraftRules.Score(s, by),
                Submit => SubmitRules.Submit(s, "S-1", "经济建设股", by),
                Withdraw => SubmitRules.Withdraw(s, null, by),
                Discard => DiscardRules.Discard(s, "重复起草", by),
                Claim => ReviewRules.Claim(s, by),
                Release => ReviewRules.Release(s, null, by),
                Comment => ReviewRules.Comment(s, "请核对", null, by),
                Return => ReviewRules.Return(s, "请补充", [], by),
                Approve => ReviewRules.Approve(s, s.Score?.SuggestedGrade ?? Grade.良, null, "同意", by.Name, "章", by),
                Publish => PublishRules.Publish(s, "IDX-1", "发布机构", true, true, by),
                Correct => (object)PublishRules.Correct(s, s.Content, "更正", true, true, by),
                _ => throw new ArgumentOutOfRangeException(nameof(action)),
            };
            return true;
        }
        catch (SubmissionRuleException e) when (e.Violation.Kind == ViolationKind.Invalid)
        {
            return true; // the step is open; this request's content is what was refused (a correction changing nothing)
        }
        catch (SubmissionRuleException)
        {
            return false;
        }
    }
}
