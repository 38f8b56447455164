using Marten;
using Npgsql;

namespace Approval.Web.Infrastructure;

/// <summary>
/// Runs before the application's own store exists (when the connection is first resolved): applies the
/// Marten schema as the owner and grants the application role what it needs — everything but UPDATE,
/// DELETE and TRUNCATE on the event table. The event history can then only grow, whatever the
/// application (or an attacker inside it) tries.
/// </summary>
public static class DatabaseMigrator
{
    public static async Task MigrateAsync(string ownerConnectionString, string appConnectionString, string schema, ILogger logger, CancellationToken ct = default)
    {
        using (var owner = new DocumentStore(ApprovalHost.BuildStoreOptions(ownerConnectionString, schema)))
        {
            await owner.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        }

        var appRole = new NpgsqlConnectionStringBuilder(appConnectionString).Username!;
        var ownerRole = new NpgsqlConnectionStringBuilder(ownerConnectionString).Username!;
        await using var conn = new NpgsqlConnection(ownerConnectionString);
        await conn.OpenAsync(ct);
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
        logger.LogInformation("Schema {Schema} migrated as {Owner}; the application runs as {App}, which cannot change event rows", schema, ownerRole, appRole);
    }
}
