using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Approval.LocalDatabase;
using Approval.Workflow.SelfEvaluation;
using Approval.Workflow.Submissions;
using Npgsql;

namespace Approval.Bench;

/// <summary>
/// <c>--reads</c>: the pages a user waits for, against a province-sized store (docs/benchmarks.md, "Reads at province scale").
/// Options: <c>--quick</c> (6,000 forms a year), <c>--forms-per-year N</c> (default the scale model's 180,000), <c>--years Y</c>
/// (default 3), <c>--samples N</c> (timed requests per page), <c>--before-dll PATH</c> (measure that build of the app first,
/// on the same store, for before/after figures of one run), <c>--keep</c> (keep the database and print its name),
/// <c>--reuse NAME</c> (measure a kept database again instead of loading one).
/// </summary>
public static class ReadBenchmark
{
    public const double TargetP95Ms = 200;
    private const int FirstYear = 2023;

    public static async Task<int> RunAsync(string[] args, bool quick, string root, string dll, ProjectSelfEvaluationForm form,
        LocalPostgres local, string admin, string stamp, string pgVersion, Stopwatch total)
    {
        int Arg(string name, int fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } v && int.TryParse(v, out var n) ? n : fallback;
        string? Text(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var formsPerYear = Arg("--forms-per-year", quick ? 6_000 : 180_000);
        var years = Arg("--years", 3);
        var samples = Arg("--samples", quick ? 60 : 150);
        var beforeDll = Text("--before-dll");
        var reuse = Text("--reuse");
        var keep = args.Contains("--keep") || reuse is not null;
        var output = Text("--out") ?? Path.Combine(root, "bench", "results", "reads-latest.json");
        var units = formsPerYear / ProvinceStore.FormsPerUnitAndYear;
        var layout = ProvinceStore.Layout(units);
        var currentYear = FirstYear + years - 1;
        var database = reuse ?? $"bench_reads_{stamp}";
        Console.WriteLine($"reads: {formsPerYear:N0} forms a year × {years} years in {layout.Count} 财政局 ({units:N0} units); {samples} timed requests per page");

        if (reuse is null) await PostgresDatabases.CreateAsync(admin, database);
        var owner = local.ConnectionString(database);
        var appConnection = await local.AppConnectionStringAsync(database);
        var results = new JsonObject();
        try
        {
            List<Reads.Sampled> sample;
            JsonObject store;
            if (reuse is null)
            {
                var loaded = new List<(ProvinceStore.Bureau Bureau, int Unit, Guid Id, int Year, SubmissionState State, long Version, string Title)>();
                using (var ds = new Marten.DocumentStore(Approval.Web.ApprovalHost.BuildStoreOptions(owner, "approval", chainKey: null)))
                {
                    await ds.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
                    await ProvinceStore.SeedOrganizationAsync(ds, layout, BenchOrganization.Password);
                }
                var result = await ProvinceStore.PreloadAsync(owner, layout, FirstYear, years, form, loaded);
                sample = loaded.Select(s => new Reads.Sampled(s.Bureau, s.Unit, s.Id, s.Year, s.State, s.Version, s.Title)).ToList();
                store = new JsonObject
                {
                    ["forms"] = result.Forms, ["events"] = result.Events, ["load_seconds"] = Math.Round(result.LoadSeconds, 1),
                    ["read_model_rebuild_seconds"] = Math.Round(result.ProjectSeconds, 1),
                    ["by_state"] = new JsonObject(result.ByState.OrderBy(kv => kv.Key).Select(kv => KeyValuePair.Create(kv.Key.ToString(), (JsonNode?)kv.Value))),
                };
                Console.WriteLine($"  loaded {result.Forms:N0} forms ({result.Events:N0} events) in {result.LoadSeconds:0} s, read models in {result.ProjectSeconds:0} s");
            }
            else
            {
                sample = await SampleAsync(owner, layout);
                store = new JsonObject { ["reused"] = database };
            }
            store["bureaus"] = layout.Count;
            store["units"] = layout.Sum(b => b.Units);
            store["largest_bureau"] = new JsonObject { ["id"] = layout[0].Id, ["units"] = layout[0].Units, ["sections"] = layout[0].Sections, ["forms"] = layout[0].Units * ProvinceStore.FormsPerUnitAndYear * years };
            await using (var conn = new NpgsqlConnection(owner))
            {
                await conn.OpenAsync();
                await using var size = new NpgsqlCommand("select pg_database_size(current_database())", conn);
                store["database_bytes"] = (long)(await size.ExecuteScalarAsync())!;
            }
            results["store"] = store;

            var (sectionZero, published) = Expected(layout, years);
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { Timeout = TimeSpan.FromSeconds(120) };
            var probes = Reads.Probes(layout[0], currentYear, sample);
            var users = Reads.Users(layout[0]).Concat(layout.Select(b => b.Auditor)).Concat(sample.Select(s => s.Bureau.Auditor)).ToList();

            async Task<JsonObject> Measure(string appDll, string label)
            {
                await using var app = await AppProcess.StartAsync(appDll, appConnection, owner);
                var tokens = await Reads.LoginAsync(http, app.Url, users, BenchOrganization.Password);
                var check = await Reads.CheckAsync(http, app.Url, tokens, sample, layout[0], sectionZero, published);
                var measured = await Reads.MeasureAsync(http, app.Url, tokens, probes, samples, warmup: 3, owner, sample);
                Reads.Print($"{label}: p50 / p95 / p99 ms, one request at a time", measured);
                return new JsonObject { ["app"] = Path.GetRelativePath(root, appDll), ["check"] = check, ["pages"] = Reads.ToJson(measured, TargetP95Ms) };
            }

            if (beforeDll is not null) results["before"] = await Measure(Path.GetFullPath(beforeDll), "before");
            results["after"] = await Measure(dll, beforeDll is null ? "this build" : "after");

            results["mode"] = "reads";
            results["forms_per_year"] = formsPerYear;
            results["years"] = years;
            results["samples_per_page"] = samples;
            results["target_p95_ms"] = TargetP95Ms;
            results["machine"] = new JsonObject
            {
                ["cores"] = Environment.ProcessorCount, ["postgresql"] = pgVersion, [".net"] = Environment.Version.ToString(),
                ["load_average_at_end"] = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "",
            };
            results["seconds"] = Math.Round(total.Elapsed.TotalSeconds, 1);
            Directory.CreateDirectory(Path.GetDirectoryName(output)!);
            await File.WriteAllTextAsync(output, results.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
            Console.WriteLine($"results in {Path.GetRelativePath(root, output)}; {total.Elapsed.TotalSeconds:0} s{(keep ? $"; database kept: --reuse {database}" : "")}");
            return 0;
        }
        finally
        {
            if (!keep) await PostgresDatabases.DropAsync(admin, database);
        }
    }

    /// <summary>What was loaded into section 0 of the first bureau (every state past drafting) and published in the whole province.</summary>
    private static (long SectionZero, long Published) Expected(List<ProvinceStore.Bureau> layout, int years)
    {
        long sectionZero = 0, published = 0;
        foreach (var b in layout)
            for (var y = 0; y < years; y++)
                for (var u = 0; u < b.Units; u++)
                    for (var k = 0; k < ProvinceStore.FormsPerUnitAndYear; k++)
                    {
                        var (state, _) = ProvinceStore.Target(u * ProvinceStore.FormsPerUnitAndYear + k, y == years - 1);
                        if (state == SubmissionState.Published) published++;
                        if (b == layout[0] && b.SectionOf(u) == 0 && state != SubmissionState.Draft) sectionZero++;
                    }
        return (sectionZero, published);
    }

    /// <summary>A kept store's sample: some forms of every bureau, read back from the snapshots.</summary>
    private static async Task<List<Reads.Sampled>> SampleAsync(string owner, List<ProvinceStore.Bureau> layout)
    {
        var bureaus = layout.ToDictionary(b => b.Id);
        var sample = new List<Reads.Sampled>();
        await using var conn = new NpgsqlConnection(owner);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            "select tenant_id, id, data->>'UnitId', (data->>'FiscalYear')::int, data->>'State', (data->>'Version')::bigint, data->>'Title' " +
            "from approval.mt_doc_submission tablesample system (2) repeatable (28) limit 400", conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var b = bureaus[reader.GetString(0)];
            var unit = int.Parse(reader.GetString(2)[(b.Id.Length + 2)..], CultureInfo.InvariantCulture);
            sample.Add(new Reads.Sampled(b, unit, reader.GetGuid(1), reader.GetInt32(3), Enum.Parse<SubmissionState>(reader.GetString(4)), reader.GetInt64(5), reader.GetString(6)));
        }
        return sample;
    }
}
