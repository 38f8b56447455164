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

    private AppProcess(Process process, string url)
    {
        _process = process;
        Url = url;
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

    public static async Task<AppProcess> StartAsync(string dll, string appConnection, string ownerConnection)
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
            },
        };
        // profiling aid: BENCH_APP_X=v sets X=v for the app only (e.g. BENCH_APP_DOTNET_PerfMapEnabled=1)
        foreach (System.Collections.DictionaryEntry variable in Environment.GetEnvironmentVariables())
            if (variable.Key is string key && key.StartsWith("BENCH_APP_", StringComparison.Ordinal))
                psi.Environment[key["BENCH_APP_".Length..]] = variable.Value as string;
        var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line && line.Contains("fail", StringComparison.OrdinalIgnoreCase)) Console.Error.WriteLine("app: " + line); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient();
        for (var i = 0; i < 600; i++)
        {
            try
            {
                if ((await http.GetAsync($"{url}/health")).IsSuccessStatusCode) return new AppProcess(process, url);
            }
            catch (HttpRequestException) { }
            await Task.Delay(100);
        }
        process.Kill(true);
        throw new TimeoutException("the app did not become healthy");
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
