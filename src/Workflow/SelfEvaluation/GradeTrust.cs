using Approval.Workflow.Checking;
using Approval.Workflow.Templates;

namespace Approval.Workflow.SelfEvaluation;

/// <summary>
/// Whether the recomputed grade can be suggested to a reviewer. Not while the weights are wrong (the total is then out of
/// something other than 100: seed 002's 智能化维保 scored 109.77 of 110 and was suggested 优), nor while the form's own
/// scores give another band than the recomputed ones (which of the two is right is the reviewer's call).
/// </summary>
public static class GradeTrust
{
    /// <summary>Errors that make the total itself meaningless: weights not adding up, or not as the template has them.</summary>
    private static readonly HashSet<string> WeightRules =
    [
        "SE-WEIGHT-SUM", "SE-WEIGHT-TOTAL", "SE-LEVEL1-WEIGHT", "SE-LEVEL1-PRINTED", "SE-LEVEL1-UNKNOWN", "SE-NEGATIVE-WEIGHT",
        "SE-FUNDS-WEIGHT", "SE-FUNDS-MISSING", "SE-TOTAL-OVER",
    ];

    /// <summary>Errors where the form's score and the recomputed one differ: they matter when the two totals fall in different bands.</summary>
    private static readonly HashSet<string> ScoreRules =
    [
        "SE-INDICATOR-SCORE", "SE-FUNDS-SCORE", "SE-SCORE-CAP", "SE-TOTAL-SUM", "SE-GRADE-RECOMPUTED",
    ];

    /// <summary>The error findings the suggested grade depends on; empty when it can be suggested as is.</summary>
    public static IReadOnlyList<Finding> DependsOn(IReadOnlyList<Finding> findings, Grade recomputed, Grade? formsOwn)
    {
        var errors = findings.Where(f => f.Severity == Severity.Error).ToList();
        var weights = errors.Where(f => WeightRules.Contains(f.Rule)).ToList();
        var scores = formsOwn is { } own && own != recomputed ? errors.Where(f => ScoreRules.Contains(f.Rule)).ToList() : [];
        return [.. errors.Where(f => weights.Contains(f) || scores.Contains(f))];
    }

    /// <summary>The grade of the form's own total: the printed 总分, else the sum of its printed scores; null when it prints none.</summary>
    public static Grade? FormsOwnGrade(ProjectSelfEvaluationForm form, IndicatorTemplate template)
    {
        var printed = form.Indicators.Where(i => i.StatedScore is not null).Select(i => i.StatedScore!.Value).ToList();
        var own = form.StatedTotal ?? (printed.Count == 0 ? null : printed.Sum() + (form.Funds.StatedScore ?? 0));
        return own is { } total ? template.Grades.GradeOf(total) : null;
    }

    /// <summary>"SE-LEVEL1-WEIGHT（效益指标）", "SE-WEIGHT-SUM": how a dependency is named beside the grade (the findings list explains it).</summary>
    public static string Describe(Finding finding) => finding.Location.Row is { Length: > 0 } row ? $"{finding.Rule}（{row}）" : finding.Rule;
}
