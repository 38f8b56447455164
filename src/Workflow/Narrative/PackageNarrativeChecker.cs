using Approval.Workflow.Checking;
using Approval.Workflow.Disclosure;
using Approval.Workflow.SelfEvaluation;

namespace Approval.Workflow.Narrative;

/// <summary>
/// The 情况说明 of a 部门决算公开 package against the rest of the same report: its figures against its 公开表
/// (<see cref="NarrativeTableFigures"/>), its "其中" breakdowns against their wholes (<see cref="NarrativeBreakdownCheck"/>),
/// the projects it sums up against their 自评表 (<see cref="NarrativeProjectFigures"/>), and a project's attached 绩效自评报告
/// against its 自评表 (<see cref="NarrativeReportFigures"/>).
/// </summary>
public static class PackageNarrativeChecker
{
    public static IReadOnlyList<Finding> Check(string narrative, IReadOnlyList<DisclosureTable> tables, IReadOnlyList<ProjectSelfEvaluationForm> forms,
        string document = "部门决算情况说明", CheckOptions? options = null)
    {
        options ??= CheckOptions.Default;
        if (narrative.Trim().Length == 0) return [];
        return
        [
            .. NarrativeTableFigures.Check(narrative, tables, document, options),
            .. NarrativeBreakdownCheck.Check(narrative, document, options),
            .. NarrativeProjectFigures.Check(narrative, forms, document),
            .. NarrativeReportFigures.Check(narrative, forms, document),
            .. NarrativeVehicleCounts.Check(narrative, tables, document),
        ];
    }
}
