using System.Text.Json.Nodes;
using Approval.Workflow.SelfEvaluation;
using Npgsql;

namespace Approval.Bench;

/// <summary>
/// The same product load on 1, 2, 3 … app processes against one PostgreSQL (and, from two nodes on, one redis-server
/// for the SignalR backplane), every command sent to the next node in turn. Each configuration gets a fresh database,
/// and its own bare-SQL baseline right before its product run, so that a machine busier in one configuration than in
/// another shows in the baseline too; configurations run in the order given, then reversed (A B C C B A).
/// On a machine with few cores the figure is the overhead of more nodes (CPU per command), not a speed-up.
/// </summary>
public static class Nodes
{
    public sealed record Options(IReadOnlyList<int> Counts, int Rounds, int Clients, TimeSpan Warmup, TimeSpan Run, int LagSamples);

    public sealed record Measurement(
        int Nodes, int Round, bool Redis, double BaselineOpsPerSecond, double CommandsPerSecond, long Commands, long Failures,
        Summary Latency, Summary QueueLag, Summary SummaryLag, CpuSample CpuPerCommand,
        double EventBytesPerCommand, double EventsPerCommand, double EventBytesPerForm, double DatabaseBytesPerForm, double CommandsPerForm,
        IReadOnlyList<string> Health);

    public static async Task<List<Measurement>> MeasureAsync(Options options, string dll, ProjectSelfEvaluationForm form,
        Func<string, Task<(string Owner, string App)>> createDatabase, Func<string, Task> dropDatabase, string stamp)
    {
        var order = new List<int>();
        for (var r = 0; r < options.Rounds; r++) order.AddRange(r % 2 == 0 ? options.Counts : options.Counts.Reverse());
        var results = new List<Measurement>();
        for (var i = 0; i < order.Count; i++)
        {
            var name = $"bench_nodes_{stamp}_{i}";
            var (owner, app) = await createDatabase(name);
            try
            {
                var m = await MeasureOneAsync(order[i], i / options.Counts.Count, options, dll, form, owner, app);
                results.Add(m);
                Console.WriteLine($"  {m.Nodes} node(s), round {m.Round + 1}: baseline {m.BaselineOpsPerSecond:0} ops/s, product {m.CommandsPerSecond:0.0} commands/s " +
                    $"({m.Failures} failed), p50/p95 {m.Latency.P50:0.0}/{m.Latency.P95:0.0} ms, lag p50/p95 {m.QueueLag.P50:0}/{m.QueueLag.P95:0} ms, " +
                    $"CPU ms/command app {m.CpuPerCommand.App.TotalMilliseconds:0.00} + PostgreSQL {m.CpuPerCommand.Postgres.TotalMilliseconds:0.00}");
            }
            finally
            {
                await dropDatabase(name);
            }
        }
        return results;
    }

    private static async Task<Measurement> MeasureOneAsync(int count, int round, Options options, string dll, ProjectSelfEvaluationForm form, string owner, string appConnection)
    {
        // One node needs no Redis (in-memory SignalR), as deployed; two or more share one backplane.
        await using var redis = count > 1 ? await RedisServer.StartAsync() : null;
        var environment = new Dictionary<string, string>();
        if (redis is not null) environment["ConnectionStrings__Redis"] = redis.Endpoint;
        var apps = new List<AppProcess>();
        try
        {
            // one after the other: the first migrates the schema, the others find it done
            for (var n = 0; n < count; n++) apps.Add(await AppProcess.StartAsync(dll, appConnection, owner, environment));
            var urls = apps.Select(a => a.Url).ToList();
            var units = options.Clients * 4 + 2;
            var org = new BenchOrganization(units, 4);
            await org.SeedAsync(appConnection);
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(10) }) { Timeout = TimeSpan.FromSeconds(60) };
            await org.LoginAllAsync(http, urls[0]); // the key ring is in the database: a token from node 1 is good on every node
            var load = new ProductLoad(http, urls[0], org, form, urls);
            // every command type once on every node, without a time limit: the first use of each compiles it (no tiered JIT)
            for (var k = 0; k < count; k++) await load.LifecycleAsync(options.Clients * 2 + k, 0, CancellationToken.None);
            await load.ClosedAsync(options.Clients, options.Warmup, 0);
            load.Latencies.Clear();

            await Baseline.PrepareAsync(owner, options.Clients * 8);
            var baseline = await Baseline.RunAsync(owner, options.Clients, options.Run, await Baseline.ProductEventsAsync(owner, 2000));

            var storeBefore = await StoreAsync(owner);
            var cpuBefore = CpuSample.Take(apps, redis);
            var run = await load.ClosedAsync(options.Clients, options.Run, options.Clients);
            var cpu = CpuSample.Take(apps, redis) - cpuBefore;
            var storeAfter = await StoreAsync(owner);
            var commands = Math.Max(1, run.Commands);
            var latency = Summary.Of(load.Latencies.Values.SelectMany(v => v).ToArray());

            // committed on the last node, read where the projections are written (whichever node runs them)
            var (queueLag, summaryLag) = await Lag.MeasureAsync(http, urls[^1], org, units - 1, form, owner, options.LagSamples);
            var health = new List<string>();
            foreach (var url in urls) health.Add(await (await http.GetAsync(url + "/health")).Content.ReadAsStringAsync());

