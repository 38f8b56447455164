using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Approval.Workflow.Submissions;
using Npgsql;

namespace Approval.Bench;

/// <summary>
/// The pages and lists a user waits for, over real HTTP against the app in its own process, signed in as each role:
/// one request at a time (what one person waits for, not a saturated server), the probes taken in turn so that the
/// machine's noise falls on all of them alike. Baselines in the same run: an authenticated endpoint that reads nothing
/// (<c>/api/auth/me</c>) and a bare primary-key read of one form's snapshot over Npgsql.
/// </summary>
public static class Reads
{
    public sealed record Probe(string Name, string Group, Func<int, (string User, string Path)> Next);

    public sealed record Sampled(ProvinceStore.Bureau Bureau, int Unit, Guid Id, int Year, SubmissionState State, long Version, string Title);

    public static async Task<Dictionary<string, string>> LoginAsync(HttpClient http, string url, IEnumerable<string> users, string password)
    {
        var tokens = new Dictionary<string, string>();
        foreach (var user in users.Distinct())
        {
            var response = await http.PostAsJsonAsync($"{url}/api/auth/login", new { userName = user, password });
            response.EnsureSuccessStatusCode();
            tokens[user] = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        }
        return tokens;
    }

    private static async Task<(int Status, string Body, double Ms)> GetAsync(HttpClient http, string url, string? token, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url + path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var watch = Stopwatch.StartNew();
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, body, watch.Elapsed.TotalMilliseconds);
    }

    /// <summary>
    /// Checks that the app serves the bulk-loaded forms as it serves forms made through its API: each sampled form's
    /// state, version and title through <c>GET /api/submissions/{id}</c>, a section's whole queue count and the public
    /// catalogue's count against what was loaded. Throws on the first difference.
    /// </summary>
    public static async Task<JsonObject> CheckAsync(HttpClient http, string url, Dictionary<string, string> tokens, IReadOnlyList<Sampled> sample,
        ProvinceStore.Bureau first, long expectedSectionZero, long expectedPublished)
    {
        var checkedForms = 0;
        foreach (var s in sample.Take(200))
        {
            var (status, body, _) = await GetAsync(http, url, tokens[s.Bureau.Auditor], $"/api/submissions/{s.Id}");
            if (status != 200) throw new InvalidOperationException($"check: GET /api/submissions/{s.Id} as {s.Bureau.Auditor}: {status} {body[..Math.Min(200, body.Length)]}");
            var json = JsonDocument.Parse(body).RootElement;
            if (json.GetProperty("state").GetString() != s.State.ToString() || json.GetProperty("version").GetInt64() != s.Version || json.GetProperty("title").GetString() != s.Title)
                throw new InvalidOperationException($"check: {s.Id} is {json.GetProperty("state")} v{json.GetProperty("version")}, loaded as {s.State} v{s.Version}");
            checkedForms++;
        }
        // another bureau's auditor does not see it
        var other = sample.FirstOrDefault(s => s.Bureau.Id != first.Id);
        if (other is not null)
        {
            var (status, _, _) = await GetAsync(http, url, tokens[first.Auditor], $"/api/submissions/{other.Id}");
            if (status != 404) throw new InvalidOperationException($"check: {first.Auditor} saw another bureau's form ({status})");
        }
        var queue = JsonDocument.Parse((await GetAsync(http, url, tokens[first.Reviewer(0)], "/api/review-queue?state=all")).Body).RootElement;
        if (queue.GetProperty("total").GetInt64() != expectedSectionZero)
            throw new InvalidOperationException($"check: section 0's queue holds {queue.GetProperty("total")}, {expectedSectionZero} were loaded");
        var published = JsonDocument.Parse((await GetAsync(http, url, null, "/api/public/reports")).Body).RootElement;
        if (published.GetProperty("total").GetInt64() != expectedPublished)
            throw new InvalidOperationException($"check: the public catalogue lists {published.GetProperty("total")}, {expectedPublished} were published");
        return new JsonObject { ["forms_checked"] = checkedForms, ["section_queue_total"] = expectedSectionZero, ["public_catalogue_total"] = expectedPublished };
    }

    /// <summary>The probes over the first (largest) bureau of the layout and the whole province's public catalogue.</summary>
    public static List<Probe> Probes(ProvinceStore.Bureau b, int currentYear, IReadOnlyList<Sampled> sample)
    {
        var forms = sample.Where(s => s.Bureau.Id == b.Id).ToList();
        string Reviewer(int i) => b.Reviewer(i % b.Sections);
        (string, string) Detail(int i, string prefix)
        {
            var s = forms[i % forms.Count];
            // a reviewer opens what was sent to the section; the unit's drafts are opened here by the bureau's 审计
            var user = s.State is SubmissionState.Draft ? b.Auditor : b.Reviewer(b.SectionOf(s.Unit));
            return (user, $"{prefix}{s.Id}");
        }
        (string, string) Summary(int i, string prefix)
        {
            // a reviewer sees a unit's table once its 汇总 submission reached the section: units whose current one has
            var u = i * 7 % b.Units;
            while (ProvinceStore.Target(u * ProvinceStore.FormsPerUnitAndYear + ProvinceStore.FormsPerUnitAndYear - 1, true).State is SubmissionState.Draft) u = (u + 1) % b.Units;
            return (b.Reviewer(b.SectionOf(u)), $"{prefix}{b.UnitId(u)}/summary/{currentYear - i % 2}");
        }
        var search = new[] { "信息化", "预算单位1", "维修", $"{b.Name}预算单位{b.Units / 2}" };
        return
        [
            new("baseline: GET /api/auth/me (authenticated, reads nothing)", "baseline", i => (Reviewer(i), "/api/auth/me")),
            new("审核队列 page /review (reviewer)", "queue", i => (Reviewer(i), "/review")),
            new("审核队列 data, first page (reviewer)", "queue", i => (Reviewer(i), "/api/review-queue")),
            new("审核队列 data, filtered: all states, 良, by age, page 2 (reviewer)", "queue", i => (Reviewer(i), "/api/review-queue?state=all&grade=良&sort=age&page=2")),
            new("审核队列 data, first page (审计: whole bureau)", "queue", _ => (b.Auditor, "/api/review-queue")),
            new("汇总审核表 page /units/{unit}/summary/{year} (reviewer)", "summary", i => Summary(i, "/units/")),
            new("汇总审核表 data /api/units/{unit}/summary/{year} (reviewer)", "summary", i => Summary(i, "/api/units/")),
            new("统计 page /dashboard (reviewer)", "dashboard", i => (Reviewer(i), "/dashboard")),
            new("统计 data /api/statistics?year (reviewer)", "dashboard", i => (Reviewer(i), $"/api/statistics?year={currentYear}")),
            new("统计 data /api/statistics?year (审计: whole bureau)", "dashboard", _ => (b.Auditor, $"/api/statistics?year={currentYear}")),
            new("统计 data /api/statistics, all years (审计: whole bureau)", "dashboard", _ => (b.Auditor, "/api/statistics")),
            new("审计查阅 /audit, no filter", "audit", _ => (b.Auditor, "/audit")),
            new("审计查阅 /audit?q= (title or unit name)", "audit", i => (b.Auditor, $"/audit?q={Uri.EscapeDataString(search[i % search.Length])}")),
            new("审计查阅 /audit?year&state, page 3", "audit", i => (b.Auditor, $"/audit?year={currentYear - i % 3}&state=Published&page=3")),
            new("公开 page /public (anonymous)", "public", _ => ("", "/public")),
            new("公开 page /public?bureau= (anonymous: the bureau's unit list)", "public", _ => ("", $"/public?bureau={b.Id}")),
            new("公开 page /public?year, page 3 (anonymous)", "public", i => ("", $"/public?year={currentYear - 1 - i % 2}&page=3")),
            new("公开 data /api/public/reports, page 2 (anonymous)", "public", _ => ("", "/api/public/reports?page=2")),
            new("报告 page /submissions/{id} (reviewer)", "detail", i => Detail(i, "/submissions/")),
            new("报告 data /api/submissions/{id} (reviewer)", "detail", i => Detail(i, "/api/submissions/")),
            new("本单位报告 page /submissions (填报人)", "unit", i => (b.Preparer(i % Math.Min(b.Units, 20)), "/submissions")),
            new("本单位报告 data /api/submissions (填报人)", "unit", i => (b.Preparer(i % Math.Min(b.Units, 20)), "/api/submissions")),
            new("导航 counts /api/work-counts (reviewer)", "nav", i => (Reviewer(i), "/api/work-counts")),
        ];
    }

    public static IEnumerable<string> Users(ProvinceStore.Bureau b) =>
        Enumerable.Range(0, b.Sections).Select(b.Reviewer).Append(b.Auditor).Concat(Enumerable.Range(0, Math.Min(b.Units, 20)).Select(b.Preparer));

    /// <summary>Every probe <paramref name="samples"/> times after <paramref name="warmup"/> untimed rounds; the probes in turn.</summary>
    public static async Task<Dictionary<string, (Summary Latency, int Failures)>> MeasureAsync(HttpClient http, string url, Dictionary<string, string> tokens,
        List<Probe> probes, int samples, int warmup, string ownerConnection, IReadOnlyList<Sampled> sample)
    {
        var times = probes.ToDictionary(p => p.Name, _ => new List<double>());
        var failures = probes.ToDictionary(p => p.Name, _ => 0);
        const string bare = "baseline: SQL primary-key read of one snapshot (Npgsql, no app)";
        times[bare] = [];
        failures[bare] = 0;
        await using var conn = new NpgsqlConnection(ownerConnection);
        await conn.OpenAsync();
        for (var round = 0; round < warmup + samples; round++)
        {
            foreach (var probe in probes)
            {
                var (user, path) = probe.Next(round);
                var (status, body, ms) = await GetAsync(http, url, user == "" ? null : tokens[user], path);
                if (status != 200)
                {
                    failures[probe.Name]++;
                    if (failures[probe.Name] <= 2) Console.Error.WriteLine($"  {probe.Name}: {path} → {status} {body[..Math.Min(200, body.Length)]}");
                    continue;
                }
                if (round >= warmup) times[probe.Name].Add(ms);
            }
            await using (var cmd = new NpgsqlCommand("select data from approval.mt_doc_submission where id = $1", conn))
            {
                cmd.Parameters.AddWithValue(sample[round % sample.Count].Id);
                var watch = Stopwatch.StartNew();
                await using var reader = await cmd.ExecuteReaderAsync();
                while (await reader.ReadAsync()) _ = reader.GetString(0);
                if (round >= warmup) times[bare].Add(watch.Elapsed.TotalMilliseconds);
            }
            if (round % 20 == 19) Console.WriteLine($"  round {round + 1}/{warmup + samples}");
        }
        return times.ToDictionary(kv => kv.Key, kv => (Summary.Of(kv.Value), failures[kv.Key]));
    }

    public static JsonObject ToJson(Dictionary<string, (Summary Latency, int Failures)> measured, double targetP95) =>
        new(measured.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)new JsonObject
        {
            ["count"] = kv.Value.Latency.Count, ["failures"] = kv.Value.Failures,
            ["p50_ms"] = Math.Round(kv.Value.Latency.P50, 1), ["p95_ms"] = Math.Round(kv.Value.Latency.P95, 1),
            ["p99_ms"] = Math.Round(kv.Value.Latency.P99, 1), ["max_ms"] = Math.Round(kv.Value.Latency.Max, 1),
            ["meets_p95_target"] = kv.Value.Latency.P95 <= targetP95,
        })));

    public static void Print(string title, Dictionary<string, (Summary Latency, int Failures)> measured)
    {
        Console.WriteLine();
        Console.WriteLine(title);
        Console.WriteLine($"{"page",-72}{"p50",8}{"p95",8}{"p99",8}{"fail",6}");
        foreach (var (name, (s, f)) in measured)
            Console.WriteLine($"{name,-72}{s.P50,8:0.0}{s.P95,8:0.0}{s.P99,8:0.0}{f,6}{(s.P95 > 200 ? "  > 200 ms" : "")}");
    }
}
