using Approval.Workflow.Submissions.Drafting;
using Approval.Workflow.Submissions.Publishing;
using Approval.Workflow.Submissions.Reviewing;
using Approval.Workflow.Submissions.Submitting;
using Approval.Workflow.Templates;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Approval.Workflow.Submissions;

/// <summary>
/// The current state of one submission, folded from its stream (Marten keeps it inline as a snapshot).
/// Times come from the events' timestamps, never from the clock.
/// </summary>
public sealed class Submission : IScopedReport
{
    public Guid Id { get; set; }
    public int Version { get; set; }
    public string UnitId { get; set; } = "";
    public string UnitName { get; set; } = "";
    public int FiscalYear { get; set; }
    public SubmissionKind Kind { get; set; }
    public string Title { get; set; } = "";
    public SubmissionState State { get; set; }
    public SubmissionContent Content { get; set; } = new();
    public int ContentVersion { get; set; }
    /// <summary>The latest score in brief; the findings and explanations are in the <see cref="ScoreSheet"/>.</summary>
    public ScoreSummary? Score { get; set; }
    public int Round { get; set; }
    public string? SectionId { get; set; }
    public string? SectionName { get; set; }
    public Actor? ClaimedBy { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public List<ReviewRound> Rounds { get; set; } = [];
    public ApprovalRecord? Approval { get; set; }
    public int PublicationVersion { get; set; }
    public PublicationRecord? Publication { get; set; }
    /// <summary>Why and by whom the unit discarded the report; null unless 已作废.</summary>
    public DiscardRecord? Discard { get; set; }
    public Actor CreatedBy { get; set; } = new("", "", Role.Preparer);
    /// <summary>The other unit the imported report named, confirmed by the preparer at drafting; shown to reviewers.</summary>
    public UnitMismatchConfirmed? UnitMismatch { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>The chain hash of the latest event: the link the next event continues (see Integrity.EventChain).</summary>
    public string? LastEventHash { get; set; }

    /// <summary>Every title the report has had, from the version that set it: what a notification about an older
    /// event says is the title as of that event, never one drafted later.</summary>
    public List<TitleSince> TitleHistory { get; set; } = [];

    public ReviewRound? CurrentRound => Rounds.LastOrDefault();

    /// <summary>The title as of <paramref name="version"/> (the current title for snapshots older than the history).</summary>
    public string TitleAt(long version) => TitleSince.At(TitleHistory, version) ?? Title;

    /// <summary>The submission after one more event: the event's own facts, then what every event does (state, version, time, chain link).</summary>
    public static Submission After(Submission? current, IEvent e)
    {
        var s = current ?? new Submission();
        switch (e.Data)
        {
            case SubmissionDrafted d:
                s.Id = d.SubmissionId;
                s.UnitId = d.UnitId;
                s.UnitName = d.UnitName;
                s.FiscalYear = d.FiscalYear;
                s.Kind = d.Kind;
                s.Title = d.Title;
                s.TitleHistory = [new TitleSince(e.Version, d.Title)];
                s.Content = d.Content;
                s.ContentVersion = 1;
                s.CreatedBy = d.By;
                s.UnitMismatch = d.UnitMismatch;
                s.CreatedAt = e.Timestamp;
                break;
            case DraftRevised r:
                if (r.Title != s.Title) s.TitleHistory.Add(new TitleSince(e.Version, r.Title));
                s.Title = r.Title;
                s.Content = r.Content;
                s.ContentVersion = r.ContentVersion;
                break;
            case SubmissionScored scored:
                s.Score = ScoreSummary.Of(scored.Score);
                break;
            case SubmittedForReview submitted:
                s.Round = submitted.Round;
                s.SectionId = submitted.SectionId;
                s.SectionName = submitted.SectionName;
                s.SubmittedAt = e.Timestamp;
                s.ClaimedBy = null;
                s.Rounds.Add(new ReviewRound { Number = submitted.Round, ContentVersion = submitted.ContentVersion, SubmittedAt = e.Timestamp, SubmittedBy = submitted.By });
                break;
            case DraftDiscarded discarded:
                s.ClaimedBy = null;
                s.Discard = new DiscardRecord(discarded.Reason, discarded.By, e.Timestamp);
                break;
            case SubmissionWithdrawn:
                s.CloseRound("已撤回", e.Timestamp);
                break;
            case ReviewClaimed claimed:
                s.ClaimedBy = claimed.By;
                if (s.CurrentRound is { } round) { round.ClaimedBy = claimed.By; round.ClaimedAt = e.Timestamp; }
                break;
            case ReviewReleased:
                s.ClaimedBy = null;
                if (s.CurrentRound is { } held) { held.ClaimedBy = null; held.ClaimedAt = null; }
                break;
            case ReviewCommented comment:
                s.CurrentRound?.Comments.Add(new ReviewComment(comment.Text, comment.RowReference, comment.By, e.Timestamp) { RowId = comment.RowId });
                break;
            case ReturnedForRevision returned:
                s.ClaimedBy = null;
                if (s.CurrentRound is { } open) { open.ReturnReason = returned.Reason; open.RowRemarks = returned.RowRemarks.ToList(); }
                s.CloseRound("退回修改", e.Timestamp);
                break;
            case SubmissionApproved a:
                s.Approval = new ApprovalRecord(a.Grade, a.SuggestedGrade, a.OverrideReason, a.Opinion, a.Signature, a.StampReference, a.By, e.Timestamp);
                s.CloseRound($"审核通过：{a.Grade}", e.Timestamp);
                break;
            case DisclosurePackageApproved p:
                s.Approval = new ApprovalRecord(null, null, null, p.Opinion, p.Signature, p.StampReference, p.By, e.Timestamp);
                s.CloseRound("审核通过", e.Timestamp);
                break;
            case SubmissionPublished p:
                s.PublicationVersion = p.PublicationVersion;
                s.Publication = new PublicationRecord(p.PublicationVersion, p.IndexNumber, p.Publisher, e.Timestamp, null, p.By);
                break;
            case CorrectionPublished c:
                s.Content = c.Content;
                s.ContentVersion = c.ContentVersion;
                s.Score = ScoreSummary.Of(c.Score);
                s.PublicationVersion = c.PublicationVersion;
                s.Publication = s.Publication! with { Version = c.PublicationVersion, PublishedAt = e.Timestamp, CorrectionReason = c.Reason, By = c.By };
                break;
        }
        if (e.Data is ISubmissionEvent fact) s.State = fact.StateAfter(s.State);
        s.Version = (int)e.Version;
        s.UpdatedAt = e.Timestamp;
        s.LastEventHash = e.GetHeader(Integrity.EventChain.HashHeader)?.ToString();
        return s;
    }

    private void CloseRound(string outcome, DateTimeOffset at)
    {
        if (CurrentRound is not { } round) return;
        round.Outcome = outcome;
        round.ClosedAt = at;
    }
}

/// <summary>Keeps the <see cref="Submission"/> snapshot inline with every append (what FetchForWriting starts from).</summary>
public sealed class SubmissionProjection : SingleStreamProjection<Submission, Guid>
{
    /// <summary>Only a report's own events: another aggregate's stream (a 抽查) never becomes a submission.</summary>
    public override Submission? Evolve(Submission? snapshot, Guid id, IEvent e) => e.Data is ISubmissionEvent ? Submission.After(snapshot, e) : snapshot;
}

public sealed class ReviewRound
{
    public int Number { get; set; }
    public int ContentVersion { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public Actor? SubmittedBy { get; set; }
    public Actor? ClaimedBy { get; set; }
    public DateTimeOffset? ClaimedAt { get; set; }
    public List<ReviewComment> Comments { get; set; } = [];
    public string? Outcome { get; set; }
    public string? ReturnReason { get; set; }
    public List<RowRemark> RowRemarks { get; set; } = [];
    public DateTimeOffset? ClosedAt { get; set; }
}

public sealed record DiscardRecord(string Reason, Actor By, DateTimeOffset At);

public sealed record ReviewComment(string Text, string? RowReference, Actor By, DateTimeOffset At)
{
    /// <summary>The 三级指标 row's id when the comment is on one (null for comments recorded before rows had ids).</summary>
    public string? RowId { get; init; }
}

/// <summary>The 业务股室's approval; <see cref="Grade"/> is null for a 部门决算公开 package, which is approved without one.</summary>
public sealed record ApprovalRecord(Grade? Grade, Grade? SuggestedGrade, string? OverrideReason, string Opinion, string Signature, string StampReference, Actor Reviewer, DateTimeOffset ReviewedAt);

public sealed record PublicationRecord(int Version, string IndexNumber, string Publisher, DateTimeOffset PublishedAt, string? CorrectionReason, Actor By);

public sealed record TitleSince(long Version, string Title)
{
    public static string? At(IReadOnlyList<TitleSince> history, long version) => history.LastOrDefault(t => t.Version <= version)?.Title;
}
