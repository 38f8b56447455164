using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Approval.Bench;

/// <summary>The real app as its own process (Release build), so the benchmark measures what a deployment runs.</summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly CancellationTokenSource _sampling = new();
    public string Url { get; }
    public int ProcessId => _process.Id;
    /// <summary>From the process start to the app's "已启动" line.</summary>
    public TimeSpan StartedAfter { get; private set; }
    /// <summary>Runs from the moment the app printed its "已启动" line.</summary>
    public Stopwatch SinceStarted { get; }
    public long PeakWorkingSet { get; private set; }

    /// <summary>CPU time the app process has used so far (user + system, all threads).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    private AppProcess(Process process, string url, Stopwatch sinceStarted)
    {
        _process = process;
        Url = url;
        SinceStarted = sinceStarted;
        _ = Task.Run(async () =>
        {
            while (!_sampling.IsCancellationRequested)
            {
                try
                {
                    _process.Refresh();
                    PeakWorkingSet = Math.Max(PeakWorkingSet, _process.WorkingSet64);
                }
                catch (InvalidOperationException) { return; }
                await Task.Delay(200);
            }
        });
    }

    public static async Task<AppProcess> StartAsync(string dll, string appConnection, string ownerConnection,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        listener.Stop();
        var psi = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true, RedirectStandardError = true,
            Environment =
            {
                ["ConnectionStrings__Approval"] = appConnection, ["ConnectionStrings__ApprovalOwner"] = ownerConnection,
                ["Approval__Demo"] = "false", ["Approval__ChainKey"] = "bench-key", ["ASPNETCORE_URLS"] = url,
                ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Logging__LogLevel__Default"] = "Warning",
                // every simulated person signs in from this one machine
                ["Approval__SignIn__PerAddressPerMinute"] = "100000",
            },
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) psi.Environment[key] = value;
        // profiling aid: BENCH_APP_X=v sets X=v for the app only (e.g. BENCH_APP_DOTNET_PerfMapEnabled=1)
        foreach (System.Collections.DictionaryEntry variable in Environment.GetEnvironmentVariables())
            if (variable.Key is string key && key.StartsWith("BENCH_APP_", StringComparison.Ordinal))
                psi.Environment[key["BENCH_APP_".Length..]] = variable.Value as string;
        var launched = Stopwatch.StartNew();
        var started = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        var sinceStarted = new Stopwatch();
        var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("已启动", StringComparison.Ordinal) == true && started.TrySetResult(launched.Elapsed)) sinceStarted.Start();
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line && line.Contains("fail", StringComparison.OrdinalIgnoreCase)) Console.Error.WriteLine("app: " + line); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var startedAfter = await started.Task.WaitAsync(TimeSpan.FromSeconds(120));
            return new AppProcess(process, url, sinceStarted) { StartedAfter = startedAfter };
        }
        catch (TimeoutException)
        {
            process.Kill(true);
            throw new TimeoutException("the app did not start within 120 s");
        }
    }

    private bool _disposed;

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        _sampling.Cancel();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
