using System.Globalization;

namespace Approval.Bench;

/// <summary>
/// CPU time, from /proc, of the parties sharing the machine: the app (all its nodes, and Redis when there is one),
/// PostgreSQL (the benchmark's cluster: its postmaster, what it collected from exited children, and its live
/// children — not other clusters on the same machine) and this load generator.
/// </summary>
public sealed record CpuSample(TimeSpan App, TimeSpan Postgres, TimeSpan Load)
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    /// <summary>The postmaster of the benchmark's cluster; unset, every process named postgres counts.</summary>
    public static int? Postmaster { get; set; }

    public static CpuSample Take(AppProcess? app) => new(app?.CpuTime ?? TimeSpan.Zero, PostgresCpu(), Own());

    /// <summary>Several nodes and the processes they share besides PostgreSQL (Redis).</summary>
    public static CpuSample Take(IEnumerable<AppProcess> apps, RedisServer? redis) =>
        new(apps.Aggregate(redis?.CpuTime ?? TimeSpan.Zero, (sum, app) => sum + app.CpuTime), PostgresCpu(), Own());

    public static CpuSample operator -(CpuSample a, CpuSample b) => new(a.App - b.App, a.Postgres - b.Postgres, a.Load - b.Load);

    /// <summary>The postmaster's pid from the first line of postmaster.pid in <paramref name="dataDirectory"/>.</summary>
    public static int? PostmasterOf(string dataDirectory)
    {
        var file = Path.Combine(dataDirectory, "postmaster.pid");
        try { return File.Exists(file) && int.TryParse(File.ReadLines(file).FirstOrDefault(), out var pid) ? pid : null; }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

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
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            string stat;
            try { stat = File.ReadAllText(Path.Combine(dir, "stat")); }
            catch (IOException) { continue; }
            catch (UnauthorizedAccessException) { continue; }
            var open = stat.IndexOf('(');
            var close = stat.LastIndexOf(')');
            if (open < 0 || close < 0 || stat[(open + 1)..close] != "postgres") continue;
            var fields = stat[(close + 2)..].Split(' ');
            // fields[0] is the state (field 3), fields[1] the parent (field 4); utime, stime, cutime, cstime are fields 14–17
            if (Postmaster is { } postmaster && pid != postmaster && fields[1] != postmaster.ToString(CultureInfo.InvariantCulture)) continue;
            for (var f = 11; f <= 14; f++) ticks += double.Parse(fields[f], CultureInfo.InvariantCulture);
        }
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
