using System.Collections.Concurrent;
using System.Diagnostics;
using Approval.LocalDatabase;

namespace Approval.Web.Tests.Infrastructure;

/// <summary>
/// The app in a process of its own, as a user or an operator starts it: README's `dotnet run --project src/Web` from the
/// repository root (without building again: the test run has built it), or the built binary. Waits are sized for a
/// loaded 2-core machine; everything the app prints is kept for assertions and failure messages.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    /// <summary>The last line of the start-up banner: when it is read, the whole banner is in <see cref="Output"/>.</summary>
    public const string StartedLine = "按 Ctrl+C 停止";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Url { get; }
    public string Output => string.Join('\n', _output);
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;

    private AppProcess(ProcessStartInfo psi, string url)
    {
        Url = url;
        _process = new Process { StartInfo = psi, EnableRaisingEvents = true };
        void Keep(string? line)
        {
            if (line is null) return;
            _output.Enqueue(line);
            if (line.Contains(StartedLine, StringComparison.Ordinal)) _started.TrySetResult();
        }
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.Exited += (_, _) => _started.TrySetException(new InvalidOperationException($"the app exited before it started:\n{Output}"));
    }

    /// <summary>README's run command: `dotnet run --project src/Web` in the repository root, in the Production environment.</summary>
    public static Task<AppProcess> RunAsync(IDictionary<string, string> environment) =>
        StartAsync("dotnet", ["run", "--no-build", "--configuration", BuildConfiguration(), "--project", Path.Combine("src", "Web")],
            RepositoryRoot.Find()!, environment);

    /// <summary>The built binary, run from its own folder; on <paramref name="url"/> (a node started again keeps its address) or a free port.</summary>
    public static Task<AppProcess> BinaryAsync(IDictionary<string, string> environment, string? url = null) =>
        StartAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "Approval.Web.dll")], AppContext.BaseDirectory, WithQuickStart(environment), url);

    /// <summary>
    /// The app turns tiered compilation off (Web.csproj: a long-running server compiles every method fully optimized at
    /// once), which costs a start about 2 s of CPU more (measured: 4.1 → 2.3 CPU-s to the banner). The binaries and
    /// commands these tests start live seconds to a minute and only their behaviour is under test, so they start with
    /// the runtime's default (tiering on, without dynamic PGO's instrumented tier, as the test host) and leave the CPU to
    /// the rest of the run. README's `dotnet run` (<see cref="RunAsync"/>) keeps the shipped setting.
    /// </summary>
    private static Dictionary<string, string> WithQuickStart(IDictionary<string, string> environment) =>
        new(environment) { ["DOTNET_TieredCompilation"] = "1", ["DOTNET_TieredPGO"] = "0" };

    /// <summary>The app with arguments (a command such as `accounts add-admin`), run to its end.</summary>
    public static async Task<(int ExitCode, string Output)> CommandAsync(IDictionary<string, string> environment, string? standardInput, params string[] args)
    {
        var url = $"http://127.0.0.1:{FreePort()}"; // in case it serves after all: never on the default port
        var folder = AppFolder();
        var psi = Describe("dotnet", [Path.Combine(folder, "Approval.Web.dll"), .. args], folder,
            new Dictionary<string, string>(WithQuickStart(environment)) { ["ASPNETCORE_URLS"] = url });
        psi.RedirectStandardInput = true;
        await using var app = new AppProcess(psi, url);
        app._process.Start();
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        if (standardInput is not null) await app._process.StandardInput.WriteLineAsync(standardInput);
        app._process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            await app._process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"`{string.Join(' ', args)}` did not end within {StartTimeout.TotalSeconds} s:\n{app.Output}");
        }
        app._process.WaitForExit(); // drains the output readers
        return (app._process.ExitCode, app.Output);
    }

    private static async Task<AppProcess> StartAsync(string file, string[] args, string workingDirectory, IDictionary<string, string> environment, string? url = null)
    {
        url ??= $"http://127.0.0.1:{FreePort()}";
        var app = new AppProcess(Describe(file, args, workingDirectory, new Dictionary<string, string>(environment) { ["ASPNETCORE_URLS"] = url }), url);
        app._process.Start();
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        try
        {
            await app._started.Task.WaitAsync(StartTimeout);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return app;
    }

    /// <summary>A clean environment for the child: none of the test run's own app settings leak into it.</summary>
    private static ProcessStartInfo Describe(string file, string[] args, string workingDirectory, IDictionary<string, string> environment)
    {
        var psi = new ProcessStartInfo(file, args)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var key in psi.Environment.Keys.ToList())
            if (key.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase) || key.StartsWith("Approval__", StringComparison.OrdinalIgnoreCase)
                || key is "ASPNETCORE_ENVIRONMENT" or "DOTNET_ENVIRONMENT" or "ASPNETCORE_URLS" or "ASPNETCORE_CONTENTROOT")
                psi.Environment.Remove(key);
        foreach (var (key, value) in environment) psi.Environment[key] = value;
        return psi;
    }

    /// <summary>Waits until /health answers 200, with a generous budget for a loaded machine.</summary>
    public async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"the app exited:\n{Output}");
            try
            {
                if ((await http.GetAsync($"{Url}/health")).IsSuccessStatusCode) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"the app did not become healthy within {StartTimeout.TotalSeconds} s:\n{Output}");
    }

    /// <summary>SIGKILL, the whole process tree: no shutdown, no flushing.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as a service manager stops it (a rolling restart): the host shuts down in order. SIGKILL after <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process.HasExited) return;
        _ = SendSignal(_process.Id, 15);
        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    public async ValueTask DisposeAsync()
    {
        try { await KillAsync(); }
        catch (InvalidOperationException) { } // never started
        _process.Dispose();
    }

    public static int FreePort() => LocalDatabase.LoopbackPort.Free();

    /// <summary>Debug or Release: the configuration this test assembly (and so the app beside it) was built in.</summary>
    /// <summary>
    /// The Web project's own build output, as `dotnet run` uses it. Commands scan the assemblies beside the app for
    /// extensions (JasperFx): in the test folder that includes the test assemblies, whose assembly-level test-framework
    /// attributes (a collection orderer, say) the app cannot load.
    /// </summary>
    private static string AppFolder()
    {
        var own = Path.Combine(RepositoryRoot.Find()!, "src", "Web", "bin", BuildConfiguration(), Path.GetFileName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)));
        return File.Exists(Path.Combine(own, "Approval.Web.dll")) ? own : AppContext.BaseDirectory;
    }

    public static string BuildConfiguration() =>
        Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)))!;
}
