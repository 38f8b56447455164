using Approval.Workflow.Checking;
using Approval.Workflow.Submissions.Drafting;
using Approval.Workflow.Submissions.Publishing;
using Approval.Workflow.Submissions.Reviewing;
using Approval.Workflow.Submissions.Submitting;
using Approval.Workflow.Summary;
using JasperFx.Events;
using JasperFx.Events.Grouping;
using Marten;
using Marten.Events.Projections;

namespace Approval.Workflow.Submissions.Summary;

/// <summary>
/// The unit's 汇总审核表 for one fiscal year, produced from events alone: one row per 项目支出绩效自评表
/// submission (budgets, execution, self-evaluation score), the unit's declaration (项目支出总额, 提交时间) and,
/// once the 汇总 submission is approved, the 业务股室's block (审核意见, 经办人签名, 审核时间, 盖章).
/// </summary>
public sealed class UnitSummaryReview
{
    public string Id { get; set; } = "";
    public string UnitId { get; set; } = "";
    public string UnitName { get; set; } = "";
    public int FiscalYear { get; set; }
    public Dictionary<Guid, UnitSummaryRow> Projects { get; set; } = [];
    public Guid? SummarySubmissionId { get; set; }
    public decimal? UnitProjectExpenditure { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public ReviewerBlock? Review { get; set; }

    public static string KeyOf(string unitId, int year) => $"{unitId}/{year}";

    /// <summary>The 汇总审核表 in the engine's terms, rows in the order the projects were drafted.</summary>
    public SummaryReviewTable ToTable() => new()
    {
        Unit = UnitName,
        Year = FiscalYear,
        Rows = Projects.Values.OrderBy(r => r.DraftedAt).Select((r, i) =>
            new SummaryRow(i + 1, UnitName, r.ProjectName, r.InitialBudget, r.Adjustment, r.FullYearBudget, r.Executed, r.StatedScore ?? r.ComputedScore)).ToList(),
        UnitProjectExpenditure = UnitProjectExpenditure,
        SubmittedAt = SubmittedAt,
        Review = Review,
    };

    public SummaryFigures Figures => SummaryReviewChecker.Compute(ToTable());
}

public sealed class UnitSummaryRow
{
    public Guid SubmissionId { get; set; }
    public string ProjectName { get; set; } = "";
    public decimal? InitialBudget { get; set; }
    public decimal? Adjustment { get; set; }
    public decimal? FullYearBudget { get; set; }
    public decimal? Executed { get; set; }
    public decimal? StatedScore { get; set; }
    public decimal? ComputedScore { get; set; }
    public SubmissionState State { get; set; }
    public DateTimeOffset DraftedAt { get; set; }
}

public sealed partial class UnitSummaryReviewProjection : MultiStreamProjection<UnitSummaryReview, string>
{
    public UnitSummaryReviewProjection()
    {
        // Events name only their submission; the unit and year were fixed when it was drafted. The grouping
        // reads them from the drafting event of each stream, so a rebuild groups exactly as the live run did.
        CustomGrouping(async (IQuerySession session, IReadOnlyList<IEvent> events, IEventGrouping<string> grouping) =>
        {
            var drafted = events.Where(e => e.Data is SubmissionDrafted).ToDictionary(e => e.StreamId, e => (SubmissionDrafted)e.Data);
            var missing = events.Select(e => e.StreamId).Distinct().Where(id => !drafted.ContainsKey(id)).ToArray();
            if (missing.Length > 0)
            {
                var known = await session.Events.QueryRawEventDataOnly<SubmissionDrafted>().Where(d => missing.Contains(d.SubmissionId)).ToListAsync();
                foreach (var d in known) drafted[d.SubmissionId] = d;
            }
            foreach (var e in events)
            {
                if (!drafted.TryGetValue(e.StreamId, out var d)) continue;
                if (d.Kind is not (SubmissionKind.ProjectSelfEvaluation or SubmissionKind.SummaryReview)) continue;
                grouping.AddEvent(UnitSummaryReview.KeyOf(d.UnitId, d.FiscalYear), e);
            }
        });
    }

