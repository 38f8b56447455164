using Approval.Web.Tenants;
using Marten;
using Npgsql;

namespace Approval.Web.Infrastructure;

/// <summary>
/// Runs before the application's own store exists (when the connection is first resolved): applies the
/// Marten schema as the owner and grants the application role what it needs — everything but UPDATE,
/// DELETE and TRUNCATE on the event table. The event history can then only grow, whatever the
/// application (or an attacker inside it) tries.
/// </summary>
public static partial class DatabaseMigrator
{
    public static async Task MigrateAsync(string ownerConnectionString, string appConnectionString, string schema, PreTenancyUpgrade.Bureau? upgradeTo, ILogger logger, CancellationToken ct = default)
    {
        // Nodes of one deployment start together: PostgreSQL answers concurrent GRANTs on one object with
        // "tuple concurrently updated", and two Marten migrations may race to create the same table. One node
        // migrates at a time; the others wait on this lock and then find nothing left to change.
        await using var conn = new NpgsqlConnection(ownerConnectionString);
        await conn.OpenAsync(ct);
        var key = $"approval-migration:{schema}";
        await AdvisoryLockAsync(conn, "pg_advisory_lock", key, ct);
        try
        {
            await MigrateLockedAsync(conn, ownerConnectionString, appConnectionString, schema, upgradeTo, logger, ct);
        }
        finally
        {
            // A session lock outlives Close(): the pooled connection would keep it and every other node would wait
            // forever. A broken connection has lost its session, and the lock with it.
            if (conn.State == System.Data.ConnectionState.Open)
                await AdvisoryLockAsync(conn, "pg_advisory_unlock", key, CancellationToken.None);
        }
    }

    private static async Task AdvisoryLockAsync(NpgsqlConnection conn, string function, string key, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"select {function}(hashtextextended(@key, 0))", conn);
        command.Parameters.AddWithValue("key", key);
        command.CommandTimeout = 0; // as long as the node ahead takes; the start-up's own timeout bounds it
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task MigrateLockedAsync(NpgsqlConnection conn, string ownerConnectionString, string appConnectionString, string schema, PreTenancyUpgrade.Bureau? upgradeTo, ILogger logger, CancellationToken ct)
    {
        var upgrade = await PreTenancyUpgrade.IsNeededAsync(conn, schema, ct);
        if (upgrade && upgradeTo is null)
            throw new RequiredSettingMissingException(PreTenancyUpgrade.IdSetting,
                "这个数据库由支持多个财政局之前的版本写入，其中的账户、报告和事件须归属一个财政局。请用环境变量 Approval__UpgradeBureau__Id（财政局编码，如 shangrao）"
                + "和 Approval__UpgradeBureau__Name（如 上饶市财政局）指明；数据库未作任何改动");
        if (upgrade)
        {
            LogUpgrading(logger, schema, upgradeTo!.Id, upgradeTo.Name);
            await PreTenancyUpgrade.PrepareEventTablesAsync(conn, schema, upgradeTo, ct);
        }

        var options = ApprovalHost.BuildStoreOptions(ownerConnectionString, schema, chainKey: null);
        // This store only migrates; the application's own store runs the daemon. Said so, Marten does not warn
        // on the console that the async projections will not run.
        options.Projections.AsyncMode = JasperFx.Events.Daemon.DaemonMode.Solo;
        using (var owner = new DocumentStore(options))
        {
            await owner.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            if (upgrade)
            {
                await PreTenancyUpgrade.AssignDocumentsAsync(conn, schema, upgradeTo!, ct);
                await using var session = owner.LightweightSession();
                if (await session.LoadAsync<FinanceBureau>(upgradeTo!.Id, ct) is null)
                {
                    session.Store(new FinanceBureau { Id = upgradeTo.Id, Name = upgradeTo.Name });
                    await session.SaveChangesAsync(ct);
                }
            }
        }

        await UseLz4ForJsonAsync(conn, schema, logger, ct);

        var appRole = new NpgsqlConnectionStringBuilder(appConnectionString).Username!;
        var ownerRole = new NpgsqlConnectionStringBuilder(ownerConnectionString).Username!;
        if (appRole == ownerRole)
        {
            LogOwnerOnly(logger, schema, ownerRole);
            return;
        }
        var sql = $"""
            grant usage, create on schema {schema} to {appRole};
            grant select, insert, update, delete, truncate on all tables in schema {schema} to {appRole};
            revoke update, delete, truncate on {schema}.mt_events from {appRole};
            grant usage, select, update on all sequences in schema {schema} to {appRole};
            grant execute on all functions in schema {schema} to {appRole};
            alter default privileges for role {ownerRole} in schema {schema} grant select, insert, update, delete, truncate on tables to {appRole};
            alter default privileges for role {ownerRole} in schema {schema} grant usage, select, update on sequences to {appRole};
            """;
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync(ct);
        LogMigrated(logger, schema, ownerRole, appRole);
    }

    /// <summary>
    /// Events and documents are JSON of 1–15 KB, above PostgreSQL's 2 KB TOAST threshold: every write compresses
    /// them. LZ4 does that several times faster than the default pglz for about the same size (docs/benchmarks.md).
    /// Applies to values written from now on; servers built without LZ4 keep pglz.
    /// </summary>
    private static async Task UseLz4ForJsonAsync(NpgsqlConnection conn, string schema, ILogger logger, CancellationToken ct)
    {
        try
        {
            await using (var probe = new NpgsqlCommand("set local default_toast_compression = 'lz4'", conn)) await probe.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException e)
        {
            LogWithoutLz4(logger, e.MessageText);
            return;
        }
        var columns = new List<string>();
        await using (var find = new NpgsqlCommand("""
            select format('%I.%I', c.table_schema, c.table_name) from information_schema.columns c
            join pg_attribute a on a.attrelid = format('%I.%I', c.table_schema, c.table_name)::regclass and a.attname = c.column_name
            where c.table_schema = @schema and c.column_name = 'data' and c.data_type = 'jsonb' and a.attcompression is distinct from 'l'
            """, conn))
        {
            find.Parameters.AddWithValue("schema", schema);
            await using var reader = await find.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) columns.Add(reader.GetString(0));
        }
        foreach (var table in columns)
        {
            await using var alter = new NpgsqlCommand($"alter table {table} alter column data set compression lz4", conn);
            await alter.ExecuteNonQueryAsync(ct);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "Schema {Schema} migrated as {Owner}; the application runs as {App}, which cannot change event rows")]
    private static partial void LogMigrated(ILogger logger, string schema, string owner, string app);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning,
        Message = "Schema {Schema} was written before 财政局 tenancy: every stream, event and document now belongs to {Bureau} ({BureauName})")]
    private static partial void LogUpgrading(ILogger logger, string schema, string bureau, string bureauName);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Schema {Schema} migrated as {Owner}, which the application also runs as")]
    private static partial void LogOwnerOnly(ILogger logger, string schema, string owner);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "PostgreSQL without LZ4 ({Message}): JSON stays compressed with pglz")]
    private static partial void LogWithoutLz4(ILogger logger, string message);
}
