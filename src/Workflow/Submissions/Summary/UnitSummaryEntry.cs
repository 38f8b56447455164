using Approval.Workflow.Submissions.Drafting;
using Approval.Workflow.Submissions.Publishing;
using Approval.Workflow.Submissions.Reviewing;
using Approval.Workflow.Submissions.Submitting;
using Approval.Workflow.Summary;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Approval.Workflow.Submissions.Summary;

/// <summary>
/// What one submission contributes to its unit's 汇总审核表: a project row (项目支出绩效自评表) or the unit's
/// declaration and the 业务股室's block (汇总审核表 submission). Other kinds keep an entry too and are left out
/// when the table is assembled (<see cref="UnitSummaryReview.Assemble"/>).
/// </summary>
public sealed class UnitSummaryEntry
{
    public Guid Id { get; set; }
    public string UnitId { get; set; } = "";
    public string UnitName { get; set; } = "";
    public int FiscalYear { get; set; }
    public SubmissionKind Kind { get; set; }
    public DateTimeOffset DraftedAt { get; set; }
    public SubmissionState State { get; set; }

    public string ProjectName { get; set; } = "";
    public decimal? InitialBudget { get; set; }
    public decimal? Adjustment { get; set; }
    public decimal? FullYearBudget { get; set; }
    public decimal? Executed { get; set; }
    public decimal? StatedScore { get; set; }
    public decimal? ComputedScore { get; set; }

    public decimal? UnitProjectExpenditure { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public ReviewerBlock? Review { get; set; }
}

public sealed partial class UnitSummaryEntryProjection : SingleStreamProjection<UnitSummaryEntry, Guid>
{
    public static UnitSummaryEntry Create(IEvent<SubmissionDrafted> e)
    {
        var entry = new UnitSummaryEntry
        {
            Id = e.StreamId, UnitId = e.Data.UnitId, UnitName = e.Data.UnitName, FiscalYear = e.Data.FiscalYear, Kind = e.Data.Kind,
            DraftedAt = e.Timestamp, State = SubmissionState.Draft,
        };
        Fill(entry, e.Data.Content);
        return entry;
    }

    public static void Apply(DraftRevised e, UnitSummaryEntry entry) => Fill(entry, e.Content);

    public static void Apply(SubmissionScored e, UnitSummaryEntry entry) => entry.ComputedScore = e.Score.Total;

    public static void Apply(CorrectionPublished e, UnitSummaryEntry entry)
    {
        Fill(entry, e.Content);
        entry.ComputedScore = e.Score.Total;
    }

    public static void Apply(IEvent<SubmittedForReview> e, UnitSummaryEntry entry)
    {
        entry.State = SubmissionState.Submitted;
        entry.SubmittedAt = e.Timestamp;
    }

    public static void Apply(SubmissionWithdrawn e, UnitSummaryEntry entry)
    {
        entry.State = SubmissionState.Draft;
        entry.SubmittedAt = null;
    }

    public static void Apply(ReviewClaimed e, UnitSummaryEntry entry) => entry.State = SubmissionState.InReview;

    public static void Apply(ReturnedForRevision e, UnitSummaryEntry entry) => entry.State = SubmissionState.Returned;

    public static void Apply(IEvent<SubmissionApproved> e, UnitSummaryEntry entry)
    {
        entry.State = SubmissionState.Approved;
        if (entry.Kind == SubmissionKind.SummaryReview)
            entry.Review = new ReviewerBlock(e.Data.Grade, e.Data.Signature, e.Timestamp, e.Data.StampReference);
    }

    public static void Apply(SubmissionPublished e, UnitSummaryEntry entry) => entry.State = SubmissionState.Published;

    private static void Fill(UnitSummaryEntry entry, SubmissionContent content)
    {
        if (entry.Kind == SubmissionKind.SummaryReview)
        {
            entry.UnitProjectExpenditure = content.Summary?.UnitProjectExpenditure;
            return;
        }
        if (content.ProjectForm is not { } form) return;
        entry.ProjectName = form.Header.ProjectName;
        entry.InitialBudget = form.Funds.Total.InitialBudget;
        entry.FullYearBudget = form.Funds.Total.FullYearBudget;
        entry.Adjustment = form.Funds.Total is { InitialBudget: { } a, FullYearBudget: { } b } && a != b ? b - a : null;
        entry.Executed = form.Funds.Total.Executed;
        entry.StatedScore = form.StatedTotal;
    }
}
