using System.Text.RegularExpressions;
using Approval.Workflow.Checking;
using Approval.Workflow.DepartmentReport;
using Approval.Workflow.Submissions;
using Approval.Workflow.Templates;

namespace Approval.Web.Pages.Forms;

/// <summary>
/// What the 部门整体支出绩效自评报告 layout (<c>_DepartmentReport.cshtml</c>) needs: the report read into its sections,
/// the unit and year, the stated score with the system's band, and (on the unit's and reviewer's page) the findings
/// placed at the sentences they concern. The public page passes no findings.
/// </summary>
public sealed partial record DepartmentReportView(DepartmentSelfEvaluation Report, string UnitName, int FiscalYear, string FallbackTitle)
{
    public DepartmentReportDocument Document { get; } = DepartmentReportReader.Read(Report.Narrative);
    public IReadOnlyList<Finding> Findings { get; init; } = [];

    public string Title => Document.Title ?? FallbackTitle;

    /// <summary>
    /// An attached 部门整体支出绩效自评表 in the official 自评表 layout, with the engine's result; its findings on the unit's and
    /// reviewer's page only (the public page passes none). Null when the attachment's cells could not be read.
    /// </summary>
    public SelfEvaluationFormView? FormView(ReportAttachment attachment) => attachment.Form is { } form
        ? new SelfEvaluationFormView(form, FiscalYear)
        {
            Overall = true,
            Result = Findings.Count > 0 || ShowsScore ? OverallFormCheck.Evaluate(form) : null,
            Findings = [.. Findings.Where(f => f.Location.Document == OverallFormCheck.Document)],
        }
        : null;

    /// <summary>The engine's figures beside the form's (系统 …): on the unit's and reviewer's page, not the public one.</summary>
    public bool ShowsScore { get; init; }
    public Grade? Band => Report.StatedScore is { } s ? GradeBands.Ministry.GradeOf(s) : null;

    /// <summary>A paragraph as its sentences, each with the findings located at it (a finding's row is its sentence's beginning).</summary>
    public IReadOnlyList<(string Text, IReadOnlyList<Finding> Findings)> Sentences(string paragraph) =>
        [.. SentenceEnd().Split(paragraph).Where(s => s.Length > 0).Select(s => (s, (IReadOnlyList<Finding>)[.. Findings.Where(f => Concerns(f, s))]))];

    /// <summary>Findings at no sentence of the report (the projects' average, a missing section): listed under the heading block.
    /// The score's source is not among them: the line under the score says it.</summary>
    public IReadOnlyList<Finding> Unplaced =>
        [.. Findings.Where(f => f.Rule != "DE-SCORE-SOURCE" && f.Location.Document != OverallFormCheck.Document // those are on the attached form's rows
            && !AllParagraphs().Any(p => Sentences(p).Any(s => s.Findings.Contains(f))))];

    private IEnumerable<string> AllParagraphs() =>
        Document.Preface.Concat(Document.Sections.SelectMany(s => s.Blocks)).Where(b => !b.IsHeading).Select(b => b.Text);

    private static bool Concerns(Finding finding, string sentence)
    {
        if (finding.Location.Row is not { Length: > 0 } row) return false;
        var prefix = row.TrimEnd('…');
        var compact = Whitespace().Replace(sentence, "").TrimEnd('。', '；', ';');
        return prefix.Length >= 6 && compact.StartsWith(prefix, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(?<=[。；;])")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
