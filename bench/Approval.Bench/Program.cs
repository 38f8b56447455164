using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Approval.Bench;
using Approval.LocalDatabase;
using Approval.Workflow.Import;
using Npgsql;

// Usage: dotnet run -c Release --project bench/Approval.Bench -- [--quick] [--clients N] [--out FILE]
var quick = args.Contains("--quick");
var commandsOnly = args.Contains("--commands-only"); // for profiling: baseline, product and open model only
int Arg(string name, int fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } v && int.TryParse(v, out var n) ? n : fallback;
var clients = Arg("--clients", 16);
var root = RepositoryRoot.Find() ?? throw new InvalidOperationException("run from the repository");
var output = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault() ?? Path.Combine(root, "bench", "results", "latest.json");
var runDuration = TimeSpan.FromSeconds(quick ? 2 : 20);
var openDuration = TimeSpan.FromSeconds(quick ? 3 : 20);
var pairs = 3;
var lagSamples = quick ? 30 : 300;
var hubClients = quick ? 200 : 1000;
var notifySamples = quick ? 8 : 40;
var rebuildEvents = quick ? 100_000L : 1_000_000L;
var total = Stopwatch.StartNew();

Console.WriteLine($"绩效自评与决算公开审核 benchmark ({(quick ? "quick" : "full")}): {clients} clients, {Environment.ProcessorCount} cores");
var dll = Path.Combine(root, "src", "Web", "bin", "Release", "net10.0", "Approval.Web.dll");
if (!File.Exists(dll)) throw new FileNotFoundException("build the app first: dotnet build -c Release src/Web", dll);
var form = ReportTextImporter.ReadFile(Path.Combine(root, "tests", "Workflow.Tests", "Data", "seeds", "002_3e97706fd429c0f0.txt")).Forms[1];

var local = LocalPostgres.Locate();
var admin = await local.EnsureRunningAsync();
var stamp = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
async Task<string> CreateDatabase(string name)
{
    await PostgresDatabases.CreateAsync(admin, name);
    return local.ConnectionString(name);
}
Task DropDatabase(string name) => PostgresDatabases.DropAsync(admin, name);
string pgVersion;
await using (var conn = new NpgsqlConnection(admin))
{
    await conn.OpenAsync();
    pgVersion = conn.PostgreSqlVersion.ToString();
}

CpuSample.Postmaster = CpuSample.PostmasterOf(local.DataDirectory); // only this cluster's CPU, not other clusters on the machine

