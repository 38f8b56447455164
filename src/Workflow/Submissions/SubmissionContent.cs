using Approval.Workflow.Disclosure;
using Approval.Workflow.SelfEvaluation;

namespace Approval.Workflow.Submissions;

/// <summary>
/// What a submission holds, by kind: exactly one of the parts is set. Kept as entered (decimal figures,
/// original text); scoring never rewrites it.
/// </summary>
public sealed record SubmissionContent
{
    public ProjectSelfEvaluationForm? ProjectForm { get; init; }
    public DepartmentSelfEvaluation? Department { get; init; }
    public DisclosurePackage? Disclosure { get; init; }
    public SummaryDeclaration? Summary { get; init; }
    public IReadOnlyList<AttachmentInfo> Attachments { get; init; } = [];

    /// <summary>
    /// This content with every 三级指标 row's id set: a row that brings an id keeps it, one that does not takes the id of
    /// its match in <paramref name="before"/> (the content it replaces; null for a new report), else a new one.
    /// </summary>
    public SubmissionContent WithRowIds(SubmissionContent? before, Func<string>? newId = null) =>
        ProjectForm is not { } form ? this : this with
        {
            ProjectForm = form with { Indicators = IndicatorRowIds.Adopt(before?.ProjectForm?.Indicators ?? [], form.Indicators, newId) },
        };

    public bool Matches(SubmissionKind kind) => kind switch
    {
        SubmissionKind.ProjectSelfEvaluation => ProjectForm is not null && Department is null && Disclosure is null && Summary is null,
        SubmissionKind.DepartmentSelfEvaluation => Department is not null && ProjectForm is null && Disclosure is null && Summary is null,
        SubmissionKind.FinalAccountsDisclosure => Disclosure is not null && ProjectForm is null && Department is null && Summary is null,
        SubmissionKind.SummaryReview => Summary is not null && ProjectForm is null && Department is null && Disclosure is null,
        _ => false,
    };

    /// <summary>
    /// The fiscal year the content states itself: the 自评表's header, the 公开表' headings, the report's title. Null when it
    /// states none, or (tables of several years) none it agrees on.
    /// </summary>
    public int? StatedYear()
    {
        if (ProjectForm is { } form) return form.Header.Year;
        if (Department is { } department) return DepartmentReport.DepartmentReportReader.Read(department.Narrative).Year;
        if (Disclosure is { } package)
        {
            var years = package.Tables.Select(t => t.Heading?.Year).OfType<int>().Distinct().ToList();
            return years.Count == 1 ? years[0] : null;
        }
        return null;
    }
}

/// <summary>
/// 部门整体支出绩效自评报告: the report's text and the overall score it states. Its sections are derived from the
/// text on every read (<see cref="DepartmentReport.DepartmentReportReader"/>), so they can never disagree with it.
/// </summary>
public sealed record DepartmentSelfEvaluation(string Narrative, decimal? StatedScore, string? StatedGrade = null)
{
    /// <summary>Where the stated score was read at import ("所附项目支出绩效自评报告：「…」"); null when entered by hand.</summary>
    public string? StatedScoreSource { get; init; }
}

/// <summary>部门决算公开: the 公开表 and the 情况说明.</summary>
public sealed record DisclosurePackage(IReadOnlyList<DisclosureTable> Tables, string Narrative)
{
    /// <summary>批复日期: the day the 财政部门 approved the 决算, entered by the unit; publication is due 20 days later (预算法 §14).</summary>
    public DateOnly? BudgetApprovedOn { get; init; }
}

/// <summary>
/// The unit's part of the 汇总审核表 that the project streams cannot supply: the denominator of coverage.
/// The project rows themselves come from the unit's 项目支出绩效自评表 submissions.
/// </summary>
public sealed record SummaryDeclaration(decimal? UnitProjectExpenditure, int? UnitProjectCount, string? Note = null);

/// <summary>An attachment's metadata (the file itself is stored elsewhere, addressed by its hash).</summary>
public sealed record AttachmentInfo(string FileName, string ContentType, long Size, string Sha256);
