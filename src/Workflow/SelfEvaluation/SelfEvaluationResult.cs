using System.Text.Json.Serialization;
using Approval.Workflow.Checking;
using Approval.Workflow.Templates;

namespace Approval.Workflow.SelfEvaluation;

/// <summary>
/// The engine's verdict on one 自评表: every indicator's score with its explanation, the funds score,
/// level-1 subtotals, total, grade and findings, and the template (id and version) it used. Stored as is
/// in the scored event, so a later template change never rewrites history.
/// </summary>
public sealed record SelfEvaluationResult(
    string TemplateId,
    int TemplateVersion,
    FundsScore Funds,
    IReadOnlyList<IndicatorScore> Indicators,
    IReadOnlyList<LevelOneSubtotal> Subtotals,
    decimal Total,
    Grade Grade,
    IReadOnlyList<Finding> Findings)
{
    public bool HasErrors => Findings.Any(f => f.Severity == Severity.Error);

    /// <summary>
    /// The errors <see cref="Grade"/> depends on (<see cref="GradeTrust"/>): while there are any, the grade is not a
    /// suggestion a reviewer can trust. Null when there are none, and in results stored before it existed — left out
    /// of the JSON then, so an event stored earlier serializes as it was hashed (the event chain).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Finding>? GradeDependsOn { get; init; }

    [JsonIgnore]
    public bool GradeIsTrusted => GradeDependsOn is not { Count: > 0 };
}

public sealed record FundsScore(decimal? RatePercent, decimal Weight, decimal Score, decimal? StatedScore, string Explanation);

/// <param name="Computed">The score the rule gives; null for qualitative indicators (the scorer's judgement stands).</param>
/// <param name="Counted">What the total counts: the computed score, or the preparer's (capped) for qualitative ones.</param>
public sealed record IndicatorScore(
    int Row,
    string LevelOne,
    string LevelTwo,
    string Name,
    decimal Weight,
    TargetKind Kind,
    decimal? TargetValue,
    decimal? ActualValue,
    decimal? Computed,
    decimal Counted,
    decimal? StatedScore,
    string Explanation);

public sealed record LevelOneSubtotal(string LevelOne, decimal? TemplateWeight, decimal Weight, decimal Score);
