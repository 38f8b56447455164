using System.Net.Http.Json;
using System.Text.Json;
using Approval.LocalDatabase;
using Approval.Web.Organization;
using Approval.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Approval.Web.Tests;

/// <summary>
/// As shipped = as tested: the app started the way README tells a user (`dotnet run --project src/Web` from the
/// repository root, Production environment, embedded PostgreSQL, demo data), in its own process, used in Chromium as
/// every role. Any request answered 4xx/5xx, any console error and any page without its stylesheet fails the test.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class ShippedAppTests(ShippedAppTests.ShippedApp shipped) : IClassFixture<ShippedAppTests.ShippedApp>
{
    private static readonly string Shots = Path.Combine(RepositoryRoot.Find()!, "TestResults", "screenshots", "shipped");

    /// <summary>
    /// One app process (and the run's shared Chromium) for the class: starting it through `dotnet run` with the demo
    /// data takes the better part of a minute on a loaded machine, and no test here changes what another looks at.
    /// </summary>
    public sealed class ShippedApp : IAsyncLifetime
    {
        private string _database = "";
        public AppProcess App { get; private set; } = null!;
        /// <summary>What the app printed until its start-up banner ended, before any test used it.</summary>
        public string StartupOutput { get; private set; } = "";
        public IBrowser Browser { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            _database = await TestDatabase.CreateAsync("shipped");
            App = await AppProcess.RunAsync(await TestDatabase.AsReadmeRunsIt(_database));
            StartupOutput = App.Output;
            Browser = await Chromium.SharedAsync();
            Directory.CreateDirectory(Shots);
        }

        public async Task DisposeAsync()
        {
            await App.DisposeAsync();
            await TestDatabase.DropAsync(_database);
        }
    }

    [Fact]
    public void Start_up_says_where_in_which_mode_and_nothing_a_user_need_not_read()
    {
        var output = shipped.StartupOutput;
        Assert.Contains($"已启动：{shipped.App.Url}", output);
        Assert.Contains("运行环境：Production", output);
        Assert.Contains("演示模式", output);
        foreach (var noise in new[] { "CREATE TABLE", "Request starting", "Searching '", "async daemon is disabled", "found no handlers", "Executed schema update", "Now listening on", "No XML encryptor" })
            Assert.False(output.Contains(noise, StringComparison.OrdinalIgnoreCase), $"start-up log contains “{noise}”:\n{output}");
    }

    [Fact]
    public async Task Every_page_as_every_role_loads_its_assets_without_errors()
    {
        var published = await PublishOneDemoReport();
        var pages = new (string? User, string[] Paths)[]
        {
            (null, ["/", "/login", "/public", $"/public/{published}"]),
            ("dashuju", ["/submissions", $"/submissions/{published}"]),
            ("jingban", ["/review", "/dashboard", $"/submissions/{published}"]),
            ("shengshenji", ["/province", $"/province/shangrao/{published}"]), // before 上饶's 审计 reads the record of it
            ("shenji", ["/audit", $"/audit/{published}", "/dashboard", $"/submissions/{published}", "/audit/province-reads"]),
            ("admin", ["/admin", "/admin/sections", "/admin/units", "/admin/accounts", "/admin/roles", "/admin/templates", "/audit", "/dashboard"]),
        };
        var problems = new List<string>();
        foreach (var (user, paths) in pages)
        {
            await using var context = await Chromium.NewPersonAsync(shipped.Browser, shipped.App.Url);
            var page = user is null ? await context.NewPageAsync() : await Chromium.SignInAsync(context, user, DemoData.Password);
            page.Response += (_, r) => { if (r.Status >= 400) problems.Add($"{user ?? "anonymous"} {page.Url}: {r.Request.Method} {r.Url} → {r.Status}"); };
            page.Console += (_, m) => { if (m.Type == "error") problems.Add($"{user ?? "anonymous"} {page.Url}: console error {m.Text} ({m.Location})"); };
            page.PageError += (_, e) => problems.Add($"{user ?? "anonymous"} {page.Url}: script error {e}");
            foreach (var path in paths)
            {
                var response = await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
                Assert.NotNull(response);
                if (!await StylesheetApplied(page)) problems.Add($"{user ?? "anonymous"} {path}: the stylesheet is not applied");
                await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, $"{user ?? "anonymous"}{path.Replace(published.ToString(), "report").Replace('/', '_')}.png"), FullPage = true });
            }
        }
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public async Task A_missing_page_is_a_page_in_chinese_and_the_api_a_problem()
    {
        await using var context = await Chromium.NewPersonAsync(shipped.Browser, shipped.App.Url);
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync("/no-such-page", new() { WaitUntil = WaitUntilState.NetworkIdle });
        Assert.Equal(404, response!.Status);
        Assert.Equal("页面不存在", await page.InnerTextAsync("h1"));
        Assert.True(await StylesheetApplied(page));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "anonymous_404.png") });

        using var http = new HttpClient { BaseAddress = new Uri(shipped.App.Url) };
        var api = await http.GetAsync("/api/no-such-thing");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Equal("not-found", (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Every_answer_carries_the_browser_protections_and_no_server_banner()
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = new Uri(shipped.App.Url) }; // Set-Cookie stays readable
        foreach (var path in new[] { "/login", "/public", "/api/auth/me", "/css/site.css" })
        {
            var response = await http.GetAsync(path);
            Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.False(response.Headers.Contains("Server"), $"{path} announces its server");
        }
        Assert.False((await http.GetAsync("/login")).Headers.Contains("Strict-Transport-Security")); // plain HTTP: no HSTS

        // No proxy is named as README runs it: a client on this very machine claiming https is not believed
        // (the named proxy's case: SessionAndSignInTests.The_named_proxy_is_believed_and_any_other_caller_is_not).
        var proxied = new HttpRequestMessage(HttpMethod.Get, "/login")
        {
            Headers = { { "X-Forwarded-Proto", "https" }, { "X-Forwarded-Host", "jxpz.czj.example.gov.cn" }, { "X-Forwarded-For", "198.51.100.7" } },
        };
        var notBelieved = await http.SendAsync(proxied);
        Assert.False(notBelieved.Headers.Contains("Strict-Transport-Security"), "a forwarded https from an unnamed client was believed");
        Assert.All(notBelieved.Headers.GetValues("Set-Cookie"), c => Assert.DoesNotContain("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Kestrel's own refusals, of requests no middleware ever sees, are problems too; the answer before one on the same
    /// connection (pipelined) is untouched, and large answers arrive whole.
    /// </summary>
    [Fact]
    public async Task Requests_kestrel_refuses_itself_are_answered_with_problems()
    {
        var refused = new (string Request, int Status, string Code)[]
        {
            ("GET /api/submissions/%00 HTTP/1.1\r\nHost: a\r\n\r\n", 400, "bad-request"),
            ($"GET /api/submissions?q={new string('a', 100_000)} HTTP/1.1\r\nHost: a\r\n\r\n", 414, "uri-too-long"),
            ($"GET / HTTP/1.1\r\nHost: a\r\nX-Big: {new string('b', 40_000)}\r\n\r\n", 431, "headers-too-large"),
            ("GARBAGE\r\n\r\n", 400, "bad-request"),
        };
        foreach (var (request, status, code) in refused)
        {
            using var raw = await RawHttp.ConnectAsync(shipped.App.Url);
            await raw.SendAsync("GET /css/site.css HTTP/1.1\r\nHost: a\r\n\r\n" + request);
            var normal = await raw.ReadAsync();
            Assert.Equal(200, normal.Status);
            Assert.Contains(".topbar", normal.Text, StringComparison.Ordinal);
            var answer = await raw.ReadAsync();
            var what = $"{request[..Math.Min(40, request.Length)]}…";
            Assert.True(status == answer.Status, $"{what}: {answer.Status}");
            Assert.Equal("application/problem+json; charset=utf-8", answer.Headers["Content-Type"]);
            Assert.Equal("close", answer.Headers["Connection"]);
            Assert.False(answer.Headers.ContainsKey("Server"), what);
            var problem = JsonDocument.Parse(answer.Body).RootElement;
            Assert.Equal(code, problem.GetProperty("code").GetString());
            Assert.Equal(status, problem.GetProperty("status").GetInt32());
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", problem.GetProperty("title").GetString());
            Assert.Equal(problem.GetProperty("title").GetString(), problem.GetProperty("message").GetString());
            Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()), what);
            Assert.Equal(problem.GetProperty("detail").GetString(), problem.GetProperty("messageEn").GetString());
            Assert.True(await raw.ClosedAsync(), $"{what}: the connection stayed open");
        }

        using var keepAlive = await RawHttp.ConnectAsync(shipped.App.Url);
        await keepAlive.SendAsync("GET /openapi/v1.json HTTP/1.1\r\nHost: a\r\n\r\nGET /openapi/v1.json HTTP/1.1\r\nHost: a\r\n\r\nGET /css/site.css HTTP/1.1\r\nHost: a\r\n\r\n");
        var first = await keepAlive.ReadAsync();
        var second = await keepAlive.ReadAsync();
        Assert.True(first.Body.Length > 50_000, $"the document is {first.Body.Length} bytes");
        Assert.Equal(first.Body, second.Body);
        Assert.StartsWith("3.", JsonDocument.Parse(first.Body).RootElement.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Equal(200, (await keepAlive.ReadAsync()).Status);
    }

    /// <summary>site.css loaded with its rules, and the top bar painted by it (not the browser's defaults).</summary>
    private static Task<bool> StylesheetApplied(IPage page) => page.EvaluateAsync<bool>("""
        () => [...document.styleSheets].some(s => s.href && s.href.includes('/css/site.css') && s.cssRules.length > 0)
              && getComputedStyle(document.querySelector('header.topbar')).display === 'flex'
        """);

    /// <summary>The demo's first draft of 上饶市大数据发展管理局 through the whole workflow, over the API as its people would.</summary>
    private async Task<Guid> PublishOneDemoReport()
    {
        using var http = new HttpClient { BaseAddress = new Uri(shipped.App.Url), Timeout = TimeSpan.FromSeconds(60) };
        var preparer = await Token(http, "dashuju");
        var reviewer = await Token(http, "jingban");
        var drafts = await Call(http, preparer, HttpMethod.Get, "/api/submissions", null);
        var id = drafts.GetProperty("items").EnumerateArray().First().GetProperty("id").GetGuid();
        var version = (await Call(http, preparer, HttpMethod.Get, $"/api/submissions/{id}", null)).GetProperty("version").GetInt64();
        version = (await Call(http, preparer, HttpMethod.Post, $"/api/submissions/{id}/score", new { version })).GetProperty("version").GetInt64();
        version = (await Call(http, preparer, HttpMethod.Post, $"/api/submissions/{id}/submit", new { version })).GetProperty("version").GetInt64();
        version = (await Call(http, reviewer, HttpMethod.Post, $"/api/submissions/{id}/claim", new { version })).GetProperty("version").GetInt64();
        var grade = (await Call(http, reviewer, HttpMethod.Get, $"/api/submissions/{id}", null)).GetProperty("score").GetProperty("suggestedGrade").GetString() ?? "良"; // none when 不可信
        version = (await Call(http, reviewer, HttpMethod.Post, $"/api/submissions/{id}/approve",
            new { version, grade, opinion = "同意", signature = "张建国", stamp = "财政局经济建设股业务专用章" })).GetProperty("version").GetInt64();
        await Call(http, reviewer, HttpMethod.Post, $"/api/submissions/{id}/publish",
            new { version, indexNumber = "SRBD-2021-0001", publisher = "上饶市大数据发展管理局", confidentialityReviewed = true, principalSigned = true });
        // The public catalogue is written with the publication: the report is there as soon as the answer is.
        var inCatalogue = await http.GetAsync($"/api/public/reports/{id}");
        Assert.True(inCatalogue.IsSuccessStatusCode, $"the published report is not in the public catalogue: {inCatalogue.StatusCode}");
        return id;
    }

    private static async Task<string> Token(HttpClient http, string user)
    {
        var login = await http.PostAsJsonAsync("/api/auth/login", new { userName = user, password = DemoData.Password });
        Assert.True(login.IsSuccessStatusCode, await login.Content.ReadAsStringAsync());
        return (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    private static async Task<JsonElement> Call(HttpClient http, string token, HttpMethod method, string url, object? body)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new("Bearer", token);
        var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
