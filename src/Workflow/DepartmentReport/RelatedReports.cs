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

    public static readonly RelatedReports None = new(null, []);
}

public sealed record RelatedDisclosure(string Title, DisclosurePackage Package);

public sealed record RelatedProject(string Title, ProjectSelfEvaluationForm Form);
