using Approval.Workflow.Templates;

namespace Approval.Workflow.Submissions.Drafting;

/// <summary>
/// 核对（不保存）: what the engine would find in content the preparer is still typing, for the live re-check of the editors.
/// Same access and the same limits as 修改; nothing is recorded, so the answer's <see cref="ScoreCard.ContentVersion"/> is
/// the version the content would replace.
/// </summary>
public static class ContentCheck
{
    /// <param name="related">The unit's other reports of the year the saved score is checked against (as 评分 passes them), so that
    /// the live count and the saved one agree.</param>
    public static ScoreCard Run(Submission submission, SubmissionContent content, Actor by, IReadOnlyList<IndicatorTemplate>? templates = null,
        DepartmentReport.RelatedReports? related = null)
    {
        DraftRules.RequireEditable(submission, by);
        DraftRules.RequireContent(submission.Kind, content);
        return SubmissionScoring.Score(submission.Kind, content, submission.ContentVersion, templates, related);
    }
}
