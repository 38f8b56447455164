using Npgsql;

namespace Approval.LocalDatabase;

/// <summary>
/// Creates and drops databases on a PostgreSQL server, given a connection with the right to do so (the embedded
/// cluster's superuser, or a configured server's admin connection). The one place the run command, the tests and the
/// benchmark do this.
/// </summary>
public static class PostgresDatabases
{
    /// <summary>Creates database <paramref name="name"/> unless it exists; another process creating it at the same instant is fine.</summary>
    /// <remarks>
    /// Of two concurrent <c>create database</c> of one name, the loser gets 42P04 (duplicate database) or, when both passed
    /// the server's own check, 23505 on <c>pg_database_datname_index</c>: both mean the database is there.
    /// </remarks>
    public static async Task EnsureExistsAsync(string adminConnectionString, string name, CancellationToken ct = default)
    {
        await using var conn = new NpgsqlConnection(adminConnectionString);
        await conn.OpenAsync(ct);
        await using (var exists = new NpgsqlCommand("select 1 from pg_database where datname = @name", conn))
        {
            exists.Parameters.AddWithValue("name", name);
            if (await exists.ExecuteScalarAsync(ct) is not null) return;
        }
        await using var create = new NpgsqlCommand($"create database {QuoteIdentifier(name)}", conn);
        try { await create.ExecuteNonQueryAsync(ct); }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase ||
                                          e is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "pg_database_datname_index" })
        { }
    }

    /// <summary>Creates database <paramref name="name"/>, which must not exist; returns the admin connection string aimed at it.</summary>
    public static Task<string> CreateAsync(string adminConnectionString, string name, CancellationToken ct = default) =>
        CreateAsync(adminConnectionString, name, "", ct);

    /// <summary>
    /// Creates database <paramref name="name"/> as a copy of <paramref name="template"/> (schema, grants and rows), which no
    /// one may be connected to; returns the admin connection string aimed at the copy.
    /// </summary>
    public static Task<string> CopyAsync(string adminConnectionString, string template, string name, CancellationToken ct = default) =>
        CreateAsync(adminConnectionString, name, $" template {QuoteIdentifier(template)}", ct);

    private static async Task<string> CreateAsync(string adminConnectionString, string name, string options, CancellationToken ct)
    {
        await using (var conn = new NpgsqlConnection(adminConnectionString))
        {
            await conn.OpenAsync(ct);
            await using var create = new NpgsqlCommand($"create database {QuoteIdentifier(name)}{options}", conn);
            await create.ExecuteNonQueryAsync(ct);
        }
        return new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>
    /// Drops database <paramref name="name"/> if it exists, ending the sessions still connected to it. This process's
    /// pooled connections are closed first, so that they do not fail later on a database that is gone.
    /// </summary>
    public static async Task DropAsync(string adminConnectionString, string name, CancellationToken ct = default)
    {
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(adminConnectionString);
        await conn.OpenAsync(ct);
        await using var drop = new NpgsqlCommand($"drop database if exists {QuoteIdentifier(name)} with (force)", conn);
        await drop.ExecuteNonQueryAsync(ct);
    }

    /// <summary>A PostgreSQL quoted identifier: in double quotes, an inner double quote doubled.</summary>
    private static string QuoteIdentifier(string name) =>
        name.Contains('\0') ? throw new ArgumentException("A database name cannot contain NUL.", nameof(name))
            : "\"" + name.Replace("\"", "\"\"") + "\"";
}
