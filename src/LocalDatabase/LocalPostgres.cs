using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;

namespace Approval.LocalDatabase;

/// <summary>
/// The embedded default database: a private PostgreSQL cluster created on first use from the machine's
/// PostgreSQL binaries, in a git-ignored folder, listening on 127.0.0.1 only, on a free port, reused by
/// later runs. Works as root (initdb refuses root, so the cluster then belongs to the <c>postgres</c> user)
/// and as a normal user.
/// </summary>
public sealed class LocalPostgres
{
    private const string SuperUser = "approval";
    /// <summary>The role the application runs as: it may not change or delete event rows (see DatabaseMigrator in src/Web).</summary>
    public const string AppRole = "approval_app";
    private readonly string _stateDir;
    private readonly string _binDir;
    private readonly bool _asRoot;

    private LocalPostgres(string stateDir, string binDir, bool asRoot)
    {
        _stateDir = stateDir;
        _binDir = binDir;
        _asRoot = asRoot;
    }

    public string DataDirectory { get; private set; } = "";
    /// <summary>Where initdb, pg_ctl, pg_dump and pg_restore of this installation are.</summary>
    public string BinDirectory => _binDir;
    public int Port { get; private set; }
    public bool StartedByThisProcess { get; private set; }
    /// <summary>
    /// Whether this process owns the cluster — stops it when it ends. The owner is written down beside the state
    /// (<c>postgres.owner.json</c>: a process id and its start time): the process that started the cluster, or the one
    /// named as owner (<c>./run.sh --nodes</c> names its own script, so that no node takes the database down with it),
    /// or — when the recorded owner is gone (killed) — the next process that finds the cluster running, which adopts it
    /// instead of leaving it orphaned.
    /// </summary>
    public bool Owns { get; private set; }
    /// <summary>True when this process found the cluster running with its recorded owner gone, and adopted it.</summary>
    public bool AdoptedOrphan { get; private set; }
    private string Password { get; set; } = "";
    private string AppPassword { get; set; } = "";

    /// <summary>Finds the binaries and the state folder; throws <see cref="LocalPostgresUnavailableException"/> with what to install.</summary>
    public static LocalPostgres Locate(string? stateDirectory = null)
    {
        var binDir = FindBinaries() ?? throw new LocalPostgresUnavailableException(
            "未找到 PostgreSQL 程序 (initdb/pg_ctl)。No PostgreSQL server binaries found. Install them " +
            "(Debian/Ubuntu: `apt-get install -y postgresql`; macOS: `brew install postgresql@16`), set PG_BIN to their folder, " +
            "or start the database with `docker compose up -d db` and set ConnectionStrings__Approval.");
        return new LocalPostgres(stateDirectory ?? DefaultStateDirectory(), binDir, IsRoot());
    }

    /// <summary>
    /// Creates the cluster if needed and starts it if it is not running; returns a superuser connection string to database
    /// <paramref name="database"/>. <paramref name="ownerProcessId"/> names the owner when it is not this process (a script
    /// that starts the cluster for processes of its own); the owner is recorded when the cluster is started here or found
    /// orphaned.
    /// </summary>
    public async Task<string> EnsureRunningAsync(string database = "postgres", int? ownerProcessId = null, CancellationToken ct = default)
    {
        Directory.CreateDirectory(_stateDir);
        using (await AcquireLockAsync(ct))
        {
            var state = FollowMovedCluster(LoadOrCreateState());
            if (string.IsNullOrEmpty(state.AppPassword))
            {
                state = state with { AppPassword = NewSecret() };
                SaveState(state);
            }
            DataDirectory = state.DataDirectory;
            Password = state.Password;
            AppPassword = state.AppPassword!;

            if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
                await InitDbAsync(ct);

            var owner = ownerProcessId ?? Environment.ProcessId;
            var runningPort = ReadRunningPort();
            if (runningPort is { } port && await CanConnectAsync(port, ct))
            {
                Port = port;
                // Someone alive owns it already (another ./run.sh, the test run): this process shares it and stops nothing.
                if (ClusterOwner.Read(OwnerFile) is not { IsAlive: true })
                {
                    AdoptedOrphan = true;
                    ClusterOwner.Of(owner).Write(OwnerFile);
                }
            }
            else
            {
                Port = LoopbackPort.IsFree(state.Port) ? state.Port : LoopbackPort.Free();
                await StartAsync(ct);
                StartedByThisProcess = true;
                ClusterOwner.Of(owner).Write(OwnerFile);
                if (Port != state.Port) SaveState(state with { Port = Port });
            }
            Owns = ClusterOwner.Read(OwnerFile)?.ProcessId == Environment.ProcessId;
        }
        return ConnectionString(database);
    }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Database={database};Username={SuperUser};Password={Password};Pooling=true;Maximum Pool Size=60;Timeout=15;Command Timeout=60";