            return new Measurement(count, round, redis is not null, baseline, run.CommandsPerSecond, run.Commands, run.Failures, latency, queueLag, summaryLag,
                new CpuSample(cpu.App / commands, cpu.Postgres / commands, cpu.Load / commands),
                (storeAfter.EventBytes - storeBefore.EventBytes) / (double)commands, (storeAfter.Events - storeBefore.Events) / (double)commands,
                storeAfter.EventBytes / (double)Math.Max(1, storeAfter.Streams), storeAfter.DatabaseBytes / (double)Math.Max(1, storeAfter.Streams),
                commands / (double)Math.Max(1, storeAfter.Streams - storeBefore.Streams), health);
        }
        finally
        {
            foreach (var app in apps) await app.DisposeAsync();
        }
    }

    /// <summary>DatabaseBytes: every table of the app's schema with its indexes and TOAST (not the baseline's tables).</summary>
    private sealed record Store(long EventBytes, long Events, long Streams, long DatabaseBytes);

    private static async Task<Store> StoreAsync(string owner)
    {
        await using var conn = new NpgsqlConnection(owner);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            select pg_total_relation_size('approval.mt_events'), (select count(*) from approval.mt_events),
                   (select count(*) from approval.mt_streams),
                   (select coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint from pg_class c join pg_namespace n on n.oid = c.relnamespace
                    where n.nspname = 'approval' and c.relkind in ('r', 'p'))
            """, conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new Store(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    public static JsonObject ToJson(IReadOnlyList<Measurement> all, Options options)
    {
        static JsonObject Lat(Summary s) => new() { ["count"] = s.Count, ["p50_ms"] = Math.Round(s.P50, 1), ["p95_ms"] = Math.Round(s.P95, 1), ["p99_ms"] = Math.Round(s.P99, 1) };
        var byCount = new JsonObject();
        foreach (var group in all.GroupBy(m => m.Nodes).OrderBy(g => g.Key))
        {
            // the median; of an even number of runs, the mean of the middle two
            static double Median(IEnumerable<double> values)
            {
                var sorted = values.Order().ToArray();
                return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
            }
            double Med(Func<Measurement, double> f) => Math.Round(Median(group.Select(f)), 3);
            var vsBaseline = Median(group.Select(m => m.CommandsPerSecond / m.BaselineOpsPerSecond));
            var oneNode = Median(all.Where(m => m.Nodes == 1).Select(m => m.CommandsPerSecond / m.BaselineOpsPerSecond).DefaultIfEmpty(double.NaN));
            byCount[group.Key.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new JsonObject
            {
                ["runs"] = group.Count(),
                ["redis"] = group.First().Redis,
                ["baseline_ops_per_s"] = Med(m => m.BaselineOpsPerSecond),
                ["commands_per_s"] = Med(m => m.CommandsPerSecond),
                ["commands_vs_baseline"] = Math.Round(vsBaseline, 3),
                ["throughput_vs_one_node"] = Math.Round(vsBaseline / oneNode, 3),
                ["failed_commands"] = group.Sum(m => m.Failures),
                ["latency_p50_ms"] = Med(m => m.Latency.P50),
                ["latency_p95_ms"] = Med(m => m.Latency.P95),
                ["latency_p99_ms"] = Med(m => m.Latency.P99),
                ["projection_lag_queue_p50_ms"] = Med(m => m.QueueLag.P50),
                ["projection_lag_queue_p95_ms"] = Med(m => m.QueueLag.P95),
                ["projection_lag_summary_p95_ms"] = Med(m => m.SummaryLag.P95),
                ["cpu_ms_per_command"] = new JsonObject
                {
                    ["app_and_redis"] = Med(m => m.CpuPerCommand.App.TotalMilliseconds),
                    ["postgres"] = Med(m => m.CpuPerCommand.Postgres.TotalMilliseconds),
                    ["total"] = Med(m => m.CpuPerCommand.App.TotalMilliseconds + m.CpuPerCommand.Postgres.TotalMilliseconds),
                    ["load_generator"] = Med(m => m.CpuPerCommand.Load.TotalMilliseconds),
                },
                ["mt_events_bytes_per_command"] = Math.Round(Median(group.Select(m => m.EventBytesPerCommand))),
                ["events_per_command"] = Med(m => m.EventsPerCommand),
                ["commands_per_form"] = Med(m => m.CommandsPerForm),
                ["mt_events_bytes_per_form"] = Math.Round(Median(group.Select(m => m.EventBytesPerForm))),
                ["schema_bytes_per_form"] = Math.Round(Median(group.Select(m => m.DatabaseBytesPerForm))),
                ["health"] = new JsonArray(group.Last().Health.Select(h => (JsonNode)JsonValue.Create(h)).ToArray()),
                ["runs_detail"] = new JsonArray(group.Select(m => (JsonNode)new JsonObject
                {
                    ["round"] = m.Round + 1, ["baseline_ops_per_s"] = Math.Round(m.BaselineOpsPerSecond, 1), ["commands_per_s"] = Math.Round(m.CommandsPerSecond, 1),
                    ["latency"] = Lat(m.Latency), ["queue_lag"] = Lat(m.QueueLag),
                    ["cpu_ms_per_command_app"] = Math.Round(m.CpuPerCommand.App.TotalMilliseconds, 3), ["cpu_ms_per_command_postgres"] = Math.Round(m.CpuPerCommand.Postgres.TotalMilliseconds, 3),
                    ["mt_events_bytes_per_command"] = Math.Round(m.EventBytesPerCommand), ["mt_events_bytes_per_form"] = Math.Round(m.EventBytesPerForm),
                    ["schema_bytes_per_form"] = Math.Round(m.DatabaseBytesPerForm), ["commands_per_form"] = Math.Round(m.CommandsPerForm, 2),
                }).ToArray()),
            };
        }
        return new JsonObject
        {
            ["clients"] = options.Clients, ["rounds"] = options.Rounds, ["run_seconds"] = options.Run.TotalSeconds, ["warmup_seconds"] = options.Warmup.TotalSeconds,
            ["lag_samples"] = options.LagSamples, ["by_nodes"] = byCount,
        };
    }
}
