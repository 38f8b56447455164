using System.Collections.Concurrent;
using System.Reflection;
using Approval.Workflow.Submissions.Drafting;
using Approval.Workflow.Submissions.Publishing;
using Approval.Workflow.Submissions.Reviewing;
using Approval.Workflow.Submissions.Submitting;
using Approval.Workflow.Templates;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Approval.Workflow.Submissions;

/// <summary>
/// The current state of one submission, folded from its stream (Marten keeps it inline as a snapshot): one <c>Create</c> or
/// <c>Apply</c> per event states that event's facts, and <see cref="Moved"/> what every event does. Each returns a new record;
/// no list or round it was given is changed (copy on write). Times come from the events' timestamps, never from the clock.
/// </summary>
public sealed record Submission
{
    public Guid Id { get; init; }
    public int Version { get; init; }
    public string UnitId { get; init; } = "";
    public string UnitName { get; init; } = "";
    public int FiscalYear { get; init; }
    public SubmissionKind Kind { get; init; }
    public string Title { get; init; } = "";
    public SubmissionState State { get; init; }
    public SubmissionContent Content { get; init; } = new();
    public int ContentVersion { get; init; }
    /// <summary>The latest score in brief; the findings and explanations are in the <see cref="ScoreSheet"/>.</summary>
    public ScoreSummary? Score { get; init; }
    public int Round { get; init; }
    public string? SectionId { get; init; }
    public string? SectionName { get; init; }
    public Actor? ClaimedBy { get; init; }
    public DateTimeOffset? SubmittedAt { get; init; }
    public List<ReviewRound> Rounds { get; init; } = [];
    public ApprovalRecord? Approval { get; init; }
    public int PublicationVersion { get; init; }
    public PublicationRecord? Publication { get; init; }
    /// <summary>Why and by whom the unit discarded the report; null unless 已作废.</summary>
    public DiscardRecord? Discard { get; init; }
    public Actor CreatedBy { get; init; } = new("", "", Role.Preparer);
    /// <summary>The other unit the imported report named, confirmed by the preparer at drafting; shown to reviewers.</summary>
    public UnitMismatchConfirmed? UnitMismatch { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    /// <summary>The chain hash of the latest event: the link the next event continues (see Integrity.EventChain).</summary>
    public string? LastEventHash { get; init; }

    /// <summary>Every title the report has had, from the version that set it: what a notification about an older
    /// event says is the title as of that event, never one drafted later.</summary>
    public List<TitleSince> TitleHistory { get; init; } = [];

    public ReviewRound? CurrentRound => Rounds.LastOrDefault();

    /// <summary>The title as of <paramref name="version"/> (the current title for snapshots older than the history).</summary>
    public string TitleAt(long version) => TitleSince.At(TitleHistory, version) ?? Title;

    public static Submission Create(IEvent<SubmissionDrafted> e) => new Submission
    {
        Id = e.Data.SubmissionId,
        UnitId = e.Data.UnitId,
        UnitName = e.Data.UnitName,
        FiscalYear = e.Data.FiscalYear,
        Kind = e.Data.Kind,
        Title = e.Data.Title,
        TitleHistory = [new TitleSince(e.Version, e.Data.Title)],
        Content = e.Data.Content,
        ContentVersion = 1,
        CreatedBy = e.Data.By,
        UnitMismatch = e.Data.UnitMismatch,
        CreatedAt = e.Timestamp,
    }.Moved(e);

    public Submission Apply(IEvent<DraftRevised> e) => (this with
    {
        TitleHistory = e.Data.Title == Title ? TitleHistory : [.. TitleHistory, new TitleSince(e.Version, e.Data.Title)],
        Title = e.Data.Title,
        Content = e.Data.Content,
        ContentVersion = e.Data.ContentVersion,
    }).Moved(e);

    public Submission Apply(IEvent<SubmissionScored> e) => (this with { Score = ScoreSummary.Of(e.Data.Score) }).Moved(e);

    public Submission Apply(IEvent<SubmittedForReview> e) => (this with
    {
        Round = e.Data.Round,
        SectionId = e.Data.SectionId,
        SectionName = e.Data.SectionName,
        SubmittedAt = e.Timestamp,
        ClaimedBy = null,
        Rounds = [.. Rounds, new ReviewRound { Number = e.Data.Round, ContentVersion = e.Data.ContentVersion, SubmittedAt = e.Timestamp, SubmittedBy = e.Data.By }],
    }).Moved(e);

    public Submission Apply(IEvent<DraftDiscarded> e) =>
        (this with { ClaimedBy = null, Discard = new DiscardRecord(e.Data.Reason, e.Data.By, e.Timestamp) }).Moved(e);

    public Submission Apply(IEvent<SubmissionWithdrawn> e) => RoundClosed("已撤回", e.Timestamp).Moved(e);

    public Submission Apply(IEvent<ReviewClaimed> e) =>
        (WithCurrentRound(r => r with { ClaimedBy = e.Data.By, ClaimedAt = e.Timestamp }) with { ClaimedBy = e.Data.By }).Moved(e);

    public Submission Apply(IEvent<ReviewReleased> e) =>
        (WithCurrentRound(r => r with { ClaimedBy = null, ClaimedAt = null }) with { ClaimedBy = null }).Moved(e);

    public Submission Apply(IEvent<ReviewCommented> e) => WithCurrentRound(r => r with
    {
        Comments = [.. r.Comments, new ReviewComment(e.Data.Text, e.Data.RowReference, e.Data.By, e.Timestamp) { RowId = e.Data.RowId }],
    }).Moved(e);

    public Submission Apply(IEvent<ReturnedForRevision> e) =>
        (WithCurrentRound(r => r with { ReturnReason = e.Data.Reason, RowRemarks = [.. e.Data.RowRemarks] }) with { ClaimedBy = null })
        .RoundClosed("退回修改", e.Timestamp).Moved(e);

    public Submission Apply(IEvent<SubmissionApproved> e)
    {
        var a = e.Data;
        return (this with { Approval = new ApprovalRecord(a.Grade, a.SuggestedGrade, a.OverrideReason, a.Opinion, a.Signature, a.StampReference, a.By, e.Timestamp) })
            .RoundClosed($"审核通过：{a.Grade}", e.Timestamp).Moved(e);
    }

    public Submission Apply(IEvent<DisclosurePackageApproved> e)
    {
        var p = e.Data;
        return (this with { Approval = new ApprovalRecord(null, null, null, p.Opinion, p.Signature, p.StampReference, p.By, e.Timestamp) })
            .RoundClosed("审核通过", e.Timestamp).Moved(e);
    }

    public Submission Apply(IEvent<SubmissionPublished> e) => (this with
    {
        PublicationVersion = e.Data.PublicationVersion,
        Publication = new PublicationRecord(e.Data.PublicationVersion, e.Data.IndexNumber, e.Data.Publisher, e.Timestamp, null, e.Data.By),
    }).Moved(e);

    public Submission Apply(IEvent<CorrectionPublished> e) => (this with
    {
        Content = e.Data.Content,
        ContentVersion = e.Data.ContentVersion,
        Score = ScoreSummary.Of(e.Data.Score),
        PublicationVersion = e.Data.PublicationVersion,
        Publication = Publication! with { Version = e.Data.PublicationVersion, PublishedAt = e.Timestamp, CorrectionReason = e.Data.Reason, By = e.Data.By },
    }).Moved(e);

    /// <summary>
    /// What every event does, after its own facts: where the submission stands (<see cref="ISubmissionEvent.StateAfter"/>), the
    /// stream version, the time and the chain link. Per event, not in Marten's <c>ApplyMetadata</c>: that runs once for the last
    /// event of a batch, and the state after an event that does not move it is the state the one before left.
    /// </summary>
    private Submission Moved<T>(IEvent<T> e) where T : ISubmissionEvent => this with
    {
        State = e.Data.StateAfter(State),
        Version = (int)e.Version,
        UpdatedAt = e.Timestamp,
        LastEventHash = e.GetHeader(Integrity.EventChain.HashHeader)?.ToString(),
    };

    /// <summary>The submission with its current review round changed; unchanged when no round has begun.</summary>
    private Submission WithCurrentRound(Func<ReviewRound, ReviewRound> change) =>
        Rounds.Count == 0 ? this : this with { Rounds = [.. Rounds.Take(Rounds.Count - 1), change(Rounds[^1])] };

    private Submission RoundClosed(string outcome, DateTimeOffset at) => WithCurrentRound(r => r with { Outcome = outcome, ClosedAt = at });

    /// <summary>
    /// The submission after one more event, by the same <c>Create</c>/<c>Apply</c> methods Marten runs (for a fold without a
    /// store: the unit tests, the benchmark's preloaded snapshots). An event no method takes leaves it as it was.
    /// </summary>
    public static Submission After(Submission? current, IEvent e)
    {
        var (create, apply) = Steps.GetOrAdd(e.EventType, StepsFor);
        if (current is null && create is not null) return (Submission)create.Invoke(null, [e])!;
        if (apply is not null) return (Submission)apply.Invoke(current ?? new Submission(), [e])!;
        return current ?? new Submission();
    }

    private static readonly ConcurrentDictionary<Type, (MethodInfo? Create, MethodInfo? Apply)> Steps = new();

    private static (MethodInfo?, MethodInfo?) StepsFor(Type eventType)
    {
        var wrapped = typeof(IEvent<>).MakeGenericType(eventType);
        return (typeof(Submission).GetMethod(nameof(Create), BindingFlags.Public | BindingFlags.Static, [wrapped]),
            typeof(Submission).GetMethod(nameof(Apply), BindingFlags.Public | BindingFlags.Instance, [wrapped]));
    }
}

/// <summary>
/// Keeps the <see cref="Submission"/> snapshot inline with every append (what FetchForWriting starts from), by the
/// <c>Create</c>/<c>Apply</c> methods on the record. Marten runs it only for the event types those methods take — a report's
/// own events — so another aggregate's stream (a 抽查, a 委托) never becomes a submission.
/// </summary>
public sealed class SubmissionProjection : SingleStreamProjection<Submission, Guid>;

public sealed record ReviewRound
{
    public int Number { get; init; }
    public int ContentVersion { get; init; }
    public DateTimeOffset SubmittedAt { get; init; }
    public Actor? SubmittedBy { get; init; }
    public Actor? ClaimedBy { get; init; }
    public DateTimeOffset? ClaimedAt { get; init; }
    public List<ReviewComment> Comments { get; init; } = [];
    public string? Outcome { get; init; }
    public string? ReturnReason { get; init; }
    public List<RowRemark> RowRemarks { get; init; } = [];
    public DateTimeOffset? ClosedAt { get; init; }
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
