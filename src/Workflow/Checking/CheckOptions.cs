namespace Approval.Workflow.Checking;

/// <summary>
/// Tolerances. Each figure printed to 0.01 万元 carries up to 0.005 of rounding error, so a sum of n
/// printed figures compared with a printed total may differ by up to (n + 1) × 0.005 without any mistake.
/// Differences within that bound are <see cref="Severity.Rounding"/> notes; beyond it they are errors.
/// </summary>
public sealed record CheckOptions
{
    public static readonly CheckOptions Default = new();

    /// <summary>Rounding error one printed figure can carry, in 万元. Default 0.005 (half of 0.01).</summary>
    public decimal RoundingPerFigure { get; init; } = 0.005m;

    /// <summary>The tolerance for comparing a total with the sum of <paramref name="figures"/> printed parts.</summary>
    public decimal ToleranceFor(int figures) => RoundingPerFigure * (Math.Max(figures, 1) + 1);

    /// <summary>Classifies the difference between a stated total and the sum of its parts.</summary>
    public Severity? Classify(decimal difference, int figures)
    {
        if (difference == 0) return null;
        return Math.Abs(difference) <= ToleranceFor(figures) ? Severity.Rounding : Severity.Error;
    }
}
