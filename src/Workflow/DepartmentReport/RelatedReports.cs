using Approval.Workflow.SelfEvaluation;
using Approval.Workflow.Submissions;

namespace Approval.Workflow.DepartmentReport;

/// <summary>
/// The unit's other reports of the same fiscal year that a 部门整体 report quotes: its 部门决算公开 package and its
/// 项目支出绩效自评表. Loaded by the host and passed in; the checker never reads a database.
/// </summary>
public sealed record RelatedReports(RelatedDisclosure? Disclosure, IReadOnlyList<RelatedProject> Projects)
{
    /// <summary>For a 汇总 submission: the unit's 汇总审核表 of the year as the submission declares it (rows from the unit's
    /// 自评表 sent to the section).</summary>
    public Summary.SummaryReviewTable? SummaryTable { get; init; }

    /// <summary>
    /// Where the related reports were looked for, as a sentence's subject: the app looks in its records of the unit ("系统中"),
    /// the `check` command only in the file it was given ("所查文件中").
    /// </summary>
    public string LookedIn { get; init; } = InTheApp;

    public const string InTheApp = "系统中";
    public const string InTheCheckedFile = "所查文件中";

    /// <summary>"本单位同年度的{what}", or in the checked file just "{what}" (a file holds no unit's records to match by year).</summary>
    public string Missing(string what) => LookedIn == InTheApp
        ? $"系统中没有本单位同年度的{what}"
        : $"{LookedIn}没有{what}（check 只与同一文件中的表核对：把它们与报告放在同一文件中即可一并核对）";

    public static readonly RelatedReports None = new(null, []);
}

public sealed record RelatedDisclosure(string Title, DisclosurePackage Package);

public sealed record RelatedProject(string Title, ProjectSelfEvaluationForm Form);