    public void Apply(IEvent<SubmissionDrafted> e, UnitSummaryReview doc)
    {
        // The first drafting event of a unit and year makes the document (Marten starts it empty).
        doc.Id = UnitSummaryReview.KeyOf(e.Data.UnitId, e.Data.FiscalYear);
        doc.UnitId = e.Data.UnitId;
        doc.UnitName = e.Data.UnitName;
        doc.FiscalYear = e.Data.FiscalYear;
        if (e.Data.Kind == SubmissionKind.SummaryReview)
        {
            doc.SummarySubmissionId = e.StreamId;
            doc.UnitProjectExpenditure = e.Data.Content.Summary?.UnitProjectExpenditure;
            return;
        }
        var row = new UnitSummaryRow { SubmissionId = e.StreamId, DraftedAt = e.Timestamp, State = SubmissionState.Draft };
        Fill(row, e.Data.Content);
        doc.Projects[e.StreamId] = row;
    }

    public void Apply(IEvent<DraftRevised> e, UnitSummaryReview doc) => Content(doc, e.StreamId, e.Data.Content);

    public void Apply(IEvent<CorrectionPublished> e, UnitSummaryReview doc)
    {
        Content(doc, e.StreamId, e.Data.Content);
        if (doc.Projects.TryGetValue(e.StreamId, out var row)) row.ComputedScore = e.Data.Score.Total;
    }

    public void Apply(IEvent<SubmissionScored> e, UnitSummaryReview doc)
    {
        if (doc.Projects.TryGetValue(e.StreamId, out var row)) row.ComputedScore = e.Data.Score.Total;
    }

    public void Apply(IEvent<SubmittedForReview> e, UnitSummaryReview doc)
    {
        if (e.StreamId == doc.SummarySubmissionId) doc.SubmittedAt = e.Timestamp;
        else State(doc, e.StreamId, SubmissionState.Submitted);
    }

    public void Apply(IEvent<SubmissionWithdrawn> e, UnitSummaryReview doc)
    {
        if (e.StreamId == doc.SummarySubmissionId) doc.SubmittedAt = null;
        else State(doc, e.StreamId, SubmissionState.Draft);
    }

    public void Apply(IEvent<ReturnedForRevision> e, UnitSummaryReview doc) => State(doc, e.StreamId, SubmissionState.Returned);

    public void Apply(IEvent<SubmissionApproved> e, UnitSummaryReview doc)
    {
        if (e.StreamId == doc.SummarySubmissionId)
            doc.Review = new ReviewerBlock(e.Data.Grade, e.Data.Signature, e.Timestamp, e.Data.StampReference);
        else State(doc, e.StreamId, SubmissionState.Approved);
    }

    public void Apply(IEvent<SubmissionPublished> e, UnitSummaryReview doc) => State(doc, e.StreamId, SubmissionState.Published);

    private static void Content(UnitSummaryReview doc, Guid streamId, SubmissionContent content)
    {
        if (streamId == doc.SummarySubmissionId) doc.UnitProjectExpenditure = content.Summary?.UnitProjectExpenditure;
        else if (doc.Projects.TryGetValue(streamId, out var row)) Fill(row, content);
    }

    private static void State(UnitSummaryReview doc, Guid streamId, SubmissionState state)
    {
        if (doc.Projects.TryGetValue(streamId, out var row)) row.State = state;
    }

    private static void Fill(UnitSummaryRow row, SubmissionContent content)
    {
        if (content.ProjectForm is not { } form) return;
        row.ProjectName = form.Header.ProjectName;
        row.InitialBudget = form.Funds.Total.InitialBudget;
        row.FullYearBudget = form.Funds.Total.FullYearBudget;
        row.Adjustment = form.Funds.Total is { InitialBudget: { } a, FullYearBudget: { } b } && a != b ? b - a : null;
        row.Executed = form.Funds.Total.Executed;
        row.StatedScore = form.StatedTotal;
    }
}
