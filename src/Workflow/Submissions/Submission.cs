using Approval.Workflow.Submissions.Drafting;
using Approval.Workflow.Submissions.Publishing;
using Approval.Workflow.Submissions.Reviewing;
using Approval.Workflow.Submissions.Submitting;
using Approval.Workflow.Templates;
using JasperFx.Events;

namespace Approval.Workflow.Submissions;

/// <summary>
/// The current state of one submission, folded from its stream (Marten keeps it inline as a snapshot).
/// Times come from the events' timestamps, never from the clock.
/// </summary>
public sealed class Submission
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
    public Actor CreatedBy { get; set; } = new("", "", Role.Preparer);
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

    public static Submission Create(IEvent<SubmissionDrafted> e) => new()
    {
        Id = e.Data.SubmissionId,
        Version = (int)e.Version,
        UnitId = e.Data.UnitId,
        UnitName = e.Data.UnitName,
        FiscalYear = e.Data.FiscalYear,
        Kind = e.Data.Kind,
        Title = e.Data.Title,
        TitleHistory = [new TitleSince(e.Version, e.Data.Title)],
        State = SubmissionState.Draft,
        Content = e.Data.Content,
        ContentVersion = 1,
        CreatedBy = e.Data.By,
        CreatedAt = e.Timestamp,
        UpdatedAt = e.Timestamp,
        LastEventHash = e.GetHeader(Integrity.EventChain.HashHeader)?.ToString(),
    };

    public void Apply(IEvent<DraftRevised> e)
    {
        if (e.Data.Title != Title) TitleHistory.Add(new TitleSince(e.Version, e.Data.Title));
        Title = e.Data.Title;
        Content = e.Data.Content;
        ContentVersion = e.Data.ContentVersion;
        Touch(e);
    }

    public void Apply(IEvent<SubmissionScored> e)
    {
        Score = ScoreSummary.Of(e.Data.Score);
        Touch(e);
    }

    public void Apply(IEvent<SubmittedForReview> e)
    {
        State = SubmissionState.Submitted;
        Round = e.Data.Round;
        SectionId = e.Data.SectionId;
        SectionName = e.Data.SectionName;
        SubmittedAt = e.Timestamp;
        ClaimedBy = null;
        Rounds.Add(new ReviewRound { Number = e.Data.Round, ContentVersion = e.Data.ContentVersion, SubmittedAt = e.Timestamp, SubmittedBy = e.Data.By });
        Touch(e);
    }

    public void Apply(IEvent<SubmissionWithdrawn> e)
    {
        State = SubmissionState.Draft;
        if (CurrentRound is { } round) { round.Outcome = "已撤回"; round.ClosedAt = e.Timestamp; }
        Touch(e);
    }

    public void Apply(IEvent<ReviewClaimed> e)
    {
        State = SubmissionState.InReview;
        ClaimedBy = e.Data.By;
        if (CurrentRound is { } round) { round.ClaimedBy = e.Data.By; round.ClaimedAt = e.Timestamp; }
        Touch(e);
    }

    public void Apply(IEvent<ReviewCommented> e)
    {
        CurrentRound?.Comments.Add(new ReviewComment(e.Data.Text, e.Data.RowReference, e.Data.By, e.Timestamp));
        Touch(e);
    }

    public void Apply(IEvent<ReturnedForRevision> e)
    {
        State = SubmissionState.Returned;
        ClaimedBy = null;
        if (CurrentRound is { } round)
        {
            round.Outcome = "退回修改";
            round.ReturnReason = e.Data.Reason;
            round.RowRemarks = e.Data.RowRemarks.ToList();
            round.ClosedAt = e.Timestamp;
        }
        Touch(e);
    }

    public void Apply(IEvent<SubmissionApproved> e)
    {
        State = SubmissionState.Approved;
        Approval = new ApprovalRecord(e.Data.Grade, e.Data.SuggestedGrade, e.Data.OverrideReason, e.Data.Opinion, e.Data.Signature, e.Data.StampReference, e.Data.By, e.Timestamp);
        if (CurrentRound is { } round) { round.Outcome = $"审核通过：{e.Data.Grade}"; round.ClosedAt = e.Timestamp; }
        Touch(e);
    }

    public void Apply(IEvent<SubmissionPublished> e)
    {
        State = SubmissionState.Published;
        PublicationVersion = e.Data.PublicationVersion;
        Publication = new PublicationRecord(e.Data.PublicationVersion, e.Data.IndexNumber, e.Data.Publisher, e.Timestamp, null, e.Data.By);
        Touch(e);
    }

    public void Apply(IEvent<CorrectionPublished> e)
    {
        Content = e.Data.Content;
        ContentVersion = e.Data.ContentVersion;
        Score = ScoreSummary.Of(e.Data.Score);
        PublicationVersion = e.Data.PublicationVersion;
        Publication = Publication! with { Version = e.Data.PublicationVersion, PublishedAt = e.Timestamp, CorrectionReason = e.Data.Reason, By = e.Data.By };
        Touch(e);
    }

    private void Touch(IEvent e)
    {
        Version = (int)e.Version;
        UpdatedAt = e.Timestamp;
        LastEventHash = e.GetHeader(Integrity.EventChain.HashHeader)?.ToString();
    }
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

public sealed record ReviewComment(string Text, string? RowReference, Actor By, DateTimeOffset At);

public sealed record ApprovalRecord(Grade Grade, Grade? SuggestedGrade, string? OverrideReason, string Opinion, string Signature, string StampReference, Actor Reviewer, DateTimeOffset ReviewedAt);

public sealed record PublicationRecord(int Version, string IndexNumber, string Publisher, DateTimeOffset PublishedAt, string? CorrectionReason, Actor By);

public sealed record TitleSince(long Version, string Title)
{
    public static string? At(IReadOnlyList<TitleSince> history, long version) => history.LastOrDefault(t => t.Version <= version)?.Title;
}
