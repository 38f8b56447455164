using Approval.Workflow.Checking;

namespace Approval.Workflow.Submissions.Summary;

/// <summary>A budget unit as the 未报 view lists it: id, name and the section that reviews it.</summary>
public sealed record ReportingUnit(string Id, string Name, string? SectionName);

/// <summary>
/// What one budget unit has submitted for a fiscal year (drafts do not count: a draft is not 报送), by kind, and the
/// 汇总审核表's coverage = 自评项目全年执行数合计 ÷ 项目支出总额 × 100%, where the unit has declared its 项目支出总额.
/// </summary>
/// <param name="Missing">The kinds not submitted, in Chinese.</param>
/// <param name="NotReported">未报: nothing at all submitted for the year.</param>
public sealed record UnitReporting(
    string UnitId, string UnitName, string? SectionName, int ProjectForms, int DepartmentReports, int Disclosures, int Summaries,
    IReadOnlyList<string> Missing, bool NotReported, decimal? SelfEvaluatedExecuted, decimal? UnitProjectExpenditure, decimal? CoveragePercent)
{
    /// <summary>Each unit of <paramref name="units"/>, in name order, against the entries of the year (of any unit; others are ignored).</summary>
    public static IReadOnlyList<UnitReporting> Of(IEnumerable<ReportingUnit> units, IEnumerable<UnitSummaryEntry> entries)
    {
        var submitted = entries.Where(e => e.State.IsSectionBusiness()).ToLookup(e => e.UnitId);
        return [.. units.OrderBy(u => u.Name, StringComparer.Ordinal).Select(u => For(u, [.. submitted[u.Id]]))];
    }

    private static UnitReporting For(ReportingUnit unit, IReadOnlyList<UnitSummaryEntry> entries)
    {
        int Count(SubmissionKind kind) => entries.Count(e => e.Kind == kind);
        var missing = Enum.GetValues<SubmissionKind>().Where(k => Count(k) == 0).Select(k => k.Chinese()).ToList();
        var table = UnitSummaryReview.Assemble(entries);
        var figures = table?.Figures;
        var expenditure = table?.UnitProjectExpenditure;
        return new UnitReporting(unit.Id, unit.Name, unit.SectionName,
            table?.OrderedProjects().Count ?? 0, Count(SubmissionKind.DepartmentSelfEvaluation), Count(SubmissionKind.FinalAccountsDisclosure), Count(SubmissionKind.SummaryReview),
            missing, entries.Count == 0, figures?.Totals.Executed, expenditure, figures?.CoveragePercent is { } c ? Money.Round2(c) : null);
    }
}
