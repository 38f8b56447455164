using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Approval.LocalDatabase;

/// <summary>
/// A private redis-server for the SignalR backplane of several local nodes (the tests, the benchmark, `./run.sh --nodes`):
/// Debian's binary, on 127.0.0.1, on a free port, with no persistence (the backplane only relays live messages; nothing
/// in it outlives the nodes). Stopped with <see cref="DisposeAsync"/>, or with this process.
/// </summary>
public sealed class LocalRedis : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    public int Port { get; }
    /// <summary>What <c>ConnectionStrings__Redis</c> is set to for the nodes.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";
    public string Output { get { lock (_output) return _output.ToString(); } }

    private LocalRedis(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public static async Task<LocalRedis> StartAsync(CancellationToken ct = default)
    {
        var binary = Find() ?? throw new InvalidOperationException(
            "未找到 redis-server。redis-server not found: install it (Debian/Ubuntu: `apt-get install -y redis-server`, or run scripts/prerequisites.sh) or set REDIS_SERVER to it.");
        var port = LoopbackPort.Free();
        var psi = new ProcessStartInfo(binary,
            ["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--daemonize", "no", "--dir", Path.GetTempPath(), "--loglevel", "warning"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        var process = new Process { StartInfo = psi };
        var redis = new LocalRedis(process, port);
        process.OutputDataReceived += (_, e) => redis.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => redis.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => redis.Kill();
        try
        {
            await redis.WaitUntilReadyAsync(ct);
        }
        catch
        {
            await redis.DisposeAsync();
            throw;
        }
        return redis;
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    private async Task WaitUntilReadyAsync(CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"redis-server exited ({_process.ExitCode}):\n{Output}");
            if (await PingAsync(ct)) return;
            await Task.Delay(50, ct);
        }
        throw new TimeoutException($"redis-server did not answer PING on port {Port} within {StartTimeout.TotalSeconds} s:\n{Output}");
    }

    /// <summary>True when the server answers PING.</summary>
    public async Task<bool> PingAsync(CancellationToken ct = default)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port, ct);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), ct);
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer, ct);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is SocketException or IOException) { return false; }
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited) _process.Kill();
        }
        catch (InvalidOperationException) { }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        try { await _process.WaitForExitAsync(); }
        catch (InvalidOperationException) { }
        _process.Dispose();
    }

    private static string? Find()
    {
        var fromEnv = Environment.GetEnvironmentVariable("REDIS_SERVER");
        if (!string.IsNullOrWhiteSpace(fromEnv) && File.Exists(fromEnv)) return fromEnv;
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin").Append("/usr/sbin").Append("/usr/local/bin")
            .Select(dir => Path.Combine(dir, "redis-server")).FirstOrDefault(File.Exists);
    }
}
