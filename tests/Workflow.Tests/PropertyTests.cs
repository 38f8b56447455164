using Approval.Workflow.SelfEvaluation;
using Approval.Workflow.Templates;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Approval.Workflow.Tests;

public class PropertyTests
{
    private static decimal Amount(int cents) => Math.Abs(cents % 10_000_000) / 100m;

    [Property]
    public bool Positive_score_lies_within_zero_and_the_weight(int target, int actual, byte weight)
    {
        var score = IndicatorScorer.Positive(Amount(target), Amount(actual), weight);
        return score >= 0 && score <= weight;
    }

    [Property]
    public bool Negative_score_lies_within_zero_and_the_weight(int target, int actual, byte weight)
    {
        var score = IndicatorScorer.Negative(Amount(target), Amount(actual), weight);
        return score >= 0 && score <= weight;
    }

    [Property]
    public bool Positive_score_never_falls_when_the_actual_rises(int target, int actual, int rise, byte weight)
    {
        var a = Amount(target);
        var b = Amount(actual);
        return IndicatorScorer.Positive(a, b + Amount(rise), weight) >= IndicatorScorer.Positive(a, b, weight);
    }

    [Property]
    public bool Negative_score_never_rises_when_the_actual_rises(int target, int actual, int rise, byte weight)
    {
        var a = Amount(target);
        var b = Amount(actual);
        return IndicatorScorer.Negative(a, b + Amount(rise), weight) <= IndicatorScorer.Negative(a, b, weight);
    }

    [Property]
    public bool Grade_never_falls_when_the_total_rises(int total, int rise)
    {
        var s = Amount(total) % 120;
        var higher = s + Amount(rise) % 50;
        return GradeBands.Ministry.GradeOf(higher) <= GradeBands.Ministry.GradeOf(s); // 优 < 良 < 中 < 差 in enum order
    }

    [Property]
    public bool Funds_score_is_capped_at_its_weight(int budget, int executed)
    {
        var a = Amount(budget) + 0.01m;
        var score = FundsRule.Proportional.Score(Amount(executed) / a, 10);
        return score >= 0 && score <= 10;
    }

    [Property(MaxTest = 50)]
    public Property Permuting_indicator_rows_changes_no_total()
    {
        var form = Seeds.Import(Seeds.ShangraoBigData2021).Forms[1];
        var baseline = SelfEvaluationEngine.Evaluate(form);
        return Prop.ForAll(Gen.Shuffle(form.Indicators.ToArray()).ToArbitrary(), shuffled =>
        {
            var result = SelfEvaluationEngine.Evaluate(form with { Indicators = shuffled });
            return result.Total == baseline.Total && result.Grade == baseline.Grade &&
                   result.Subtotals.OrderBy(s => s.LevelOne).SequenceEqual(baseline.Subtotals.OrderBy(s => s.LevelOne));
        });
    }
}
