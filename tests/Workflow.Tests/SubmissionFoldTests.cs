using Approval.Workflow.Integrity;
using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Drafting;
using Approval.Workflow.Submissions.Reviewing;
using Approval.Workflow.Submissions.Submitting;
using JasperFx.Events;

namespace Approval.Workflow.Tests;

/// <summary>The <see cref="Submission"/> record's <c>Create</c>/<c>Apply</c> methods: every event has one, and none changes the snapshot it was given.</summary>
public class SubmissionFoldTests
{
    private static readonly Actor Preparer = new("clerk", "王填报", Role.Preparer, "U-001");
    private static readonly Actor Reviewer = new("officer", "张经办", Role.Reviewer, null, ["S-1"]);
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.FromHours(8));

    private static IEvent Wrap(object data, long version, string? hash = null)
    {
        var e = EventStream.Wrap(data, version, Start.AddHours(version));
        if (hash is not null) e.SetHeader(EventChain.HashHeader, hash);
        return e;
    }

    private static Submission Claimed()
    {
        var content = new SubmissionContent { ProjectForm = Seeds.Import(Seeds.ShangraoBigData2021).Forms[1] };
        var s = Submission.After(null, Wrap(DraftRules.Draft(Guid.NewGuid(), "U-001", "上饶市大数据发展管理局", 2021, SubmissionKind.ProjectSelfEvaluation, "赣服通 自评", content, Preparer), 1));
        s = Submission.After(s, Wrap(DraftRules.Score(s, Preparer), 2));
        s = Submission.After(s, Wrap(SubmitRules.Submit(s, "S-1", "经济建设股", Preparer), 3));
        return Submission.After(s, Wrap(ReviewRules.Claim(s, Reviewer), 4));
    }

    [Fact]
    public void Every_submission_event_has_its_Create_or_Apply()
    {
        // Marten runs the projection only for the event types these methods take: an event without one would leave the
        // snapshot's version behind the stream, and every command on it would then be refused as a conflict.
        var missing = SubmissionEvents.All.Where(t =>
        {
            var wrapped = typeof(IEvent<>).MakeGenericType(t);
            return typeof(Submission).GetMethod(nameof(Submission.Create), [wrapped]) is null && typeof(Submission).GetMethod("Apply", [wrapped]) is null;
        }).Select(t => t.Name);
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_event_moves_the_version_the_time_and_the_chain_link_and_states_where_the_report_stands()
    {
        var claimed = Claimed();
        Assert.Equal((SubmissionState.InReview, 4, Start.AddHours(4)), (claimed.State, claimed.Version, claimed.UpdatedAt));

        // a comment leaves the state where the claim put it, and still moves the rest
        var commented = Submission.After(claimed, Wrap(ReviewRules.Comment(claimed, "请补充佐证", null, Reviewer), 5, hash: "h5"));
        Assert.Equal((SubmissionState.InReview, 5, Start.AddHours(5), "h5"), (commented.State, commented.Version, commented.UpdatedAt, commented.LastEventHash));
    }

    [Fact]
    public void Applying_an_event_leaves_the_snapshot_it_was_given_as_it_was()
    {
        var claimed = Claimed();
        var commented = Submission.After(claimed, Wrap(ReviewRules.Comment(claimed, "请补充佐证", null, Reviewer), 5));
        Assert.Empty(claimed.CurrentRound!.Comments);
        Assert.Equal("请补充佐证", Assert.Single(commented.CurrentRound!.Comments).Text);

        var returned = Submission.After(commented, Wrap(ReviewRules.Return(commented, "请重报", [new RowRemark("企业满意度", "应为 4.84")], Reviewer), 6));
        Assert.Equal((SubmissionState.Returned, "退回修改", null), (returned.State, returned.CurrentRound!.Outcome, returned.ClaimedBy));
        Assert.Equal((SubmissionState.InReview, null, null), (commented.State, commented.CurrentRound!.Outcome, commented.CurrentRound.ReturnReason));
        Assert.Empty(commented.CurrentRound.RowRemarks);
        Assert.Equal(Reviewer.UserId, commented.ClaimedBy?.UserId);

        var retitled = Submission.After(returned, Wrap(DraftRules.Revise(returned, "赣服通 自评（修改）", returned.Content, Preparer), 7));
        Assert.Equal(["赣服通 自评", "赣服通 自评（修改）"], retitled.TitleHistory.Select(t => t.Title));
        Assert.Equal("赣服通 自评", Assert.Single(returned.TitleHistory).Title);
        Assert.Equal(("赣服通 自评", "赣服通 自评（修改）"), (retitled.TitleAt(6), retitled.TitleAt(7)));
    }
}
