using System.Text.RegularExpressions;
using Approval.Workflow.DepartmentReport;
using Approval.Workflow.Disclosure;
using Approval.Workflow.Import;
using Approval.Workflow.Submissions;

namespace Approval.Workflow.Checking;

/// <summary>
/// A 部门整体支出绩效自评报告 found in a checked file (its title in the first lines: "…部门整体支出绩效自评报告",
/// "…整体支出绩效评价报告") is checked as the app checks it (DE- rules and the NR- rules of its text), against the
/// 公开表 and 自评表 of the same file when there are any; its notes say what was and was not checked.
/// </summary>
public static partial class DepartmentReportInCheck
{
    public const string Kind = DepartmentReportChecker.Document;

    public static bool IsDepartmentReport(string narrative) =>
        DepartmentReportReader.Read(WithoutSheetMarkers(narrative)).Title is { } title && OverallTitle().IsMatch(Regex.Replace(title, @"\s+", ""));

    public static CheckedDocument Check(ImportedReport report, IReadOnlyList<DisclosureTable> package, CheckOptions options)
    {
        var narrative = WithoutSheetMarkers(report.Narrative);
        var department = DepartmentReportImport.From(narrative);
        var related = new RelatedReports(package.Count > 0 ? new RelatedDisclosure("同一文件中的公开表", new DisclosurePackage(package, "")) : null,
            [.. report.Forms.Select(f => new RelatedProject(f.Header.ProjectName, f))])
        { LookedIn = RelatedReports.InTheCheckedFile };
        var (findings, notes) = DepartmentReportChecker.Check(department, related, options);
        var title = DepartmentReportReader.Read(narrative).Title ?? Kind;
        var done = notes.Where(n => n.Done).ToList();
        var notDone = notes.Where(n => !n.Done).ToList();
        return new CheckedDocument(Regex.Replace(title, @"\s+", ""), Kind, department.StatedScore, department.StatedGrade, findings)
        {
            Reading = $"已核对：{string.Join("；", done.Select(n => $"{n.What}（{n.Detail}）"))}"
                + (notDone.Count > 0 ? $"。未核对：{string.Join("；", notDone.Select(n => $"{n.What}（{n.Detail}）"))}" : ""),
            Checked = done.Count,
        };
    }

    /// <summary>The "## 工作表 Sheet1" lines an xlsx's text carries are no part of the report's title or text.</summary>
    private static string WithoutSheetMarkers(string narrative) =>
        string.Join("\n", narrative.Split('\n').Where(l => !l.StartsWith(ReportTextImporter.SheetMarker, StringComparison.Ordinal)));

    [GeneratedRegex(@"整体(?:支出)?绩效(?:自评|评价|自评价)(?:情况)?报告$")]
    private static partial Regex OverallTitle();
}
