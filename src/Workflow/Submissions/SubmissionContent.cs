using System.Text.Json.Serialization;
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
    public SubmissionContent WithRowIds(SubmissionContent? before, Func<string>? newId = null)
    {
        if (ProjectForm is { } form)
            return this with { ProjectForm = form with { Indicators = IndicatorRowIds.Adopt(before?.ProjectForm?.Indicators ?? [], form.Indicators, newId) } };
        if (Disclosure is { AttachedForms: { Count: > 0 } attached } package)
        {
            // an attached form keeps the ids of the one of its project before (else of the one in its place)
            var earlier = before?.Disclosure?.Forms ?? [];
            return this with
            {
                Disclosure = package with
                {
                    AttachedForms = [.. attached.Select((a, k) =>
                    {
                        var match = earlier.FirstOrDefault(e => e.Form.Header.ProjectName == a.Form.Header.ProjectName) ?? earlier.ElementAtOrDefault(k);
                        return a with { Form = a.Form with { Indicators = IndicatorRowIds.Adopt(match?.Form.Indicators ?? [], a.Form.Indicators, newId) } };
                    })],
                },
            };
        }
        return this;
    }

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

/// <summary>部门决算公开: the 公开表, the 情况说明 and the 自评表 attached to it (附件2, 附件4 …).</summary>
public sealed record DisclosurePackage(IReadOnlyList<DisclosureTable> Tables, string Narrative)
{
    /// <summary>批复日期: the day the 财政部门 approved the 决算, entered by the unit; publication is due 20 days later (预算法 §14).</summary>
    public DateOnly? BudgetApprovedOn { get; init; }

    /// <summary>
    /// The 项目支出绩效自评表 published with the package, in the order they appear. Null (and never written) for a package
    /// without any: content recorded before packages kept them serializes as it was hashed (the event chain).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<AttachedForm>? AttachedForms { get; init; }

    /// <summary>The attached forms, none when there are none (never null).</summary>
    [JsonIgnore]
    public IReadOnlyList<AttachedForm> Forms => AttachedForms ?? [];
}

/// <summary>A 项目支出绩效自评表 attached to a 决算公开 package, with the 附件 label it was printed under ("附件2"; null when unlabelled).</summary>
public sealed record AttachedForm(string? Label, ProjectSelfEvaluationForm Form)
{
    /// <summary>How findings, the page and the workbook name it: "附件2 项目支出绩效自评表「智能化维保」".</summary>
    [JsonIgnore]
    public string Name => $"{(Label is null ? "" : Label + " ")}项目支出绩效自评表「{Form.Header.ProjectName}」";
}

/// <summary>
/// The unit's part of the 汇总审核表 that the project streams cannot supply: the denominator of coverage.
/// The project rows themselves come from the unit's 项目支出绩效自评表 submissions.
/// </summary>
public sealed record SummaryDeclaration(decimal? UnitProjectExpenditure, int? UnitProjectCount, string? Note = null);

/// <summary>An attachment's metadata (the file itself is stored elsewhere, addressed by its hash).</summary>
public sealed record AttachmentInfo(string FileName, string ContentType, long Size, string Sha256);
