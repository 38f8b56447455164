using Approval.LocalDatabase;
using Approval.Web.Tests.Infrastructure;
using Npgsql;

namespace Approval.Web.Tests;

/// <summary>The embedded cluster of `./run.sh` (.data/postgres) as a user's checkout lives with it, with one owner that stops it.</summary>
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

    [Fact]
    public async Task The_cluster_has_one_owner_and_a_killed_owners_cluster_is_adopted_not_orphaned()
    {
        var root = Path.Combine(Path.GetTempPath(), $"approval-owner-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        using var script = System.Diagnostics.Process.Start("sleep", "300"); // plays ./run.sh --nodes: the named owner
        try
        {
            var started = LocalPostgres.Locate(root);
            await started.EnsureRunningAsync(ownerProcessId: script.Id);
            Assert.True(started.StartedByThisProcess);
            Assert.False(started.Owns); // started for the script, which owns it
            Assert.Equal(script.Id, started.RecordedOwner()?.ProcessId);

            var node = LocalPostgres.Locate(root);
            await node.EnsureRunningAsync();
            Assert.False(node.Owns);
            Assert.False(node.AdoptedOrphan);
            Assert.False(await node.StopIfOwnedByAsync(Environment.ProcessId)); // a node does not stop the script's database
            Assert.True(await node.IsRunningAsync());

            script.Kill();
            await script.WaitForExitAsync();
            var next = LocalPostgres.Locate(root);
            await next.EnsureRunningAsync();
            Assert.True(next.AdoptedOrphan, "the owner was killed: the next process adopts the running cluster");
            Assert.True(next.Owns);
            // As `database stop --owner-pid` does it: a fresh look at the folder, stopped only by its owner.
            Assert.False(await LocalPostgres.Locate(root).StopIfOwnedByAsync(script.Id));
            Assert.True(await LocalPostgres.Locate(root).IsRunningAsync());
            Assert.True(await LocalPostgres.Locate(root).StopIfOwnedByAsync(Environment.ProcessId));
            Assert.False(await LocalPostgres.Locate(root).IsRunningAsync());
        }
        finally
        {
            if (!script.HasExited) script.Kill();
            var cleanup = LocalPostgres.Locate(root);
            if (await cleanup.IsRunningAsync()) await cleanup.StopAsync();
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task A_killed_app_leaves_no_orphan_the_next_app_adopts_the_database_and_stops_it_when_it_ends()
    {
        var root = Path.Combine(Path.GetTempPath(), $"approval-orphan-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        var environment = new Dictionary<string, string> { ["APPROVAL_DATA_DIR"] = root, ["Approval__Demo"] = "false" };
        try
        {
            await using (var first = await AppProcess.BinaryAsync(environment))
            {
                await first.WaitUntilHealthyAsync();
                await first.KillAsync(); // no shutdown: the database it started keeps running, with its owner gone
            }
            var cluster = LocalPostgres.Locate(root);
            Assert.True(await cluster.IsRunningAsync());
            Assert.False(cluster.RecordedOwner()!.IsAlive);

            await using (var second = await AppProcess.BinaryAsync(environment))
            {
                await second.WaitUntilHealthyAsync();
                Assert.Contains("adopts it", second.Output);
                await second.StopAsync(TimeSpan.FromSeconds(30)); // an orderly stop: it stops what it owns
                Assert.Equal(0, second.ExitCode);
            }
            Assert.False(await LocalPostgres.Locate(root).IsRunningAsync(), "the adopting app left the database running");
        }
        finally
        {
            var cleanup = LocalPostgres.Locate(root);
            if (await cleanup.IsRunningAsync()) await cleanup.StopAsync();
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
