namespace Approval.Workflow.Submissions.Drafting;

/// <summary>
/// Two of a unit's reports that file the same thing: one kind, one year and, for a 项目支出绩效自评表, one project. A unit
/// files each once a year; a second is almost always a duplicate start, which the preparer is warned of (and may discard).
/// </summary>
public static class SameReport
{
    public static bool Matches(Submission a, Submission b) =>
        a.Id != b.Id && a.UnitId == b.UnitId && a.FiscalYear == b.FiscalYear && a.Kind == b.Kind
        && a.State != SubmissionState.Discarded && b.State != SubmissionState.Discarded
        && (a.Kind != SubmissionKind.ProjectSelfEvaluation || ProjectKey(a) == ProjectKey(b));

    /// <summary>The project's name as people would call it the same: blanks and full-/half-width forms do not count.</summary>
    public static string ProjectKey(Submission s) => ProjectKey(s.Content.ProjectForm?.Header.ProjectName ?? s.Title);

    public static string ProjectKey(string projectName) =>
        string.Concat(projectName.Normalize(System.Text.NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c)));

    /// <summary>The reports among <paramref name="others"/> that file what <paramref name="report"/> files.</summary>
    public static IReadOnlyList<Submission> Among(Submission report, IEnumerable<Submission> others) =>
        [.. others.Where(o => Matches(report, o)).OrderBy(o => o.CreatedAt)];
}
