using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Approval.Bench;

/// <summary>
/// Debian's redis-server on a free loopback port, without persistence, for the SignalR backplane of several nodes
/// (scripts/prerequisites.sh installs it; `apt-get install -y redis-server` otherwise).
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly Process _process;
    public string Endpoint { get; }

    private RedisServer(Process process, string endpoint)
    {
        _process = process;
        Endpoint = endpoint;
    }

    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static string? Locate() =>
        new[] { Environment.GetEnvironmentVariable("REDIS_SERVER"), "/usr/bin/redis-server", "/usr/local/bin/redis-server", "/opt/homebrew/bin/redis-server" }
            .FirstOrDefault(File.Exists);

    public static async Task<RedisServer> StartAsync()
    {
        var binary = Locate() ?? throw new FileNotFoundException("redis-server not found: apt-get install -y redis-server (or set REDIS_SERVER)");
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var psi = new ProcessStartInfo(binary, ["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
            "--save", "", "--appendonly", "no", "--daemonize", "no", "--protected-mode", "yes"])
        { RedirectStandardOutput = true, RedirectStandardError = true };
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, e) => { if (e.Data?.Contains("Ready to accept connections", StringComparison.Ordinal) == true) ready.TrySetResult(); };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await ready.Task.WaitAsync(TimeSpan.FromSeconds(20));
        }
        catch (TimeoutException)
        {
            process.Kill(true);
            throw new TimeoutException("redis-server did not start within 20 s");
        }
        return new RedisServer(process, $"127.0.0.1:{port}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
