using Alba;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Approval.Web.Tests.Infrastructure;

/// <summary>
/// The app's schema, migrated once per test run by the app itself into a database that every in-process test app's
/// database is then copied from. Migrating each new database — Marten's tables and functions, Wolverine's, the grants to
/// the restricted role — took seconds of every fixture's start; <c>create database … template</c> copies it in a moment.
/// The template keeps no rows: what the app wrote while starting (its node, a key ring) is removed, so that a copy starts
/// like a new database — the migration tests still start from empty ones (<see cref="TestDatabase.CreateAsync"/>).
/// </summary>
public static class MigratedTemplate
{
    private static readonly Lazy<Task<string>> Template = new(BuildAsync);

    /// <summary>A new database with the app's schema; its owner's connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix) => await TestDatabase.CopyAsync(await Template.Value, prefix);

    private static async Task<string> BuildAsync()
    {
        var owner = await TestDatabase.CreateAsync("template");
        var app = await TestDatabase.AppConnectionStringAsync(owner);
        await using (var host = await AlbaHost.For<Program>(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:Approval", app);
            builder.UseSetting("ConnectionStrings:ApprovalOwner", owner);
            builder.UseSetting("Approval:ChainKey", "test-chain-key");
            builder.UseSetting("Approval:Demo", "false");
        }))
        {
            await host.StopAsync();
        }
        NpgsqlConnection.ClearAllPools();
        var name = new NpgsqlConnectionStringBuilder(owner).Database!;
        await EmptyAsync(owner);
        await TestDatabase.MarkAsTemplateAsync(name);
        return name;
    }

    /// <summary>Every table of every schema emptied and every sequence restarted, as in a database just migrated.</summary>
    private static async Task EmptyAsync(string owner)
    {
        await using var conn = new NpgsqlConnection(owner);
        await conn.OpenAsync();
        await using var find = new NpgsqlCommand("""
            select coalesce((select 'truncate table ' || string_agg(format('%I.%I', schemaname, tablename), ', ') || ' restart identity cascade;'
                             from pg_tables where schemaname not in ('pg_catalog', 'information_schema')), '')
                || coalesce((select string_agg(format('alter sequence %I.%I restart;', sequence_schema, sequence_name), ' ')
                             from information_schema.sequences where sequence_schema not in ('pg_catalog', 'information_schema')), '')
            """, conn);
        var sql = (string)(await find.ExecuteScalarAsync())!;
        if (sql.Length == 0) return;
        await using var empty = new NpgsqlCommand(sql, conn);
        await empty.ExecuteNonQueryAsync();
    }
}
