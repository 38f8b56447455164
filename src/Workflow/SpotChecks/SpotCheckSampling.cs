namespace Approval.Workflow.SpotChecks;

/// <summary>One form the draw may pick: its id and the rule ids of its 自评质量 flags at the time of the draw.</summary>
public sealed record SpotCheckCandidate(Guid SubmissionId, IReadOnlyList<string> FlagRules)
{
    public int Weight => SpotCheckRisk.WeightOf(FlagRules);
}

/// <summary>Why a form was drawn: by its risk (weighted by its flags) or in the random share (uniform among the rest).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<DrawReason>))]
public enum DrawReason { Risk, Random }

/// <summary>A form the draw picked, in the order it was picked, with the weight it was drawn at.</summary>
public sealed record DrawnForm(Guid SubmissionId, DrawReason Reason, int Weight);

/// <summary>
/// 抽查: which forms of a population a draw picks. Deterministic in (population, sample size, random share, seed): the
/// population is put in one order (by submission id) whatever order it came in, the random numbers are
/// <see cref="SpotCheckRandom"/>'s, and every choice is integer arithmetic — so re-running a recorded draw gives the same
/// sample. The sample is min(size, population); its random share is round(n × share ÷ 100) (half away from zero), the rest
/// is drawn by risk: one at a time without replacement, each remaining form with probability weight ÷ Σ weights. The random
/// share is then drawn uniformly from the forms not yet drawn.
/// </summary>
public static class SpotCheckSampling
{
    public static IReadOnlyList<DrawnForm> Draw(IReadOnlyCollection<SpotCheckCandidate> population, int sampleSize, int randomSharePercent, long seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sampleSize);
        ArgumentOutOfRangeException.ThrowIfNegative(randomSharePercent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(randomSharePercent, 100);
        var (risk, random) = Split(Math.Min(sampleSize, population.Count), randomSharePercent);
        var rest = population.DistinctBy(c => c.SubmissionId).OrderBy(c => c.SubmissionId.ToString("D"), StringComparer.Ordinal).ToList();
        var rng = new SpotCheckRandom(seed);
        var drawn = new List<DrawnForm>(risk + random);
        for (var i = 0; i < risk && rest.Count > 0; i++)
        {
            var total = rest.Aggregate(0UL, (sum, c) => sum + (ulong)c.Weight);
            var point = rng.Below(total);
            var at = 0;
            for (var cumulative = (ulong)rest[0].Weight; cumulative <= point; cumulative += (ulong)rest[++at].Weight) { }
            drawn.Add(new DrawnForm(rest[at].SubmissionId, DrawReason.Risk, rest[at].Weight));
            rest.RemoveAt(at);
        }
        for (var i = 0; i < random && rest.Count > 0; i++)
        {
            var at = (int)rng.Below((ulong)rest.Count);
            drawn.Add(new DrawnForm(rest[at].SubmissionId, DrawReason.Random, rest[at].Weight));
            rest.RemoveAt(at);
        }
        return drawn;
    }

    /// <summary>How many of <paramref name="n"/> are drawn by risk and how many at random.</summary>
    public static (int Risk, int Random) Split(int n, int randomSharePercent)
    {
        var random = (int)Math.Round(n * randomSharePercent / 100m, MidpointRounding.AwayFromZero);
        return (n - random, random);
    }
}