    private static readonly SemaphoreSlim RoleLock = new(1, 1);
    private bool _appRoleReady;

    /// <summary>The application role's connection to <paramref name="database"/>; the role is created (or its password set) once per process.</summary>
    public async Task<string> AppConnectionStringAsync(string database)
    {
        await RoleLock.WaitAsync();
        try
        {
            for (var attempt = 0; !_appRoleReady; attempt++)
            {
                try
                {
                    await using var conn = new Npgsql.NpgsqlConnection(ConnectionString("postgres"));
                    await conn.OpenAsync();
                    await using var cmd = new Npgsql.NpgsqlCommand(
                        $"do $$ begin if not exists (select 1 from pg_roles where rolname = '{AppRole}') then create role {AppRole} login password '{AppPassword}'; " +
                        $"else alter role {AppRole} login password '{AppPassword}'; end if; end $$;", conn);
                    await cmd.ExecuteNonQueryAsync();
                    _appRoleReady = true;
                }
                // Another process (the app beside the tests) may be doing the same at this instant.
                catch (Npgsql.PostgresException e) when (attempt < 10 && e.SqlState is "XX000" or "42710" or "23505")
                {
                    await Task.Delay(100 * (attempt + 1));
                }
            }
        }
        finally { RoleLock.Release(); }
        return $"Host=127.0.0.1;Port={Port};Database={database};Username={AppRole};Password={AppPassword};Pooling=true;Maximum Pool Size=60;Timeout=15;Command Timeout=60";
    }

    private static string NewSecret() => Convert.ToHexString(RandomNumberGenerator.GetBytes(18)).ToLowerInvariant();

    public async Task StopAsync()
    {
        if (string.IsNullOrEmpty(DataDirectory)) return;
        await RunAsync(Bin("pg_ctl"), ["stop", "-D", DataDirectory, "-m", "fast", "-w", "-t", "60"], CancellationToken.None, allowFailure: true);
        File.Delete(OwnerFile);
    }

    /// <summary>Stops the cluster when the recorded owner is <paramref name="ownerProcessId"/>; false (and nothing done) otherwise.</summary>
    public async Task<bool> StopIfOwnedByAsync(int ownerProcessId)
    {
        if (ClusterOwner.Read(OwnerFile)?.ProcessId != ownerProcessId || !LoadKnownState()) return false;
        await StopAsync();
        return true;
    }

    /// <summary>The recorded owner of the cluster, if any (alive or not).</summary>
    public ClusterOwner? RecordedOwner() => ClusterOwner.Read(OwnerFile);

    /// <summary>Whether the cluster of this state folder answers now (without starting it).</summary>
    public async Task<bool> IsRunningAsync(CancellationToken ct = default) =>
        LoadKnownState() && ReadRunningPort() is { } port && await CanConnectAsync(port, ct);

    /// <summary>The cluster this state folder describes, without creating one; false when there is none yet.</summary>
    private bool LoadKnownState()
    {
        if (!File.Exists(StateFile)) return false;
        var state = FollowMovedCluster(LoadOrCreateState());
        DataDirectory = state.DataDirectory;
        Password = state.Password;
        return true;
    }