// ---- several nodes: --nodes 1,2,3 runs only this scenario ----
if (args.SkipWhile(a => a != "--nodes").Skip(1).FirstOrDefault() is { } nodeList)
{
    var nodeOptions = new Nodes.Options(nodeList.Split(',').Select(int.Parse).ToList(), Arg("--rounds", 2), clients,
        TimeSpan.FromSeconds(Arg("--warmup", 8)), TimeSpan.FromSeconds(Arg("--seconds", 15)), Arg("--lag-samples", 60));
    Console.WriteLine($"nodes {nodeList}: {nodeOptions.Rounds} round(s), {nodeOptions.Run.TotalSeconds:0} s runs, redis-server {RedisServer.Locate() ?? "missing"}");
    try
    {
        var measured = await Nodes.MeasureAsync(nodeOptions, dll, form, async name => (await CreateDatabase(name), await local.AppConnectionStringAsync(name)), DropDatabase, stamp);
        var json = Nodes.ToJson(measured, nodeOptions);
        json["machine"] = new JsonObject
        {
            ["cores"] = Environment.ProcessorCount, ["postgresql"] = pgVersion, ["os"] = System.Runtime.InteropServices.RuntimeInformation.OSDescription,
            [".net"] = Environment.Version.ToString(), ["load_average_at_end"] = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "",
        };
        json["seconds"] = Math.Round(total.Elapsed.TotalSeconds, 1);
        var nodesOut = args.Contains("--out") ? output : Path.Combine(root, "bench", "results", "nodes-latest.json");
        Directory.CreateDirectory(Path.GetDirectoryName(nodesOut)!);
        await File.WriteAllTextAsync(nodesOut, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Console.WriteLine();
        Console.WriteLine($"{"nodes",-6}{"cmd/s",8}{"vs SQL",8}{"vs 1",6}{"p50/p95 ms",14}{"lag p50/p95",13}{"CPU ms/cmd app+redis / PG",27}{"B/cmd",8}{"KiB/form",10}");
        foreach (var (key, node) in json["by_nodes"]!.AsObject())
        {
            double D(JsonNode? n) => (double)n!;
            var cpu = node!["cpu_ms_per_command"]!;
            Console.WriteLine($"{key,-6}{D(node["commands_per_s"]),8:0.0}{D(node["commands_vs_baseline"]),8:0.000}{D(node["throughput_vs_one_node"]),6:0.00}" +
                $"{$"{D(node["latency_p50_ms"]):0}/{D(node["latency_p95_ms"]):0}",14}{$"{D(node["projection_lag_queue_p50_ms"]):0}/{D(node["projection_lag_queue_p95_ms"]):0}",13}" +
                $"{$"{D(cpu["app_and_redis"]):0.00} / {D(cpu["postgres"]):0.00}",27}{D(node["mt_events_bytes_per_command"]),8:0}{D(node["schema_bytes_per_form"]) / 1024,10:0}");
        }
        Console.WriteLine($"results in {Path.GetRelativePath(root, nodesOut)}; {total.Elapsed.TotalSeconds:0} s");
        return 0;
    }
    finally
    {
        if (local.StartedByThisProcess) await local.StopAsync();
    }
}

// ---- reads at province scale: --reads [--quick] [--forms-per-year N] [--years Y] runs only this scenario ----
if (args.Contains("--reads"))
{
    var code = await ReadBenchmark.RunAsync(args, quick, root, dll, form, local, admin, stamp, pgVersion, total);
    if (local.StartedByThisProcess) await local.StopAsync();
    return code;
}

var appDb = $"bench_app_{stamp}";
var rebuildDb = $"bench_rebuild_{stamp}";
var growthDb = $"bench_growth_{stamp}";
// Measured with this many finished submissions already in the store (full mode; --growth-sizes a,b to choose).
var growthSizes = (args.SkipWhile(a => a != "--growth-sizes").Skip(1).FirstOrDefault() ?? (quick ? "" : "10000,100000"))
    .Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();
var owner = await CreateDatabase(appDb);
var appConnection = await local.AppConnectionStringAsync(appDb);
var results = new JsonObject();
try
{
    // ---- the app and its organization ----
    var units = clients * 4 + 2;
    var org = new BenchOrganization(units, 4);
    await using var app = await AppProcess.StartAsync(dll, appConnection, owner);
    await org.SeedAsync(appConnection);
    using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(10) }) { Timeout = TimeSpan.FromSeconds(60) };
    await org.LoginAllAsync(http, app.Url);
    var load = new ProductLoad(http, app.Url, org, form);
    await load.ClosedAsync(clients, TimeSpan.FromSeconds(quick ? 3 : 10), 0); // warm-up: JIT (every method compiled fully at first use), code generation, caches
    // On a busy machine the first commands (JIT) may outlast a quick warm-up, which then cancels them all: the baseline
    // needs the product's own rows, so the warm-up goes on until some commands have committed.
    for (var more = 0; more < 10 && !await Baseline.HasProductEventsAsync(owner); more++) await load.ClosedAsync(clients, TimeSpan.FromSeconds(quick ? 3 : 10), 0);
    load.Latencies.Clear();

    static CpuSample PerOperation(CpuSample used, double operations) =>
        new(used.App / Math.Max(1, operations), used.Postgres / Math.Max(1, operations), used.Load / Math.Max(1, operations));
    if (Arg("--soak", 0) is var soak and > 0)
    {
        // profiling aid: only the product's closed-model load, for attaching perf or pg_stat_statements
        Console.WriteLine($"soak: {soak} s of product load; app pid {app.ProcessId}");
        var start = CpuSample.Take(app);
        var run = await load.ClosedAsync(clients, TimeSpan.FromSeconds(soak), 0);
        var cpu = PerOperation(CpuSample.Take(app) - start, run.Commands);
        Console.WriteLine($"soak: {run.CommandsPerSecond:0.0} commands/s; CPU ms per command: app {cpu.App.TotalMilliseconds:0.00} / PostgreSQL {cpu.Postgres.TotalMilliseconds:0.00} / load {cpu.Load.TotalMilliseconds:0.00}");
        return 0;
    }

    // ---- 1 & 2: baseline and product, alternating A B A B … ----
    await Baseline.PrepareAsync(owner, clients * 8);
    var payloads = await Baseline.ProductEventsAsync(owner, 2000); // the rows the product wrote in the warm-up: the same sizes, in the same mix
    var baselineRates = new List<double>();
    var productRates = new List<double>();
    var appCpuPerCommand = new List<double>();
    var baselineCpu = new List<CpuSample>();
    var productCpu = new List<CpuSample>();
    for (var pair = 0; pair < pairs; pair++)
    {
        var baselineStart = CpuSample.Take(null);
        var b = await Baseline.RunAsync(owner, clients, runDuration, payloads);
        baselineCpu.Add(PerOperation(CpuSample.Take(null) - baselineStart, b * runDuration.TotalSeconds));
        baselineRates.Add(b);
        var cpuBefore = CpuSample.Take(app);
        var p = await load.ClosedAsync(clients, runDuration, (pair % 4) * clients);
        var used = CpuSample.Take(app) - cpuBefore;
        productCpu.Add(PerOperation(used, p.Commands));
        appCpuPerCommand.Add(used.App.TotalMilliseconds / Math.Max(1, p.Commands));
        productRates.Add(p.CommandsPerSecond);
        Console.WriteLine($"  pair {pair + 1}: baseline {b:0.0} ops/s, product {p.CommandsPerSecond:0.0} commands/s ({p.Failures} failed)");
    }
    var closedLatencies = load.Latencies.ToDictionary(kv => kv.Key, kv => Summary.Of(kv.Value.ToArray()));
    var peak = productRates.Max();

    // ---- open model at 50% of the measured peak ----
    load.Latencies.Clear();
    var open = await load.OpenAsync(peak * 0.5, openDuration, 0, clients * 4);
    var openLatencies = load.Latencies.ToDictionary(kv => kv.Key, kv => Summary.Of(kv.Value.ToArray()));
    var openAll = Summary.Of(load.Latencies.Values.SelectMany(v => v).ToArray());

    // ---- 3: projection lag ----
    var (queueLag, summaryLag) = commandsOnly ? (Summary.Of([]), Summary.Of([])) : await Lag.MeasureAsync(http, app.Url, org, units - 1, form, owner, lagSamples);

    // ---- 4: notifications ----
    var (notify, connected) = commandsOnly ? (Summary.Of([]), 0) : await Notifications.MeasureAsync(http, app.Url, org, units - 2, form, hubClients, notifySamples);

    // ---- 6: resources ----
    long eventBytes, submissions;
    await using (var conn = new NpgsqlConnection(owner))
    {
        await conn.OpenAsync();
        await using var size = new NpgsqlCommand("select pg_total_relation_size('approval.mt_events') + pg_total_relation_size('approval.mt_streams'), (select count(*) from approval.mt_streams)", conn);
        await using var reader = await size.ExecuteReaderAsync();
        await reader.ReadAsync();
        eventBytes = reader.GetInt64(0);
        submissions = reader.GetInt64(1);
    }
    var peakWorkingSet = app.PeakWorkingSet;
    await app.DisposeAsync();

    // ---- cold start: a new process on the same, already migrated store ----
    var cold = await ColdStart.MeasureAsync(dll, appConnection, owner, form, quick ? 1 : 3);
    var coldUntilCommand = cold.Select(c => c.UntilCommandMs).Order().ToList()[cold.Count / 2];

    // ---- 5: rebuild ----
    var rebuildOwner = await CreateDatabase(rebuildDb);
    var rebuild = commandsOnly ? new Rebuild.Result(0, 1, 0, 0) : await Rebuild.MeasureAsync(rebuildOwner, rebuildEvents, form);
    await DropDatabase(rebuildDb);

    // ---- growth: the same closed-model load with 10,000 and 100,000 submissions already stored ----
    var growth = new List<(Growth.Loaded Loaded, double Rate, Summary Latency, CpuSample Cpu)>();
    if (growthSizes.Length > 0 && !commandsOnly)
    {
        var growthOwner = await CreateDatabase(growthDb);
        var growthApp = await local.AppConnectionStringAsync(growthDb);
        var loadedSoFar = 0;
        var eventsSoFar = 0L;
        foreach (var size in growthSizes)
        {
            var step = await Growth.PreloadAsync(growthOwner, loadedSoFar, size, form);
            eventsSoFar += step.Events;
            var loaded = step with { Events = eventsSoFar }; // the store's totals, not this step's
            loadedSoFar = size;
            await using var sized = await AppProcess.StartAsync(dll, growthApp, growthOwner);
            var sizedOrg = new BenchOrganization(units, 4);
            await sizedOrg.SeedAsync(growthApp);
            await sizedOrg.LoginAllAsync(http, sized.Url);
            var sizedLoad = new ProductLoad(http, sized.Url, sizedOrg, form);
            await sizedLoad.ClosedAsync(clients, TimeSpan.FromSeconds(10), 0);
            sizedLoad.Latencies.Clear();
            var before = CpuSample.Take(sized);
            var run = await sizedLoad.ClosedAsync(clients, runDuration, clients);
            var used = CpuSample.Take(sized) - before;
            growth.Add((loaded, run.CommandsPerSecond, Summary.Of(sizedLoad.Latencies.Values.SelectMany(v => v).ToArray()), PerOperation(used, run.Commands)));
            Console.WriteLine($"  with {size:N0} submissions stored: {run.CommandsPerSecond:0.0} commands/s (preload {loaded.LoadSeconds:0} s + projections {loaded.ProjectSeconds:0} s)");
        }
        await DropDatabase(growthDb);
    }

    var baseline = Spread.Of(baselineRates);
    var product = Spread.Of(productRates);
    var commandsVsBaseline = product.Median / baseline.Median;
    var rebuildVsCopy = rebuild.RebuildEventsPerSecond / rebuild.CopyEventsPerSecond;

    JsonObject Lat(Summary s) => new() { ["count"] = s.Count, ["p50_ms"] = Math.Round(s.P50, 2), ["p95_ms"] = Math.Round(s.P95, 2), ["p99_ms"] = Math.Round(s.P99, 2), ["max_ms"] = Math.Round(s.Max, 2) };
    JsonObject Cpu(List<CpuSample> samples) => new()
    {
        ["app"] = Math.Round(Spread.Of(samples.Select(c => c.App.TotalMilliseconds)).Median, 3),
        ["postgres"] = Math.Round(Spread.Of(samples.Select(c => c.Postgres.TotalMilliseconds)).Median, 3),
        ["load_generator"] = Math.Round(Spread.Of(samples.Select(c => c.Load.TotalMilliseconds)).Median, 3),
    };
    JsonObject Sp(Spread s) => new() { ["median"] = Math.Round(s.Median, 1), ["min"] = Math.Round(s.Min, 1), ["max"] = Math.Round(s.Max, 1) };
    results["mode"] = quick ? "quick" : "full";
    results["machine"] = new JsonObject
    {
        ["cores"] = Environment.ProcessorCount, ["memory_gib"] = Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024.0 / 1024 / 1024, 1),
        ["postgresql"] = pgVersion, ["os"] = System.Runtime.InteropServices.RuntimeInformation.OSDescription, [".net"] = Environment.Version.ToString(),
    };
    results["clients"] = clients;
    results["baseline_ops_per_s"] = Sp(baseline);
    results["product_commands_per_s"] = Sp(product);
    results["closed_latency_by_command"] = new JsonObject(closedLatencies.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)Lat(kv.Value))));
    results["open_model"] = new JsonObject
    {
        ["target_commands_per_s"] = Math.Round(peak * 0.5, 1), ["achieved_commands_per_s"] = Math.Round(open.CommandsPerSecond, 1),
        ["all_commands"] = Lat(openAll),
        ["by_command"] = new JsonObject(openLatencies.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)Lat(kv.Value)))),
    };
    results["projection_lag"] = new JsonObject { ["review_queue"] = Lat(queueLag), ["summary_review_table"] = Lat(summaryLag) };
    results["notification_latency"] = new JsonObject { ["clients"] = connected, ["latency"] = Lat(notify) };
    results["rebuild"] = new JsonObject
    {
        ["events"] = rebuild.Events, ["copy_events_per_s"] = Math.Round(rebuild.CopyEventsPerSecond), ["rebuild_events_per_s"] = Math.Round(rebuild.RebuildEventsPerSecond),
        ["copy_seconds"] = Math.Round(rebuild.Events / rebuild.CopyEventsPerSecond, 2), ["rebuild_seconds"] = Math.Round(rebuild.RebuildSeconds, 2),
    };
    results["profile"] = new JsonObject
    {
        ["app_cpu_ms_per_command"] = Math.Round(Spread.Of(appCpuPerCommand).Median, 2),
        ["app_cpu_share_at_peak"] = Math.Round(Spread.Of(appCpuPerCommand).Median * product.Median / 1000 / Environment.ProcessorCount, 3),
        ["product_cpu_ms_per_command"] = Cpu(productCpu),
        ["baseline_cpu_ms_per_op"] = Cpu(baselineCpu),
    };
    results["resources"] = new JsonObject
    {
        ["app_peak_working_set_mib"] = Math.Round(peakWorkingSet / 1024.0 / 1024, 1), ["submissions"] = submissions,
        ["event_store_bytes"] = eventBytes, ["event_store_mib_per_10k_submissions"] = submissions == 0 ? 0 : Math.Round(eventBytes / 1024.0 / 1024 / submissions * 10_000, 1),
    };
    results["cold_start"] = new JsonObject
    {
        ["runs"] = cold.Count,
        ["process_to_started_s"] = Math.Round(cold.Select(c => c.StartedSeconds).Order().ToList()[cold.Count / 2], 2),
        ["started_to_login_ms"] = Math.Round(cold.Select(c => c.LoginMs).Order().ToList()[cold.Count / 2], 0),
        ["started_to_first_command_ms"] = Math.Round(coldUntilCommand, 0),
        ["max_started_to_first_command_ms"] = Math.Round(cold.Max(c => c.UntilCommandMs), 0),
    };
    results["growth"] = new JsonArray(growth.Select(g => (JsonNode)new JsonObject
    {
        ["submissions_stored"] = g.Loaded.Submissions, ["events_stored"] = g.Loaded.Events,
        ["commands_per_s"] = Math.Round(g.Rate, 1), ["vs_empty_store"] = Math.Round(g.Rate / product.Median, 3),
        ["latency"] = Lat(g.Latency), ["cpu_ms_per_command"] = Cpu([g.Cpu]),
        ["preload_seconds"] = Math.Round(g.Loaded.LoadSeconds, 1), ["projection_build_seconds"] = Math.Round(g.Loaded.ProjectSeconds, 1),
    }).ToArray());
    results["ratios"] = new JsonObject { ["commands_vs_baseline"] = Math.Round(commandsVsBaseline, 3), ["rebuild_vs_copy"] = Math.Round(rebuildVsCopy, 3) };
    results["seconds"] = Math.Round(total.Elapsed.TotalSeconds, 1);

    Directory.CreateDirectory(Path.GetDirectoryName(output)!);
    await File.WriteAllTextAsync(output, results.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));

    Console.WriteLine();
    Console.WriteLine($"{"measure",-44} {"value",-40}");
    Console.WriteLine(new string('-', 86));
    void Row(string name, string value) => Console.WriteLine($"{name,-44} {value,-40}");
    Row("baseline (bare SQL append) ops/s", baseline.ToString());
    Row("product commands/s (closed, 16 clients)", product.ToString());
    Row("commands_vs_baseline", $"{commandsVsBaseline:0.000}");
    foreach (var (type, s) in closedLatencies.OrderBy(kv => kv.Key)) Row($"  closed {type} p50/p95/p99 ms", $"{s.P50:0.0} / {s.P95:0.0} / {s.P99:0.0}");
    Row($"open model at {peak * 0.5:0} commands/s: p50/p95/p99 ms", $"{openAll.P50:0.0} / {openAll.P95:0.0} / {openAll.P99:0.0}");
    Row("projection lag review queue p50/p99 ms", $"{queueLag.P50:0.0} / {queueLag.P99:0.0}");
    Row("projection lag 汇总审核表 p50/p99 ms", $"{summaryLag.P50:0.0} / {summaryLag.P99:0.0}");
    Row($"notification latency ({connected} clients) p50/p99", $"{notify.P50:0.0} / {notify.P99:0.0} ms");
    Row($"rebuild over {rebuild.Events:N0} events", $"{rebuild.RebuildEventsPerSecond:N0} events/s (COPY {rebuild.CopyEventsPerSecond:N0}/s)");
    Row("rebuild_vs_copy", $"{rebuildVsCopy:0.000}");
    string CpuRow(List<CpuSample> samples) =>
        $"app {Spread.Of(samples.Select(c => c.App.TotalMilliseconds)).Median:0.00} / PostgreSQL {Spread.Of(samples.Select(c => c.Postgres.TotalMilliseconds)).Median:0.00} / load {Spread.Of(samples.Select(c => c.Load.TotalMilliseconds)).Median:0.00}";
    Row("CPU ms per command", CpuRow(productCpu));
    Row("CPU ms per baseline op", CpuRow(baselineCpu));
    Row("cold start: process → 已启动 / 已启动 → login + 起草", $"{cold.Select(c => c.StartedSeconds).Order().ToList()[cold.Count / 2]:0.0} s / {coldUntilCommand:0} ms (max {cold.Max(c => c.UntilCommandMs):0} ms)");
    Row("app peak working set", $"{peakWorkingSet / 1024.0 / 1024:0.0} MiB");
    Row("event store per 10,000 submissions", $"{(submissions == 0 ? 0 : eventBytes / 1024.0 / 1024 / submissions * 10_000):0.0} MiB ({submissions:N0} submissions)");
    foreach (var g in growth)
        Row($"with {g.Loaded.Submissions:N0} submissions stored", $"{g.Rate:0.0} commands/s ({g.Rate / product.Median:0.00}× empty), p50/p99 {g.Latency.P50:0.0} / {g.Latency.P99:0.0} ms");
    Row("total time", $"{total.Elapsed.TotalSeconds:0} s; results in {Path.GetRelativePath(root, output)}");
    Console.WriteLine($"commands_vs_baseline={commandsVsBaseline:0.000} rebuild_vs_copy={rebuildVsCopy:0.000} notify_p99_ms={notify.P99:0.0}");
    return 0;
}
finally
{
    await DropDatabase(appDb);
    await DropDatabase(rebuildDb);
    if (local.StartedByThisProcess) await local.StopAsync();
}
