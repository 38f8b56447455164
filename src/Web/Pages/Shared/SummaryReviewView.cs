using Approval.Workflow.Checking;
using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Summary;
using Approval.Workflow.Summary;

namespace Approval.Web.Pages;

/// <summary>
/// What the shared partial <c>_SummaryReviewTable</c> renders: the 汇总审核表 with its recomputed figures and, for the
/// unit and the bureau (<see cref="Interactive"/>), each row's submission and state and the findings of the SR rules.
/// The public sees the same table without links, states or findings.
/// </summary>
public sealed record SummaryReviewView(SummaryReviewTable Table, SummaryFigures Figures, IReadOnlyList<SummaryReviewLine> Lines, IReadOnlyList<Finding> Findings, bool Interactive)
{
    public static SummaryReviewView Of(UnitSummaryReview review, bool interactive)
    {
        var table = review.ToTable();
        var findings = interactive ? SummaryReviewChecker.Check(table) : [];
        var projects = review.OrderedProjects();
        var lines = table.Rows.Select((row, i) =>
        {
            var label = SummaryReviewChecker.RowLabel(row);
            return new SummaryReviewLine(row, projects[i].SubmissionId, projects[i].State, [.. findings.Where(f => f.Location.Row == label)]);
        }).ToList();
        return new SummaryReviewView(table, review.Figures, lines, findings, interactive);
    }

    /// <summary>The findings about a part of the table outside the project rows (合计, 平均分, coverage, 提交时间).</summary>
    public IReadOnlyList<Finding> At(string row, string? column = null) =>
        [.. Findings.Where(f => f.Location.Row == row && (column is null || f.Location.Column == column))];

    /// <summary>The class that highlights a cell with findings: the worst severity wins.</summary>
    public static string Flag(IEnumerable<Finding> findings) => findings.Select(f => f.Severity).DefaultIfEmpty(Severity.Rounding).Min() switch
    {
        Severity.Error => "cell-error",
        Severity.Warning => "cell-warning",
        _ => "",
    };

    public string Flag(string row, string? column = null) => Flag(At(row, column));

    /// <summary>Rows per state, in the order of the workflow: how far the unit's projects have come.</summary>
    public IEnumerable<(SubmissionState State, int Count)> StateCounts =>
        Lines.GroupBy(l => l.State).OrderBy(g => g.Key).Select(g => (g.Key, g.Count()));
}

/// <summary>One project row with the submission it comes from and what the checks say about it.</summary>
public sealed record SummaryReviewLine(SummaryRow Row, Guid SubmissionId, SubmissionState State, IReadOnlyList<Finding> Findings)
{
    public string RowFlag => SummaryReviewView.Flag(Findings) switch
    {
        "cell-error" => "flag-error",
        "cell-warning" => "flag-warning",
        _ => "",
    };

    public string Flag(string column) => SummaryReviewView.Flag(Findings.Where(f => f.Location.Column == column));
}
