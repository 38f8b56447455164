using Approval.Workflow.Summary;
using Marten;

namespace Approval.Workflow.Submissions.Summary;

/// <summary>
/// The unit's 汇总审核表 for one fiscal year, produced from events alone: one row per 项目支出绩效自评表
/// submission (budgets, execution, self-evaluation score), the unit's declaration (项目支出总额, 提交时间) and,
/// once the 汇总 submission is approved, the 业务股室's block (审核意见, 经办人签名, 审核时间, 盖章).
/// Assembled at read time from the <see cref="UnitSummaryEntry"/> documents of that unit and year, so that an
/// event rewrites one small entry instead of the whole table.
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
    /// <summary>部门项目总个数 as the unit declared it.</summary>
    public int? UnitProjectCount { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public ReviewerBlock? Review { get; set; }

    public static string KeyOf(string unitId, int year) => $"{unitId}/{year}";

    /// <summary>The unit's table for the year, or null when the unit has neither a project nor a 汇总 submission that year.</summary>
    public static async Task<UnitSummaryReview?> LoadAsync(IQuerySession session, string unitId, int year, CancellationToken ct)
    {
        var entries = await session.Query<UnitSummaryEntry>().Where(e => e.UnitId == unitId && e.FiscalYear == year).ToListAsync(ct);
        return Assemble(entries);
    }

    public static UnitSummaryReview? Assemble(IEnumerable<UnitSummaryEntry> entries)
    {
        // a discarded report is no part of the table, for anyone
        var relevant = entries.Where(e => e.Kind is SubmissionKind.ProjectSelfEvaluation or SubmissionKind.SummaryReview && e.State != SubmissionState.Discarded).OrderBy(e => e.DraftedAt).ToList();
        if (relevant.Count == 0) return null;
        var first = relevant[0];
        var review = new UnitSummaryReview { Id = KeyOf(first.UnitId, first.FiscalYear), UnitId = first.UnitId, UnitName = first.UnitName, FiscalYear = first.FiscalYear };
        foreach (var project in OnePerProject(relevant.Where(e => e.Kind == SubmissionKind.ProjectSelfEvaluation)))
            review.Projects[project.Id] = new UnitSummaryRow
            {
                SubmissionId = project.Id, ProjectName = project.ProjectName, InitialBudget = project.InitialBudget, Adjustment = project.Adjustment,
                FullYearBudget = project.FullYearBudget, Executed = project.Executed, StatedScore = project.StatedScore, ComputedScore = project.ComputedScore,
                State = project.State, DraftedAt = project.DraftedAt,
            };
        // the unit's declaration: its 汇总 submission furthest along (a later draft never hides a submitted or approved one), the latest of equals
        if (relevant.Where(e => e.Kind == SubmissionKind.SummaryReview).OrderBy(e => Progress(e.State)).ThenBy(e => e.DraftedAt).LastOrDefault() is { } summary)
        {
            review.SummarySubmissionId = summary.Id;
            review.UnitProjectExpenditure = summary.UnitProjectExpenditure;
            review.UnitProjectCount = summary.UnitProjectCount;
            review.SubmittedAt = summary.SubmittedAt;
            review.Review = summary.Review;
        }
        return review;
    }

    /// <summary>
    /// A project filed twice counts once: the report furthest along (公开, 通过, 在审, 退回, 草稿), the latest drafted of equals.
    /// </summary>
    private static IEnumerable<UnitSummaryEntry> OnePerProject(IEnumerable<UnitSummaryEntry> projects) =>
        projects.GroupBy(p => Drafting.SameReport.ProjectKey(p.ProjectName))
            .Select(g => g.OrderByDescending(p => Progress(p.State)).ThenByDescending(p => p.DraftedAt).First());

    private static int Progress(SubmissionState state) => state switch
    {
        SubmissionState.Published => 5,
        SubmissionState.Approved => 4,
        SubmissionState.InReview or SubmissionState.Submitted => 3,
        SubmissionState.Returned => 2,
        _ => 1,
    };

    /// <summary>
    /// The table as <paramref name="actor"/> may see it (null: the public). Rows follow the rule of the submissions they
    /// come from: a section sees a project from its first submission on, never while it is a draft; the public sees
    /// reviewed projects only; the unit, auditors and administrators see every row.
    /// </summary>
    public UnitSummaryReview VisibleTo(Actor? actor)
    {
        Func<SubmissionState, bool> visible = actor?.Role switch
        {
            Role.Reviewer => state => state.IsSectionBusiness(),
            Role.Preparer or Role.Auditor or Role.Admin => _ => true,
            _ => state => state is SubmissionState.Approved or SubmissionState.Published,
        };
        return new UnitSummaryReview
        {
            Id = Id, UnitId = UnitId, UnitName = UnitName, FiscalYear = FiscalYear,
            Projects = Projects.Where(p => visible(p.Value.State)).ToDictionary(),
            SummarySubmissionId = SummarySubmissionId, UnitProjectExpenditure = UnitProjectExpenditure,
            UnitProjectCount = UnitProjectCount, SubmittedAt = SubmittedAt, Review = Review,
        };
    }

    /// <summary>
    /// One 汇总 submission's table, from the inline snapshots of the unit's 自评表 of its year rather than the async entries:
    /// a form submitted a moment ago counts (what its score checks and its page shows).
    /// </summary>
    public static async Task<UnitSummaryReview> OfSummaryAsync(IQuerySession session, Submission summary, CancellationToken ct)
    {
        var forms = await session.Query<Submission>()
            .Where(s => s.UnitId == summary.UnitId && s.FiscalYear == summary.FiscalYear && s.Kind == SubmissionKind.ProjectSelfEvaluation)
            .ToListAsync(ct);
        return Assemble([UnitSummaryEntries.Of(summary), .. forms.Select(UnitSummaryEntries.Of)])!.DeclaredBy(summary);
    }

    /// <summary>
    /// The table as one 汇总 submission declares it: its 项目支出总额 and 部门项目总个数, its 提交时间 and, once approved, its
    /// 业务股室 block — whichever of the unit's 汇总 submissions is the latest.
    /// </summary>
    public UnitSummaryReview DeclaredBy(Submission summary) => new()
    {
        Id = Id, UnitId = UnitId, UnitName = UnitName, FiscalYear = FiscalYear, Projects = Projects,
        SummarySubmissionId = summary.Id,
        UnitProjectExpenditure = summary.Content.Summary?.UnitProjectExpenditure,
        UnitProjectCount = summary.Content.Summary?.UnitProjectCount,
        SubmittedAt = summary.SubmittedAt,
        Review = summary.Approval is { Grade: { } grade } a ? new ReviewerBlock(grade, a.Signature, a.ReviewedAt, a.StampReference) : null,
    };

    /// <summary>The project rows in the table's order (the order the projects were drafted): row i of <see cref="ToTable"/> is entry i.
    /// A draft is no row: only forms sent to the section count in 合计 and 平均分 (<see cref="Drafts"/> lists the others).</summary>
    public IReadOnlyList<UnitSummaryRow> OrderedProjects() =>
        [.. Projects.Values.Where(r => r.State.IsSectionBusiness()).OrderBy(r => r.DraftedAt).ThenBy(r => r.SubmissionId)];

    /// <summary>The projects whose form is still a draft (what the unit sees as not yet counted).</summary>
    public IReadOnlyList<UnitSummaryRow> Drafts() =>
        [.. Projects.Values.Where(r => r.State == SubmissionState.Draft).OrderBy(r => r.DraftedAt).ThenBy(r => r.SubmissionId)];

    /// <summary>The 汇总审核表 in the engine's terms, rows in the order the projects were drafted.</summary>
    public SummaryReviewTable ToTable() => new()
    {
        Unit = UnitName,
        Year = FiscalYear,
        Rows = OrderedProjects().Select((r, i) =>
            new SummaryRow(i + 1, UnitName, r.ProjectName, r.InitialBudget, r.Adjustment, r.FullYearBudget, r.Executed, r.StatedScore ?? r.ComputedScore)).ToList(),
        UnitProjectExpenditure = UnitProjectExpenditure,
        UnitProjectCount = UnitProjectCount,
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
