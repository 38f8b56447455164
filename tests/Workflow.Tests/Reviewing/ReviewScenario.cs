using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Drafting;
using Approval.Workflow.Submissions.Publishing;
using Approval.Workflow.Submissions.Reviewing;
using Approval.Workflow.Submissions.Submitting;
using JasperFx.Events;

namespace Approval.Workflow.Tests.Reviewing;

/// <summary>
/// A report's stream as the review commands find it — drafted, submitted to 经济建设股 (S-1), claimed — folded by the same
/// <c>Create</c>/<c>Apply</c> methods Marten runs, so each <c>when_…</c> class starts from a state named by how it got there.
/// </summary>
internal sealed class ReviewScenario
{
    public static readonly Actor Preparer = new("clerk", "王填报", Role.Preparer, "U-001");
    public static readonly Actor Reviewer = new("officer", "张经办", Role.Reviewer, null, ["S-1"]);
    public static readonly Actor OtherReviewer = new("officer2", "赵经办", Role.Reviewer, null, ["S-1"]);
    public static readonly Actor WrongSection = new("officer3", "钱经办", Role.Reviewer, null, ["S-2"]);

    private int _version;

    public Submission State { get; private set; } = null!;

    public ReviewScenario Then(object e)
    {
        _version++;
        State = Submission.After(_version == 1 ? null : State,
            EventStream.Wrap(e, _version, new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.FromHours(8)).AddHours(_version)));
        return this;
    }

    /// <summary>The folded state after <paramref name="e"/>, leaving the scenario where it was.</summary>
    public Submission After(object e)
    {
        var wrapped = (IEvent)Activator.CreateInstance(typeof(Event<>).MakeGenericType(e.GetType()), e)!;
        wrapped.Version = _version + 1;
        return Submission.After(State, wrapped);
    }

    public static ReviewScenario Drafted(SubmissionKind kind = SubmissionKind.ProjectSelfEvaluation)
    {
        var content = Package(kind)
            // Seed 004's 大厅日常运行维护经费: scored 优, with weights as the template, so 优 is a suggestion a reviewer must give a reason to override.
            ?? new SubmissionContent { ProjectForm = Seeds.Import(Seeds.GanzhouRongjiang2023).Forms[0] };
        return new ReviewScenario().Then(DraftRules.Draft(Guid.NewGuid(), "U-001", "上饶市大数据发展管理局", content.StatedYear() ?? 2023, kind, "自评", content, Preparer));
    }

    private static SubmissionContent? Package(SubmissionKind kind)
    {
        if (kind != SubmissionKind.FinalAccountsDisclosure) return null;
        var report = Seeds.Import(Seeds.ShangraoBigData2021);
        return new SubmissionContent { Disclosure = new DisclosurePackage(report.Tables, report.Narrative) { BudgetApprovedOn = new DateOnly(2022, 8, 10) } };
    }

    public static ReviewScenario Submitted(SubmissionKind kind = SubmissionKind.ProjectSelfEvaluation)
    {
        var s = Drafted(kind);
        s.Then(DraftRules.Score(s.State, Preparer));
        return s.Then(SubmitRules.Submit(s.State, "S-1", "经济建设股", Preparer));
    }

    public static ReviewScenario Claimed(SubmissionKind kind = SubmissionKind.ProjectSelfEvaluation)
    {
        var s = Submitted(kind);
        return s.Then(ReviewRules.Decide(s.State, new ClaimCommand(), Reviewer));
    }

    public static ReviewScenario Approved(SubmissionKind kind = SubmissionKind.ProjectSelfEvaluation)
    {
        var s = Claimed(kind);
        var grade = kind == SubmissionKind.FinalAccountsDisclosure ? null : s.State.Score?.SuggestedGrade?.ToString();
        return s.Then(ReviewRules.Decide(s.State, new ApproveCommand(grade, null, "同意", "财政局业务专用章"), Reviewer));
    }

    public static ReviewScenario Published(SubmissionKind kind = SubmissionKind.ProjectSelfEvaluation)
    {
        var s = Approved(kind);
        return s.Then(PublishRules.Decide(s.State, new PublishCommand("A-2026-1", "上饶市大数据发展管理局", true, true), Reviewer));
    }

    public static RuleViolation Refused(Action decide) => Assert.Throws<SubmissionRuleException>(decide).Violation;

    /// <summary>The refusal's code and kind, for comparing both at once.</summary>
    public static (string Code, ViolationKind Kind) RefusedAs(Action decide)
    {
        var violation = Refused(decide);
        return (violation.Code, violation.Kind);
    }
}
