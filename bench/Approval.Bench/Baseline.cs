using System.Diagnostics;
using Npgsql;

namespace Approval.Bench;

/// <summary>
/// The physical limit for the same durable work: per operation, what appending one event to an existing
/// stream costs in SQL — bump the stream's version row and insert one event row, in one transaction,
/// synchronous commit on — at the same client concurrency. The rows are the product's own: the event data and
/// headers it appended during the warm-up, cycled, so sizes and mix are the same; the data column is compressed
/// with LZ4 like the product's (DatabaseMigrator).
/// </summary>
public static class Baseline
{
    public static async Task PrepareAsync(string connectionString, int streams)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            create schema if not exists bench;
            drop table if exists bench.events; drop table if exists bench.streams;
            create table bench.streams (id uuid primary key, version integer not null, timestamp timestamptz not null default now());
            create table bench.events (seq_id bigserial primary key, id uuid not null, stream_id uuid not null, version integer not null,
                data jsonb compression lz4 not null, type varchar(500) not null, timestamp timestamptz not null default now(), headers jsonb,
                correlation_id varchar, causation_id varchar, user_name varchar, unique (stream_id, version));
            """, conn);
        await cmd.ExecuteNonQueryAsync();
        await using var insert = new NpgsqlCommand("insert into bench.streams (id, version) select gen_random_uuid(), 0 from generate_series(1, @n)", conn);
        insert.Parameters.AddWithValue("n", streams);
        await insert.ExecuteNonQueryAsync();
    }

    public sealed record EventRow(string Type, string Data, string Headers);

    public static async Task<bool> HasProductEventsAsync(string connectionString)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("select exists (select 1 from approval.mt_events)", conn);
        return (bool)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>The latest <paramref name="count"/> event rows the product appended: the baseline writes exactly these.</summary>
    public static async Task<IReadOnlyList<EventRow>> ProductEventsAsync(string connectionString, int count)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("select type, data::text, coalesce(headers::text, '{}') from approval.mt_events order by seq_id desc limit @n", conn);
        cmd.Parameters.AddWithValue("n", count);
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<EventRow>();
        while (await reader.ReadAsync()) rows.Add(new EventRow(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        if (rows.Count == 0) throw new InvalidOperationException("the product has appended no events yet");
        rows.Reverse();
        return rows;
    }

    /// <summary>Operations per second over <paramref name="duration"/> with <paramref name="clients"/> concurrent loops.</summary>
    public static async Task<double> RunAsync(string connectionString, int clients, TimeSpan duration, IReadOnlyList<EventRow> payloads)
    {
        List<Guid> ids;
        await using (var conn = new NpgsqlConnection(connectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("select id from bench.streams", conn);
            await using var reader = await cmd.ExecuteReaderAsync();
            ids = [];
            while (await reader.ReadAsync()) ids.Add(reader.GetGuid(0));
        }
        var count = 0L;
        var stop = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async worker =>
        {
            await using var conn = new NpgsqlConnection(connectionString);
            await conn.OpenAsync();
            var n = 0;
            while (stop.Elapsed < duration)
            {
                var row = payloads[(worker * 97 + n) % payloads.Count];
                var stream = ids[(worker + n++ * clients) % ids.Count];
                await using var tx = await conn.BeginTransactionAsync();
                await using var bump = new NpgsqlCommand("update bench.streams set version = version + 1, timestamp = now() where id = @id returning version", conn, tx);
                bump.Parameters.AddWithValue("id", stream);
                var version = (int)(await bump.ExecuteScalarAsync())!;
                await using var append = new NpgsqlCommand(
                    "insert into bench.events (id, stream_id, version, data, type, headers, correlation_id, causation_id, user_name) values (@e, @s, @v, @d::jsonb, @t, @h::jsonb, 'c', 'c', 'u')", conn, tx);
                append.Parameters.AddWithValue("e", Guid.NewGuid());
                append.Parameters.AddWithValue("s", stream);
                append.Parameters.AddWithValue("v", version);
                append.Parameters.AddWithValue("d", row.Data);
                append.Parameters.AddWithValue("t", row.Type);
                append.Parameters.AddWithValue("h", row.Headers);
                await append.ExecuteNonQueryAsync();
                await tx.CommitAsync();
                Interlocked.Increment(ref count);
            }
        }));
        return count / stop.Elapsed.TotalSeconds;
    }
}
