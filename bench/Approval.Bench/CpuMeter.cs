using System.Globalization;

namespace Approval.Bench;

/// <summary>
/// CPU time, from /proc, of the three parties sharing the machine: the app, PostgreSQL (every server process
/// plus what the postmaster collected from exited ones) and this load generator.
/// </summary>
public sealed record CpuSample(TimeSpan App, TimeSpan Postgres, TimeSpan Load)
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public static CpuSample Take(AppProcess? app) => new(app?.CpuTime ?? TimeSpan.Zero, PostgresCpu(), Own());

    public static CpuSample operator -(CpuSample a, CpuSample b) => new(a.App - b.App, a.Postgres - b.Postgres, a.Load - b.Load);

    private static TimeSpan Own()
    {
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    private static TimeSpan PostgresCpu()
    {
        if (!OperatingSystem.IsLinux()) return TimeSpan.Zero;
        double ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out _)) continue;
            string stat;
            try { stat = File.ReadAllText(Path.Combine(dir, "stat")); }
            catch (IOException) { continue; }
            catch (UnauthorizedAccessException) { continue; }
            var open = stat.IndexOf('(');
            var close = stat.LastIndexOf(')');
            if (open < 0 || close < 0 || stat[(open + 1)..close] != "postgres") continue;
            var fields = stat[(close + 2)..].Split(' ');
            // fields[0] is the state (field 3); utime, stime, cutime, cstime are fields 14–17
            for (var f = 11; f <= 14; f++) ticks += double.Parse(fields[f], CultureInfo.InvariantCulture);
        }
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
