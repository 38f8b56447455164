using Approval.LocalDatabase;
using Npgsql;

namespace Approval.Web.Tests;

/// <summary>The embedded cluster of `./run.sh` (.data/postgres) as a user's checkout lives with it.</summary>
public class EmbeddedClusterTests
{
    [Fact]
    public async Task A_moved_checkout_keeps_its_database()
    {
        // Under /tmp: the postgres user (who owns the cluster when the tests run as root) can reach it.
        var root = Path.Combine(Path.GetTempPath(), $"approval-moved-{Guid.NewGuid():N}");
        var before = Path.Combine(root, "checkout", ".data");
        var after = Path.Combine(root, "renamed", ".data");
        Directory.CreateDirectory(before);
        try
        {
            var first = LocalPostgres.Locate(before);
            var admin = await first.EnsureRunningAsync();
            await PostgresDatabases.EnsureExistsAsync(admin, "approval");
            await Sql(first.ConnectionString("approval"), "create table kept (what text); insert into kept values ('审核记录')");
            await first.StopAsync();
            // The stopped server closed the pooled connections; the next cluster may listen on the same port.
            NpgsqlConnection.ClearPool(new NpgsqlConnection(first.ConnectionString("approval")));

            Directory.Move(Path.Combine(root, "checkout"), Path.Combine(root, "renamed"));

            var second = LocalPostgres.Locate(after);
            await second.EnsureRunningAsync();
            try
            {
                Assert.Equal(Path.Combine(after, "postgres"), second.DataDirectory);
                await using var conn = new NpgsqlConnection(second.ConnectionString("approval"));
                await conn.OpenAsync();
                await using var read = new NpgsqlCommand("select what from kept", conn);
                Assert.Equal("审核记录", await read.ExecuteScalarAsync());
                Assert.False(Directory.Exists(Path.Combine(root, "checkout")), "no new cluster was created at the old place");
            }
            finally { await second.StopAsync(); }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task Sql(string connectionString, string sql)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var command = new NpgsqlCommand(sql, conn);
        await command.ExecuteNonQueryAsync();
    }
}
