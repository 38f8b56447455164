using Npgsql;

namespace Approval.Bench;

public static class StoreMaintenance
{
    /// <summary>
    /// Settles a store after a bulk load (statistics, visibility map, dirty pages written), as a store in service
    /// would be: otherwise autovacuum and the checkpoint after the COPY land inside the next measurement.
    /// Runs <paramref name="first"/> before that, on the same connection.
    /// </summary>
    public static async Task SettleAsync(string ownerConnection, params string[] first)
    {
        await using var conn = new NpgsqlConnection(ownerConnection);
        await conn.OpenAsync();
        foreach (var sql in first.Concat(["vacuum analyze", "checkpoint"]))
        {
            await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 1200 };
            await cmd.ExecuteNonQueryAsync();
        }
    }
}
