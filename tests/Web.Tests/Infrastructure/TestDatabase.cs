using Approval.LocalDatabase;
using Npgsql;

namespace Approval.Web.Tests.Infrastructure;

/// <summary>One PostgreSQL for the whole test run: the same embedded cluster the app uses, or the server
/// named by <c>ConnectionStrings__Approval</c>. Each test class gets a database of its own.</summary>
public static class TestDatabase
{
    private static readonly Lazy<Task<Server>> TheServer = new(StartAsync);

    private sealed record Server(string AdminConnectionString, LocalPostgres? Local);

    private static async Task<Server> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable("ConnectionStrings__Approval");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) => DropTemplates(configured);
            return new Server(configured, null);
        }

        var local = LocalPostgres.Locate();
        var admin = await local.EnsureRunningAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            DropTemplates(admin);
            if (local.Owns) local.StopIfOwnedByAsync(Environment.ProcessId).GetAwaiter().GetResult();
        };
        return new Server(admin, local);
    }

    private static readonly System.Collections.Concurrent.ConcurrentBag<string> Templates = [];

    /// <summary>The run's templates (<see cref="MarkAsTemplateAsync"/>), dropped as the run ends.</summary>
    private static void DropTemplates(string adminConnectionString)
    {
        foreach (var name in Templates)
        {
            try
            {
                using var conn = new NpgsqlConnection(adminConnectionString);
                conn.Open();
                using var drop = new NpgsqlCommand($"""alter database "{name}" with is_template false; drop database if exists "{name}" with (force)""", conn);
                drop.ExecuteNonQuery();
            }
            catch (NpgsqlException)
            {
                // The run is over either way: a configured server keeps one empty database.
            }
        }
    }

    /// <summary>The connection the application runs with: the restricted role on the embedded cluster, the owner otherwise.</summary>
    public static async Task<string> AppConnectionStringAsync(string ownerConnectionString)
    {
        var server = await TheServer.Value;
        if (server.Local is null) return ownerConnectionString;
        return await server.Local.AppConnectionStringAsync(new NpgsqlConnectionStringBuilder(ownerConnectionString).Database!);
    }

    /// <summary>The PostgreSQL client tools (pg_dump, pg_restore) of the server the tests use.</summary>
    public static async Task<string> ToolsDirectory()
    {
        var server = await TheServer.Value;
        return server.Local?.BinDirectory ?? "/usr/lib/postgresql/15/bin";
    }

    /// <summary>
    /// The environment of an app started as README says (no connection string: the embedded cluster, demo data), aimed
    /// at the given test database. On an external server the app is given that database's connection instead.
    /// </summary>
    public static async Task<Dictionary<string, string>> AsReadmeRunsIt(string ownerConnectionString)
    {
        var server = await TheServer.Value;
        var database = new NpgsqlConnectionStringBuilder(ownerConnectionString).Database!;
        return server.Local is not null
            ? new() { ["Approval__DatabaseName"] = database }
            : new() { ["ConnectionStrings__Approval"] = ownerConnectionString, ["Approval__Demo"] = "true", ["Approval__ChainKey"] = "shipped-test-key" };
    }

    public static async Task<string> CreateAsync(string prefix)
    {
        var server = await TheServer.Value;
        return await PostgresDatabases.CreateAsync(server.AdminConnectionString, NewName(prefix));
    }

    private static string NewName(string prefix) => $"test_{prefix.ToLowerInvariant()}_{Guid.NewGuid():N}"[..Math.Min(60, prefix.Length + 38)];

    /// <summary>
    /// Every report, event and document gone, as Marten's own cleaner removes them (the document tables and the event
    /// tables emptied, the event sequence restarted), by the schema's owner: the app's restricted role may not truncate.
    /// Wolverine's tables (its node, the outbox) stay, as the running app uses them.
    /// </summary>
    public static async Task EmptyMartenTablesAsync(string ownerConnectionString)
    {
        await using var conn = new NpgsqlConnection(ownerConnectionString);
        await conn.OpenAsync();
        await using var empty = new NpgsqlCommand("""
            do $$ begin
              execute (select 'truncate table ' || string_agg(format('%I.%I', schemaname, tablename), ', ') || ' cascade'
                       from pg_tables where schemaname = 'approval' and (tablename like 'mt\_doc\_%' or tablename in ('mt_events', 'mt_streams')));
              alter sequence approval.mt_events_sequence restart with 1;
            end $$
            """, conn);
        await empty.ExecuteNonQueryAsync();
    }

    /// <summary>A new database copied from <paramref name="template"/> (<see cref="MigratedTemplate"/>).</summary>
    public static async Task<string> CopyAsync(string template, string prefix)
    {
        var server = await TheServer.Value;
        return await PostgresDatabases.CopyAsync(server.AdminConnectionString, template, NewName(prefix));
    }

    /// <summary>
    /// Makes <paramref name="name"/> a template no one can connect to (a copy fails while anyone is connected), dropped
    /// when the run ends, before the embedded cluster stops.
    /// </summary>
    public static async Task MarkAsTemplateAsync(string name)
    {
        var server = await TheServer.Value;
        await using (var conn = new NpgsqlConnection(server.AdminConnectionString))
        {
            await conn.OpenAsync();
            await using var mark = new NpgsqlCommand($"""
                alter database "{name}" with is_template true allow_connections false;
                select pg_terminate_backend(pid) from pg_stat_activity where datname = '{name}';
                """, conn);
            await mark.ExecuteNonQueryAsync();
        }
        Templates.Add(name);
    }

    public static async Task DropAsync(string connectionString)
    {
        var server = await TheServer.Value;
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await PostgresDatabases.DropAsync(server.AdminConnectionString, name);
    }
}
