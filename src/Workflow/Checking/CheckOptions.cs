namespace Approval.Workflow.Checking;

/// <summary>
/// Tolerances. Each figure printed to 0.01 万元 carries up to 0.005 of rounding error, so a stated total compared with
/// the sum of its printed parts may differ by up to 0.005 for each figure that carries rounding without any mistake.
/// A figure printed as exactly 0.00 (or left empty) carries none: it stands for nothing spent, not for a rounded amount —
/// otherwise every "0.00" line of a 公开表 would widen the tolerance and hide a real error.
/// Differences within that bound are <see cref="Severity.Rounding"/> notes; beyond it they are errors.
/// </summary>
public sealed record CheckOptions
{
    public static readonly CheckOptions Default = new();

    /// <summary>Rounding error one printed figure can carry, in 万元. Default 0.005 (half of 0.01).</summary>
    public decimal RoundingPerFigure { get; init; } = 0.005m;

    /// <summary>How many of the compared figures carry rounding: the non-zero parts and the non-zero stated total.</summary>
    public static int FiguresCarryingRounding(decimal? stated, IEnumerable<decimal?> parts) =>
        parts.Count(p => p is not null and not 0) + (stated is not null and not 0 ? 1 : 0);

    /// <summary>The tolerance for comparing <paramref name="stated"/> with the sum of <paramref name="parts"/>.</summary>
    public decimal ToleranceFor(decimal? stated, IEnumerable<decimal?> parts) => RoundingPerFigure * FiguresCarryingRounding(stated, parts);

    /// <summary>Classifies the difference between a stated total and the sum of its parts (missing parts count as 0).</summary>
    public Severity? Classify(decimal? stated, IReadOnlyList<decimal?> parts)
    {
        var difference = (stated ?? 0) - parts.Sum(p => p ?? 0);
        if (difference == 0) return null;
        return Math.Abs(difference) <= ToleranceFor(stated, parts) ? Severity.Rounding : Severity.Error;
    }
}
