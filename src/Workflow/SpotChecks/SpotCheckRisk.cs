using Approval.Workflow.Credibility;

namespace Approval.Workflow.SpotChecks;

/// <summary>
/// How much each 自评质量 flag adds to a form's chance in the risk part of a 抽查 draw — as data, listed in docs/rules.md.
/// A flag that says the score itself is inflated weighs 3, one that says the evidence is missing or copied 2, one about how
/// the indicators were set 1. A form's weight is 1 plus its flags' weights (every flag counts, so a form with two vague full
/// marks weighs more than one with one): a form without flags can still be drawn, only less often.
/// </summary>
public static class SpotCheckRisk
{
    public static readonly IReadOnlyDictionary<string, int> FlagWeights = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        [CredibilityRule.ScoreAboveFunds.Id] = 3,
        [CredibilityRule.ZeroActual.Id] = 3,
        [CredibilityRule.VagueFullMarks.Id] = 2,
        [CredibilityRule.LowRateUnexplained.Id] = 2,
        [CredibilityRule.TargetBelowLastYear.Id] = 2,
        [CredibilityRule.CopiedFromLastYear.Id] = 2,
        [CredibilityRule.DeductionUnexplained.Id] = 1,
        [CredibilityRule.UnmeasurableTarget.Id] = 1,
        [CredibilityRule.SatisfactionAsBenefit.Id] = 1,
        [CredibilityRule.NoCost.Id] = 1,
        [CredibilityRule.NoBenefit.Id] = 1,
        [CredibilityRule.ZeroWeight.Id] = 1,
    };

    /// <summary>A rule not in the table (one added later) weighs 1: it still raises the chance, never lowers it.</summary>
    public static int WeightOf(string rule) => FlagWeights.GetValueOrDefault(rule, 1);

    public static int WeightOf(IEnumerable<string> flagRules) => 1 + flagRules.Sum(WeightOf);
}