    private string OwnerFile => Path.Combine(_stateDir, "postgres.owner.json");

    private async Task InitDbAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(DataDirectory);
        var pwFile = Path.Combine(Path.GetTempPath(), $"approval-pw-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(pwFile, Password + "\n", ct);
        try
        {
            if (_asRoot)
            {
                await RunAsync("chown", ["-R", "postgres:postgres", DataDirectory], ct);
                await RunAsync("chown", ["postgres:postgres", pwFile], ct);
            }
            else if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(DataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
            await RunAsync(Bin("initdb"), [
                "-D", DataDirectory, "-U", SuperUser, "--pwfile", pwFile, "-E", "UTF8", "--locale=C",
                "--auth-host=scram-sha-256", "--auth-local=scram-sha-256"], ct);
        }
        finally
        {
            File.Delete(pwFile);
        }
    }

    private async Task StartAsync(CancellationToken ct)
    {
        var options = string.Join(' ',
            $"-p {Port}",
            "-c listen_addresses=127.0.0.1",
            "-c unix_socket_directories=''",
            "-c max_connections=400",
            "-c shared_buffers=256MB");
        await RunAsync(Bin("pg_ctl"), [
            "start", "-D", DataDirectory, "-l", Path.Combine(DataDirectory, "server.log"), "-w", "-t", "60", "-o", options], ct);
        for (var attempt = 0; attempt < 100 && !await CanConnectAsync(Port, ct); attempt++)
            await Task.Delay(100, ct);
    }

    private int? ReadRunningPort()
    {
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        try
        {
            var lines = File.ReadAllLines(pidFile);
            return lines.Length > 3 && int.TryParse(lines[3], out var port) ? port : null;
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    private async Task<bool> CanConnectAsync(int port, CancellationToken ct)
    {
        try
        {
            using var client = new TcpClient();
            var connect = client.ConnectAsync(IPAddress.Loopback, port, ct).AsTask();
            if (await Task.WhenAny(connect, Task.Delay(1000, ct)) != connect || !client.Connected) return false;
            await using var conn = new Npgsql.NpgsqlConnection(ConnectionString("postgres").Replace($"Port={Port}", $"Port={port}"));
            await conn.OpenAsync(ct);
            return true;
        }
        catch (Exception e) when (e is SocketException or Npgsql.NpgsqlException or IOException or TimeoutException)
        {
            return false;
        }
    }

    private sealed record State(string DataDirectory, int Port, string Password, string? AppPassword = null);

    private string StateFile => Path.Combine(_stateDir, "postgres.json");

    private State LoadOrCreateState()
    {
        if (File.Exists(StateFile))
        {
            var existing = JsonSerializer.Deserialize<State>(File.ReadAllText(StateFile));
            if (existing is not null) return existing;
        }
        var state = new State(ChooseDataDirectory(), LoopbackPort.Free(), NewSecret(), NewSecret());
        SaveState(state);
        return state;
    }

    /// <summary>
    /// The state file names the cluster's folder by its full path. A checkout that was moved or renamed carries its cluster
    /// along in <c>.data/postgres</c>, while the path still names the old place: initdb there would start an empty database
    /// beside the real one. The cluster next to the state file wins when the named one is gone.
    /// </summary>
    private State FollowMovedCluster(State state)
    {
        var beside = Path.Combine(_stateDir, "postgres");
        if (state.DataDirectory == beside || File.Exists(Path.Combine(state.DataDirectory, "PG_VERSION")) || !File.Exists(Path.Combine(beside, "PG_VERSION")))
            return state;
        var moved = state with { DataDirectory = beside };
        SaveState(moved);
        return moved;
    }

    private void SaveState(State state)
    {
        File.WriteAllText(StateFile, JsonSerializer.Serialize(state));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(StateFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    /// <summary>As root the cluster belongs to <c>postgres</c>, which must be able to reach the folder; a repo under /root is not reachable.</summary>
    private string ChooseDataDirectory()
    {
        var preferred = Path.Combine(_stateDir, "postgres");
        if (!_asRoot || PostgresUserCanReach(_stateDir)) return preferred;
        var hash = Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(_stateDir)))[..12].ToLowerInvariant();
        var fallback = Path.Combine("/var/tmp", $"approval-postgres-{hash}");
        return fallback;
    }

    private static bool PostgresUserCanReach(string dir)
    {
        var psi = new ProcessStartInfo("runuser", ["-u", "postgres", "--", "test", "-x", dir]) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var p = Process.Start(psi)!;
        p.WaitForExit();
        return p.ExitCode == 0;
    }

    private async Task<IDisposable> AcquireLockAsync(CancellationToken ct)
    {
        var lockPath = Path.Combine(_stateDir, "postgres.lock");
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 1200)
            {
                await Task.Delay(100, ct);
            }
        }
    }

    private string Bin(string name) => Path.Combine(_binDir, name);

    private async Task RunAsync(string file, string[] args, CancellationToken ct, bool allowFailure = false)
    {
        var asPostgres = _asRoot && file.StartsWith(_binDir, StringComparison.Ordinal);
        var psi = asPostgres
            ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", file, .. args])
            : new ProcessStartInfo(file, args);
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.WorkingDirectory = "/";
        using var process = Process.Start(psi) ?? throw new LocalPostgresUnavailableException($"cannot start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0 && !allowFailure)
            throw new LocalPostgresUnavailableException(
                $"`{Path.GetFileName(file)} {string.Join(' ', args)}` failed with exit code {process.ExitCode}:\n{await stdout}\n{await stderr}" +
                (file.EndsWith("pg_ctl", StringComparison.Ordinal) ? $"\nSee {Path.Combine(DataDirectory, "server.log")}." : ""));
    }

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint GetEuid();

    private static bool IsRoot() => OperatingSystem.IsLinux() && GetEuid() == 0;

    public static string DefaultStateDirectory()
    {
        var fromEnv = Environment.GetEnvironmentVariable("APPROVAL_DATA_DIR");
        if (!string.IsNullOrWhiteSpace(fromEnv)) return Path.GetFullPath(fromEnv);
        var root = RepositoryRoot.Find();
        return root is not null
            ? Path.Combine(root, ".data")
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "approval");
    }

    private static string? FindBinaries()
    {
        static bool HasBoth(string dir) => File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl"));

        var fromEnv = Environment.GetEnvironmentVariable("PG_BIN");
        if (!string.IsNullOrWhiteSpace(fromEnv) && HasBoth(fromEnv)) return fromEnv;

        var candidates = new List<string>();
        foreach (var root in new[] { "/usr/lib/postgresql", "/opt/homebrew/opt", "/usr/local/opt", "/usr/pgsql" })
        {
            if (!Directory.Exists(root)) continue;
            candidates.AddRange(Directory.GetDirectories(root)
                .Where(d => root == "/usr/lib/postgresql" || Path.GetFileName(d).StartsWith("postgresql", StringComparison.Ordinal))
                .OrderByDescending(d => VersionOf(Path.GetFileName(d)))
                .Select(d => Path.Combine(d, "bin")));
        }
        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries));
        candidates.Add("/usr/local/pgsql/bin");
        foreach (var dir in candidates.Where(HasBoth))
        {
            // Follow symlinks (Debian puts links in /usr/local/bin) so that all tools come from one installation.
            var real = new FileInfo(Path.Combine(dir, "pg_ctl")).ResolveLinkTarget(true)?.FullName;
            var realDir = real is null ? dir : Path.GetDirectoryName(real)!;
            if (HasBoth(realDir)) return realDir;
        }
        return null;
    }

    private static int VersionOf(string name)
    {
        var digits = new string(name.SkipWhile(c => !char.IsDigit(c)).TakeWhile(char.IsDigit).ToArray());
        return int.TryParse(digits, out var v) ? v : 0;
    }
}

public sealed class LocalPostgresUnavailableException(string message) : Exception(message);
