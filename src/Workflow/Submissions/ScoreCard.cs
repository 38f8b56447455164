using Approval.Workflow.Checking;
using Approval.Workflow.DepartmentReport;
using Approval.Workflow.Disclosure;
using Approval.Workflow.Narrative;
using Approval.Workflow.SelfEvaluation;
using Approval.Workflow.Templates;

namespace Approval.Workflow.Submissions;

/// <summary>
/// The engine's result for one content version, stored as is in <see cref="SubmissionScored"/>: a later
/// template or engine change never rewrites what a reviewer saw.
/// </summary>
public sealed record ScoreCard(
    int ContentVersion,
    decimal? Total,
    Grade? SuggestedGrade,
    string? TemplateId,
    int? TemplateVersion,
    SelfEvaluationResult? SelfEvaluation,
    IReadOnlyList<Finding> Findings)
{
    /// <summary>What was checked and what could not be (kinds without a score say it here); empty for older cards.</summary>
    public IReadOnlyList<CheckNote> Checks { get; init; } = [];

    public int ErrorCount => Findings.Count(f => f.Severity == Severity.Error);
    public int WarningCount => Findings.Count(f => f.Severity == Severity.Warning);
}

/// <summary>
/// What the workflow and the lists need of a <see cref="ScoreCard"/>: kept in the <see cref="Submission"/> snapshot,
/// which every command rewrites; the findings and explanations stay in the <see cref="ScoreSheet"/>, written only when scored.
/// </summary>
public sealed record ScoreSummary(int ContentVersion, decimal? Total, Grade? SuggestedGrade, string? TemplateId, int? TemplateVersion, int ErrorCount, int WarningCount)
{
    public static ScoreSummary Of(ScoreCard card) =>
        new(card.ContentVersion, card.Total, card.SuggestedGrade, card.TemplateId, card.TemplateVersion, card.ErrorCount, card.WarningCount);
}

public static class SubmissionScoring
{
    public static ScoreCard Score(SubmissionKind kind, SubmissionContent content, int contentVersion, IReadOnlyList<IndicatorTemplate>? templates = null,
        RelatedReports? related = null)
    {
        switch (kind)
        {
            case SubmissionKind.ProjectSelfEvaluation when content.ProjectForm is { } form:
            {
                var result = SelfEvaluationEngine.Evaluate(form, null, null, templates);
                var total = Money.Round2(result.Total);
                return new ScoreCard(contentVersion, total, result.Grade, result.TemplateId, result.TemplateVersion, result, result.Findings);
            }
            case SubmissionKind.DepartmentSelfEvaluation when content.Department is { } department:
            {
                var (findings, checks) = DepartmentReportChecker.Check(department, related);
                Grade? grade = department.StatedScore is { } s ? GradeBands.Ministry.GradeOf(s) : null;
                return new ScoreCard(contentVersion, department.StatedScore, grade, null, null, null, findings) { Checks = checks };
            }
            case SubmissionKind.FinalAccountsDisclosure when content.Disclosure is { } package:
            {
                var findings = DisclosureChecker.Check(package.Tables).Concat(NarrativeChecker.Check(package.Narrative))
                    .Concat(PackageNarrativeChecker.Check(package.Narrative, package.Tables, [.. (related?.Projects ?? []).Select(p => p.Form)])).ToList();
                return new ScoreCard(contentVersion, null, null, null, null, null, findings);
            }
            case SubmissionKind.SummaryReview:
                return new ScoreCard(contentVersion, null, null, null, null, null, []);
            default:
                throw new SubmissionRuleException(RuleViolation.Invalid("content-kind", $"内容与报告类型「{kind.Chinese()}」不符", "content does not match the submission kind"));
        }
    }
}
