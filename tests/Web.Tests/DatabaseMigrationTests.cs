using Approval.Web.Infrastructure;
using Approval.Web.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Approval.Web.Tests;

/// <summary>Start-up migrations as a deployment runs them: several nodes at once, against one database.</summary>
public class DatabaseMigrationTests
{
    [Fact]
    public async Task Nodes_starting_together_migrate_one_after_another_and_all_start()
    {
        var owner = await TestDatabase.CreateAsync("migrate");
        try
        {
            var app = await TestDatabase.AppConnectionStringAsync(owner);
            // Four nodes of a fresh deployment reach the same empty schema at the same moment.
            var nodes = Enumerable.Range(0, 4)
                .Select(_ => Task.Run(() => DatabaseMigrator.MigrateAsync(owner, app, "approval", upgradeTo: null, NullLogger.Instance)));
            await Task.WhenAll(nodes);

            // The schema is complete and the event history still only grows for the application's role.
            await using var conn = new NpgsqlConnection(app);
            await conn.OpenAsync();
            await using var count = new NpgsqlCommand("select count(*) from approval.mt_events", conn);
            Assert.Equal(0L, (long)(await count.ExecuteScalarAsync())!);
            if (app != owner)
            {
                await using var update = new NpgsqlCommand("update approval.mt_events set data = data", conn);
                var denied = await Assert.ThrowsAsync<PostgresException>(() => update.ExecuteNonQueryAsync());
                Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, denied.SqlState);
            }
        }
        finally
        {
            await TestDatabase.DropAsync(owner);
        }
    }
}
