using Approval.Workflow.Credibility;
using Approval.Workflow.SpotChecks;

namespace Approval.Workflow.Tests;

/// <summary>抽查 (#29.3): the draw is reproducible from its seed, weighted by the 自评质量 flags, with a uniform random share.</summary>
public class SpotCheckSamplingTests
{
    private static readonly string Heavy = CredibilityRule.ScoreAboveFunds.Id;

    private static SpotCheckCandidate Form(int n, params string[] flags) => new(new Guid(n, 0, 0, new byte[8]), flags);

    private static List<SpotCheckCandidate> Population(int count) => [.. Enumerable.Range(1, count).Select(n => Form(n))];

    [Fact]
    public void The_random_numbers_are_SplitMix64s_whatever_the_runtime()
    {
        // the published reference output of SplitMix64 seeded with 0
        var rng = new SpotCheckRandom(0);
        Assert.Equal(0xE220A8397B1DCDAFUL, rng.Next());
        Assert.Equal(0x6E789E6AA1B965F4UL, rng.Next());
    }

    [Fact]
    public void The_same_seed_over_the_same_population_gives_the_same_sample_in_whatever_order_the_population_came()
    {
        var population = Enumerable.Range(1, 40).Select(n => Form(n, n % 3 == 0 ? [Heavy] : [])).ToList();
        var first = SpotCheckSampling.Draw(population, 8, 25, 20261206);
        var shuffled = population.OrderBy(c => c.SubmissionId.GetHashCode()).Reverse().ToList();
        var again = SpotCheckSampling.Draw(shuffled, 8, 25, 20261206);
        Assert.Equal(first, again);
        Assert.Equal(8, first.Select(d => d.SubmissionId).Distinct().Count());
        Assert.NotEqual(first.Select(d => d.SubmissionId), SpotCheckSampling.Draw(population, 8, 25, 20261207).Select(d => d.SubmissionId));
    }

    [Fact]
    public void The_random_share_is_rounded_half_away_from_zero_and_the_rest_is_drawn_by_risk()
    {
        Assert.Equal((3, 2), SpotCheckSampling.Split(5, 30));   // 1.5 → 2
        Assert.Equal((4, 1), SpotCheckSampling.Split(5, 20));
        Assert.Equal((0, 5), SpotCheckSampling.Split(5, 100));
        Assert.Equal((5, 0), SpotCheckSampling.Split(5, 0));
        var drawn = SpotCheckSampling.Draw(Population(20), 5, 30, 7);
        Assert.Equal([DrawReason.Risk, DrawReason.Risk, DrawReason.Risk, DrawReason.Random, DrawReason.Random], drawn.Select(d => d.Reason));
    }

    [Fact]
    public void Heavier_flags_make_a_form_more_likely_in_the_risk_part_and_no_likelier_in_the_random_part()
    {
        // one form with three score-inflating flags (weight 1 + 3 × 3 = 10) among nine without flags (weight 1 each)
        List<SpotCheckCandidate> population = [Form(1, Heavy, Heavy, Heavy), .. Enumerable.Range(2, 9).Select(n => Form(n))];
        const int Draws = 2000;
        int ByRisk(int share) => Enumerable.Range(0, Draws).Count(seed => SpotCheckSampling.Draw(population, 1, share, seed)[0].SubmissionId == population[0].SubmissionId);

        // risk: 10 / 19 ≈ 53% against 1 / 19 ≈ 5% for each other form
        var risky = ByRisk(0);
        Assert.InRange(risky, Draws * 45 / 100, Draws * 60 / 100);
        // random: 1 / 10 whatever its flags
        Assert.InRange(ByRisk(100), Draws * 6 / 100, Draws * 14 / 100);

        // a lighter flag raises the chance less than a heavier one
        List<SpotCheckCandidate> two = [Form(1, Heavy), Form(2, CredibilityRule.NoCost.Id), .. Enumerable.Range(3, 8).Select(n => Form(n))];
        var heavier = Enumerable.Range(0, Draws).Count(seed => SpotCheckSampling.Draw(two, 1, 0, seed)[0].SubmissionId == two[0].SubmissionId);
        var lighter = Enumerable.Range(0, Draws).Count(seed => SpotCheckSampling.Draw(two, 1, 0, seed)[0].SubmissionId == two[1].SubmissionId);
        Assert.True(heavier > lighter * 3 / 2, $"weight 4 drawn {heavier} times, weight 2 {lighter} times");
    }

    [Fact]
    public void A_sample_larger_than_the_population_takes_every_form_once()
    {
        var population = Population(4);
        var drawn = SpotCheckSampling.Draw(population, 10, 50, 1);
        Assert.Equal(population.Select(c => c.SubmissionId).Order(), drawn.Select(d => d.SubmissionId).Order());
        Assert.Equal(2, drawn.Count(d => d.Reason == DrawReason.Random)); // half of the four it could take
    }

    [Fact]
    public void An_empty_population_gives_an_empty_sample()
    {
        Assert.Empty(SpotCheckSampling.Draw([], 5, 20, 1));
        Assert.Empty(SpotCheckSampling.Draw(Population(3), 0, 20, 1));
    }

    [Fact]
    public void A_forms_weight_is_one_plus_its_flags_weights()
    {
        Assert.Equal(1, Form(1).Weight);
        Assert.Equal(1 + 3 + 2 + 1, Form(1, Heavy, CredibilityRule.VagueFullMarks.Id, CredibilityRule.NoCost.Id).Weight);
        Assert.Equal(2, Form(1, "CR-SOMETHING-NEW").Weight);
        Assert.All(CredibilityRule.All, r => Assert.True(SpotCheckRisk.FlagWeights.ContainsKey(r.Id), $"{r.Id} has no weight"));
    }
}
