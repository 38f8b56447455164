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
    public int? UnitProjectCount { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public ReviewerBlock? Review { get; set; }
}

public static class UnitSummaryEntries
{
    /// <summary>The entry a submission's current state makes — what the projection holds once caught up, read from the
    /// inline snapshot when a command must not act on a lagging read model.</summary>
    public static UnitSummaryEntry Of(Submission s)
    {
        var entry = new UnitSummaryEntry
        {
            Id = s.Id, UnitId = s.UnitId, UnitName = s.UnitName, FiscalYear = s.FiscalYear, Kind = s.Kind, DraftedAt = s.CreatedAt, State = s.State,
            ComputedScore = s.Score?.Total, SubmittedAt = s.State.IsSectionBusiness() ? s.SubmittedAt : null,
        };
        UnitSummaryEntryProjection.Fill(entry, s.Content);
        return entry;
    }
}

public sealed class UnitSummaryEntryProjection : SingleStreamProjection<UnitSummaryEntry, Guid>
{
    public override UnitSummaryEntry? Evolve(UnitSummaryEntry? snapshot, Guid id, IEvent e)
    {
        if (e.Data is not ISubmissionEvent fact) return snapshot;
        var entry = snapshot ?? new UnitSummaryEntry { Id = id };
        switch (e.Data)
        {
            case SubmissionDrafted d:
                (entry.UnitId, entry.UnitName, entry.FiscalYear, entry.Kind, entry.DraftedAt) = (d.UnitId, d.UnitName, d.FiscalYear, d.Kind, e.Timestamp);
                Fill(entry, d.Content);
                break;
            case DraftRevised r:
                Fill(entry, r.Content);
                break;
            case SubmissionScored scored:
                entry.ComputedScore = scored.Score.Total;
                break;
            case CorrectionPublished c:
                Fill(entry, c.Content);
                entry.ComputedScore = c.Score.Total;
                break;
            case SubmittedForReview:
                entry.SubmittedAt = e.Timestamp;
                break;
            case SubmissionWithdrawn:
                entry.SubmittedAt = null;
                break;
            case SubmissionApproved a when entry.Kind == SubmissionKind.SummaryReview:
                entry.Review = new ReviewerBlock(a.Grade, a.Signature, e.Timestamp, a.StampReference);
                break;
        }
        entry.State = fact.StateAfter(entry.State);
        return entry;
    }

    internal static void Fill(UnitSummaryEntry entry, SubmissionContent content)
    {
        if (entry.Kind == SubmissionKind.SummaryReview)
        {
            entry.UnitProjectExpenditure = content.Summary?.UnitProjectExpenditure;
            entry.UnitProjectCount = content.Summary?.UnitProjectCount;
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
