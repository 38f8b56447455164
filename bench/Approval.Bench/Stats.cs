namespace Approval.Bench;

public sealed record Summary(int Count, double P50, double P95, double P99, double Min, double Max)
{
    public static Summary Of(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0) return new Summary(0, 0, 0, 0, 0, 0);
        var sorted = values.Order().ToArray();
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return new Summary(sorted.Length, At(0.50), At(0.95), At(0.99), sorted[0], sorted[^1]);
    }
}

/// <summary>Median and range of repeated runs.</summary>
public sealed record Spread(double Median, double Min, double Max)
{
    public static Spread Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return new Spread(sorted[sorted.Length / 2], sorted[0], sorted[^1]);
    }

    public override string ToString() => $"{Median:0.0} ({Min:0.0}–{Max:0.0})";
}
