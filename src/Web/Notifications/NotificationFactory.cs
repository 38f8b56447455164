using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Drafting;
using Approval.Workflow.Submissions.Publishing;
using Approval.Workflow.Submissions.Reviewing;
using Approval.Workflow.Submissions.Submitting;
using JasperFx.Events;
using Marten;

namespace Approval.Web.Notifications;

/// <summary>What a notification says of its submission: read with a select projection, not the whole snapshot.</summary>
public sealed class NotificationSubject
{
    public Guid Id { get; set; }
    public string Title { get; set; } = "";
    public string UnitId { get; set; } = "";
    public string UnitName { get; set; } = "";
    public string? SectionId { get; set; }
    public SubmissionState State { get; set; }
    public List<TitleSince> TitleHistory { get; set; } = [];

    /// <summary>The title as the event at <paramref name="version"/> saw it.</summary>
    public string TitleAt(long version) => TitleSince.At(TitleHistory, version) ?? Title;

    public static async Task<Dictionary<Guid, NotificationSubject>> LoadAsync(IQuerySession session, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToArray();
        if (wanted.Length == 0) return [];
        var subjects = await session.Query<Submission>().Where(s => s.Id.IsOneOf(wanted))
            .Select(s => new NotificationSubject { Id = s.Id, Title = s.Title, UnitId = s.UnitId, UnitName = s.UnitName, SectionId = s.SectionId, State = s.State, TitleHistory = s.TitleHistory })
            .ToListAsync(ct);
        return subjects.ToDictionary(s => s.Id);
    }
}

public static class NotificationFactory
{
    public static ReviewNotification? From(IEvent e, NotificationSubject s)
    {
        var type = e.Data switch
        {
            SubmissionDrafted => "drafted",
            DraftRevised => "revised",
            SubmissionScored => "scored",
            SubmittedForReview => "submitted",
            SubmissionWithdrawn => "withdrawn",
            ReviewClaimed => "claimed",
            ReviewCommented => "commented",
            ReturnedForRevision => "returned",
            SubmissionApproved => "approved",
            SubmissionPublished => "published",
            CorrectionPublished => "corrected",
            _ => null,
        };
        if (type is null) return null;
        var title = s.TitleAt(e.Version);
        var section = e.Data is SubmittedForReview submitted ? submitted.SectionId : s.SectionId;
        var grade = e.Data is SubmissionApproved approved ? approved.Grade.ToString() : null;
        var summary = e.Data switch
        {
            ReturnedForRevision r => $"「{title}」已退回修改：{r.Reason}",
            SubmissionApproved a => $"「{title}」审核通过：{a.Grade}",
            SubmittedForReview => $"{s.UnitName} 提交了「{title}」",
            SubmissionWithdrawn => $"{s.UnitName} 撤回了「{title}」",
            ReviewClaimed c => $"{c.By.Name} 领取了「{title}」",
            SubmissionPublished => $"「{title}」已公开",
            _ => EventDescriptions.Describe(e.Data),
        };
        if (summary.Length > 140) summary = summary[..140] + "…";
        return new ReviewNotification(type, s.Id, e.Version, e.Sequence, s.UnitId, s.UnitName, section, StateAfter(e.Data, s).ToString(), title, summary, grade, e.Timestamp);
    }

    /// <summary>
    /// Who hears of an event: the unit always; the section and the submission's watchers only from submission on
    /// (drafts stay private to the unit); auditors and admins everything.
    /// </summary>
    public static IEnumerable<string> Audience(ReviewNotification n, object data)
    {
        yield return ReviewHub.UnitGroup(n.UnitId);
        yield return ReviewHub.Everything;
        if (data is SubmissionDrafted or DraftRevised or SubmissionScored || n.SectionId is null) yield break;
        yield return ReviewHub.SectionGroup(n.SectionId);
        yield return ReviewHub.SubmissionGroup(n.SubmissionId);
    }

    private static SubmissionState StateAfter(object data, NotificationSubject s) => data switch
    {
        SubmittedForReview => SubmissionState.Submitted,
        SubmissionWithdrawn => SubmissionState.Draft,
        ReviewClaimed => SubmissionState.InReview,
        ReturnedForRevision => SubmissionState.Returned,
        SubmissionApproved => SubmissionState.Approved,
        SubmissionPublished or CorrectionPublished => SubmissionState.Published,
        ReviewCommented => s.State,
        _ => SubmissionState.Draft,
    };
}
