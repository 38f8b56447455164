using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Drafting;
using Approval.Workflow.Submissions.Publishing;
using Approval.Workflow.Submissions.Reviewing;
using Approval.Workflow.Submissions.Submitting;
using Approval.Workflow.Templates;

namespace Approval.Workflow.Tests;

/// <summary>放回队列 (only the holder, only while 审核中) and 公开's gates, all named in one refusal.</summary>
public class ReleaseAndPublishGateTests
{
    private static readonly Actor Preparer = new("clerk", "王填报", Role.Preparer, "U-001");
    private static readonly Actor Reviewer = new("officer", "张经办", Role.Reviewer, null, ["S-1"]);
    private static readonly Actor OtherReviewer = new("officer2", "赵经办", Role.Reviewer, null, ["S-1"]);
    private static readonly Actor WrongSection = new("officer3", "钱经办", Role.Reviewer, null, ["S-2"]);

    private sealed class Stream
    {
        private int _count;
        public Submission State { get; private set; } = null!;

        public Stream Append(object e)
        {
            ++_count;
            State = Submission.After(_count == 1 ? null : State, EventStream.Wrap(e, _count, new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.FromHours(8)).AddHours(_count)));
            return this;
        }
    }

    private static Stream Submitted()
    {
        var s = new Stream();
        s.Append(DraftRules.Draft(Guid.NewGuid(), "U-001", "上饶市大数据发展管理局", 2021, SubmissionKind.ProjectSelfEvaluation, "赣服通 自评",
            new SubmissionContent { ProjectForm = Seeds.Import(Seeds.ShangraoBigData2021).Forms[1] }, Preparer));
        s.Append(DraftRules.Score(s.State, Preparer));
        s.Append(SubmitRules.Submit(s.State, "S-1", "经济建设股", Preparer));
        return s;
    }

    private static RuleViolation Refused(Action act) => Assert.Throws<SubmissionRuleException>(act).Violation;

    [Fact]
    public void The_holder_releases_the_review_and_another_reviewer_may_claim_it()
    {
        var s = Submitted();
        s.Append(ReviewRules.Claim(s.State, Reviewer));
        var released = ReviewRules.Release(s.State, "  回避：与该单位有亲属关系  ", Reviewer);
        Assert.Equal(("回避：与该单位有亲属关系", Reviewer, 1), (released.Reason, released.By, released.Round));
        Assert.Equal(SubmissionState.Submitted, released.StateAfter(SubmissionState.InReview));
        Assert.Equal("张经办 放回审核队列：回避：与该单位有亲属关系", released.Describe());

        s.Append(released);
        Assert.Equal((SubmissionState.Submitted, null), (s.State.State, s.State.ClaimedBy));
        Assert.Null(s.State.CurrentRound!.ClaimedBy);
        s.Append(ReviewRules.Claim(s.State, OtherReviewer));
        Assert.Equal(OtherReviewer, s.State.ClaimedBy);
        Assert.Null(ReviewRules.Release(s.State, "   ", OtherReviewer).Reason);
    }

    [Fact]
    public void Only_the_holder_releases_and_only_while_under_review()
    {
        var s = Submitted();
        Assert.Equal((ViolationKind.Conflict, "not-claimed"), Kind(Refused(() => ReviewRules.Release(s.State, null, Reviewer))));
        s.Append(ReviewRules.Claim(s.State, Reviewer));
        Assert.Equal((ViolationKind.Conflict, "held-by-other"), Kind(Refused(() => ReviewRules.Release(s.State, null, OtherReviewer))));
        Assert.Equal((ViolationKind.Forbidden, "not-section-reviewer"), Kind(Refused(() => ReviewRules.Release(s.State, null, WrongSection))));
        Assert.Equal((ViolationKind.Forbidden, "not-section-reviewer"), Kind(Refused(() => ReviewRules.Release(s.State, null, Preparer))));
        Assert.Equal((ViolationKind.Invalid, "reason-invalid"), Kind(Refused(() => ReviewRules.Release(s.State, new string('长', 5001), Reviewer))));
        s.Append(ReviewRules.Approve(s.State, Grade.良, "已核", "同意", "张经办", "章", Reviewer));
        Assert.Equal((ViolationKind.Conflict, "not-in-review"), Kind(Refused(() => ReviewRules.Release(s.State, null, Reviewer))));
    }

    [Fact]
    public void Publishing_names_every_missing_item_at_once()
    {
        var s = Submitted();
        s.Append(ReviewRules.Claim(s.State, Reviewer));
        s.Append(ReviewRules.Approve(s.State, Grade.良, "已核", "同意", "张经办", "章", Reviewer));

        var all = Refused(() => PublishRules.Publish(s.State, " ", "", false, false, Reviewer));
        Assert.Equal((ViolationKind.Invalid, "publication-incomplete"), Kind(all));
        Assert.Equal(["indexNumber", "publisher", "confidentialityReviewed", "principalSigned"], all.Fields.Select(f => f.Field));
        Assert.Equal(["请填写索引号", "请填写发布机构", "公开前须完成保密审查", "公开前须经主要负责人审签"], all.Fields.Select(f => f.Message));
        Assert.Contains("4 项", all.Message, StringComparison.Ordinal);

        var one = Refused(() => PublishRules.Publish(s.State, "001-2021-0001", "上饶市大数据发展管理局", true, false, Reviewer));
        Assert.Equal(("principal-signature", "公开前须经主要负责人审签"), (one.Code, one.Message));
        Assert.Equal(["principalSigned"], one.Fields.Select(f => f.Field));

        var tooLong = Refused(() => PublishRules.Publish(s.State, new string('1', 101), "上饶市大数据发展管理局", true, true, Reviewer));
        Assert.Equal(("index-too-long", "索引号不能超过 100 个字符（现为 101 个）"), (tooLong.Code, tooLong.Message));
        Assert.Equal(["indexNumber"], tooLong.Fields.Select(f => f.Field));

        var published = PublishRules.Publish(s.State, " 001-2021-0001 ", "上饶市大数据发展管理局", true, true, Reviewer);
        Assert.Equal("001-2021-0001", published.IndexNumber);
    }

    private static (ViolationKind, string) Kind(RuleViolation v) => (v.Kind, v.Code);
}
