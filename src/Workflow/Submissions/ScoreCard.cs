using System.Text.Json.Serialization;
using Approval.Workflow.Checking;
using Approval.Workflow.DepartmentReport;
using Approval.Workflow.Disclosure;
using Approval.Workflow.Narrative;
using Approval.Workflow.SelfEvaluation;
using Approval.Workflow.Summary;
using Approval.Workflow.Templates;

namespace Approval.Workflow.Submissions;

/// <summary>
/// The engine's result for one content version, stored as is in <see cref="Drafting.SubmissionScored"/>: a later
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

    /// <summary>
    /// Set (and <see cref="SuggestedGrade"/> null) while errors that change the total stand: the suggestion is 不可信.
    /// Left out of the JSON when null, so a card stored before it existed serializes as it was hashed (the event chain).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public GradeCaveat? GradeCaveat { get; init; }
}

/// <summary>Why there is no plain suggested grade: the grade the recomputed total would give, and the errors it depends on.</summary>
public sealed record GradeCaveat(Grade Recomputed, IReadOnlyList<string> DependsOn)
{
    /// <summary>"不可信（4 处错误会改变总分，见检查结果）" — how the suggestion is shown where a grade would be: a sentence, no
    /// rule ids (those are in the findings list, each beside its message).</summary>
    [JsonIgnore]
    public string Text => $"不可信（{DependsOn.Count} 处错误会改变总分，见检查结果）";

    /// <summary>By value, list included: a snapshot read back equals the one written.</summary>
    public bool Equals(GradeCaveat? other) => other is not null && Recomputed == other.Recomputed && DependsOn.SequenceEqual(other.DependsOn);

    public override int GetHashCode() => HashCode.Combine(Recomputed, DependsOn.Count);
}

/// <summary>
/// What the workflow and the lists need of a <see cref="ScoreCard"/>: kept in the <see cref="Submission"/> snapshot,
/// which every command rewrites; the findings and explanations stay in the <see cref="ScoreSheet"/>, written only when scored.
/// </summary>
public sealed record ScoreSummary(int ContentVersion, decimal? Total, Grade? SuggestedGrade, string? TemplateId, int? TemplateVersion, int ErrorCount, int WarningCount)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public GradeCaveat? GradeCaveat { get; init; }

    /// <summary>What the page shows as 系统建议: the grade, "不可信（n 处错误会改变总分，见检查结果）", or null when there is none.</summary>
    [JsonIgnore]
    public string? SuggestionText => GradeCaveat?.Text ?? SuggestedGrade?.ToString();

    public static ScoreSummary Of(ScoreCard card) =>
        new(card.ContentVersion, card.Total, card.SuggestedGrade, card.TemplateId, card.TemplateVersion, card.ErrorCount, card.WarningCount)
        {
            GradeCaveat = card.GradeCaveat,
        };
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
                return new ScoreCard(contentVersion, total, result.GradeIsTrusted ? result.Grade : null, result.TemplateId, result.TemplateVersion, result, result.Findings)
                {
                    GradeCaveat = result.GradeIsTrusted ? null : new GradeCaveat(result.Grade, [.. result.GradeDependsOn!.Select(GradeTrust.Describe)]),
                };
            }
            case SubmissionKind.DepartmentSelfEvaluation when content.Department is { } department:
            {
                var (findings, checks) = DepartmentReportChecker.Check(department, related);
                Grade? grade = department.StatedScore is { } s ? GradeBands.Ministry.GradeOf(s) : null;
                return new ScoreCard(contentVersion, department.StatedScore, grade, null, null, null, findings) { Checks = checks };
            }
            case SubmissionKind.FinalAccountsDisclosure when content.Disclosure is { } package:
            {
                // the 情况说明 is read against the attached forms first, then the unit's own 自评表 of the year
                var attached = package.Forms.Select(a => a.Form).ToList();
                var projects = attached.Concat((related?.Projects ?? []).Select(p => p.Form)
                    .Where(f => !attached.Any(a => a.Header.ProjectName == f.Header.ProjectName))).ToList();
                var findings = DisclosureChecker.Check(package.Tables).Concat(NarrativeChecker.Check(package.Narrative))
                    .Concat(PackageNarrativeChecker.Check(package.Narrative, package.Tables, projects))
                    .Concat(AttachedFormChecks.Check(package, templates)).ToList();
                return new ScoreCard(contentVersion, null, null, null, null, null, findings);
            }
            case SubmissionKind.SummaryReview:
                return new ScoreCard(contentVersion, null, null, null, null, null, SummaryReviewChecker.CheckDeclared(related?.SummaryTable));
            default:
                throw new SubmissionRuleException(RuleViolation.Invalid("content-kind", $"内容与报告类型「{kind.Chinese()}」不符", "content does not match the submission kind"));
        }
    }
}
