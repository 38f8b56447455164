namespace Approval.Workflow.SpotChecks;

/// <summary>
/// The draw's random numbers: SplitMix64 (Steele, Lea &amp; Flood 2014), written out here so that a seed gives the same
/// numbers on every machine and every .NET version for as long as the draw must be re-done (<see cref="System.Random"/>
/// promises no such thing). Integer arithmetic only: no floating point decides which form is drawn.
/// </summary>
public sealed class SpotCheckRandom(long seed)
{
    private ulong _state = unchecked((ulong)seed);

    public ulong Next()
    {
        unchecked
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>A number in 0 … <paramref name="bound"/> − 1, each equally likely (the few values that would favour the
    /// low numbers are drawn again).</summary>
    public ulong Below(ulong bound)
    {
        ArgumentOutOfRangeException.ThrowIfZero(bound);
        var limit = ulong.MaxValue - (ulong.MaxValue % bound + 1) % bound;
        ulong value;
        do value = Next(); while (value > limit);
        return value % bound;
    }
}
