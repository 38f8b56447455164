using Microsoft.Playwright;

namespace Approval.Web.Tests.Infrastructure;

/// <summary>Debian's Chromium headless shell (Playwright cannot download browsers here); a browser context per person.</summary>
public static class Chromium
{
    private static readonly SemaphoreSlim SharedLock = new(1, 1);
    private static IPlaywright? _playwright;
    private static IBrowser? _shared;

    /// <summary>
    /// The test run's one Chromium, launched on first use (again if it went away) and closed when the run ends. Tests
    /// give each person a context of their own in it (<see cref="NewPersonAsync"/>) and close their contexts.
    /// </summary>
    public static async Task<IBrowser> SharedAsync()
    {
        await SharedLock.WaitAsync();
        try
        {
            if (_shared is { IsConnected: true }) return _shared;
            if (_playwright is null)
            {
                _playwright = await Playwright.CreateAsync();
                AppDomain.CurrentDomain.ProcessExit += (_, _) =>
                {
                    try { _shared?.CloseAsync().Wait(TimeSpan.FromSeconds(10)); } catch (AggregateException) { } // already gone
                    _playwright.Dispose();
                };
            }
            return _shared = await LaunchAsync(_playwright);
        }
        finally { SharedLock.Release(); }
    }

    /// <summary>
    /// Debian's Chromium headless shell (package chromium-headless-shell; the engine Playwright itself runs headless):
    /// the full browser's headless mode builds a browser window with its toolbar per context (about 1.2 s of CPU each
    /// here, the omnibox's own web page among it, against 0.3 s), and took twice the shell's CPU for the same browser
    /// tests (558 against 250 CPU-s). The full browser where the shell is missing; CHROMIUM_PATH names another.
    /// </summary>
    private static string ExecutablePath =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path
        : File.Exists(HeadlessShell) ? HeadlessShell
        : "/usr/bin/chromium";

    private const string HeadlessShell = "/usr/lib/chromium/chromium-headless-shell";

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });

    /// <summary>
    /// How long a step or an expectation may take before it fails. Sized for a loaded 2-core CI machine (load average
    /// 10 and more), not for speed: the latency targets live in the benchmark (docs/benchmarks.md).
    /// </summary>
    public const float PatienceMs = 30_000;

    static Chromium() => Assertions.SetDefaultExpectTimeout(PatienceMs);

    public static async Task<IBrowserContext> NewPersonAsync(IBrowser browser, string baseUrl)
    {
        var context = await browser.NewContextAsync(new() { BaseURL = baseUrl, Locale = "zh-CN", ViewportSize = new() { Width = 1400, Height = 1000 } });
        context.SetDefaultTimeout(PatienceMs * 2);
        context.SetDefaultNavigationTimeout(PatienceMs * 2);
        return context;
    }

    /// <summary>
    /// Waits until a JavaScript expression is true. Evaluated through the DevTools protocol on each poll, unlike
    /// Playwright's WaitForFunction, whose in-page eval the app's Content-Security-Policy (rightly) refuses.
    /// </summary>
    public static async Task WaitUntilAsync(IPage page, string expression)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(PatienceMs);
        while (true)
        {
            try
            {
                if (await page.EvaluateAsync<bool>(expression)) return;
            }
            catch (PlaywrightException) { } // navigating: the old document is gone, the new one not yet there
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{expression} did not become true within {PatienceMs / 1000} s on {page.Url}");
            await Task.Delay(100);
        }
    }

    private static readonly System.Text.RegularExpressions.Regex AntiforgeryField =
        new("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>
    /// Signs in with the login form's own request, without drawing the form: GET /login for its antiforgery token, the
    /// POST in the person's cookie jar (a context's <see cref="IBrowserContext.APIRequest"/> shares its cookies), then a
    /// page at the address the app sends them to. Drawing and filling the login page (about 1.5 CPU-s of Chromium per
    /// person; three browser classes took 165 CPU-s of Chromium that way, 149 this way) is left to the tests that are
    /// about the login page (<see cref="SignInAsync"/>).
    /// </summary>
    public static async Task<IPage> SignInWithFormPostAsync(IBrowserContext context, string user, string password)
    {
        var login = await context.APIRequest.GetAsync("/login");
        var token = AntiforgeryField.Match(await login.TextAsync());
        Assert.True(login.Ok && token.Success, $"GET /login: {login.Status}, antiforgery token {(token.Success ? "found" : "missing")}");
        var form = context.APIRequest.CreateFormData();
        form.Set("UserName", user);
        form.Set("Password", password);
        form.Set("__RequestVerificationToken", System.Net.WebUtility.HtmlDecode(token.Groups[1].Value));
        var posted = await context.APIRequest.PostAsync("/login", new() { Form = form, MaxRedirects = 0 });
        var home = posted.Headers.GetValueOrDefault("location");
        Assert.True(posted.Status == 302 && home is not null && !home.Contains("/login", StringComparison.Ordinal),
            $"sign-in as {user}: {posted.Status} {home} {(posted.Status == 302 ? "" : await posted.TextAsync())}");
        var page = await context.NewPageAsync();
        await page.GotoAsync(home);
        return page;
    }

    /// <summary>Signs in through the login page and waits until the app has left it.</summary>
    public static async Task<IPage> SignInAsync(IBrowserContext context, string user, string password)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.FillAsync("#UserName", user);
        await page.FillAsync("#Password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/login"));
        return page;
    }
}
