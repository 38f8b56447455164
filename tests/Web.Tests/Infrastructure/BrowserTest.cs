using System.Net.Http.Json;
using System.Text.Json;
using Approval.LocalDatabase;
using Approval.Workflow.Submissions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Approval.Web.Tests.Infrastructure;

/// <summary>
/// What every browser test against its lane's <see cref="LiveApp"/> needs: the app reset for the class, a Chromium per person (<see cref="BrowserPeople"/>:
/// CSP violations and script errors fail the test), screenshots under TestResults/screenshots, and the API as a signed-in
/// user to set the scene the browser then looks at.
/// </summary>
public abstract class BrowserTest(LiveApp app) : IAsyncLifetime, IScenarioApi
{
    protected static readonly string Shots = Path.Combine(RepositoryRoot.Find()!, "TestResults", "screenshots");
    private readonly Dictionary<string, string> _tokens = [];

    protected LiveApp App => app;
    protected BrowserPeople People { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        await app.ResetAsync();
        Directory.CreateDirectory(Shots);
        People = new BrowserPeople(app.BaseUrl);
    }

    public virtual async Task DisposeAsync() => await People.DisposeAsync();

    protected Task<IPage> SignIn(string user) => People.SignInAsync(user);

    /// <summary>How tall a page is shot whole (<see cref="Shot"/>): five screens.</summary>
    private const int WholePageUpTo = 5000;

    /// <summary>
    /// A screenshot for people to look at. A page up to <see cref="WholePageUpTo"/> px tall is shot whole; of a taller one
    /// (a 决算公开 package runs to 27,000 px, 55,000 px on a phone) the <see cref="WholePageUpTo"/> px around the part the test is
    /// looking at, which Playwright scrolled into view for its last step. A whole 25,000-px page cost about 7 s of
    /// Chromium's CPU per shot, six of them a third of the suite's screenshot pixels, and no one reads such an image.
    /// </summary>
    protected static async Task Shot(IPage page, string name, bool fullPage = true)
    {
        var options = new PageScreenshotOptions { Path = Path.Combine(Shots, name + ".png"), FullPage = fullPage };
        if (fullPage)
        {
            var (top, height, width) = await ExtentAsync(page);
            if (height > WholePageUpTo)
                options.Clip = new() { X = 0, Y = (float)Math.Clamp(top - 1000, 0, height - WholePageUpTo), Width = (float)width, Height = WholePageUpTo };
        }
        await page.ScreenshotAsync(options);
    }

    /// <summary>The window's scroll position and the page's height and width, once the page in the window has loaded.</summary>
    private static async Task<(double Top, double Height, double Width)> ExtentAsync(IPage page)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await page.WaitForLoadStateAsync();
                var extent = await page.EvaluateAsync<double[]>("() => [window.scrollY, document.documentElement.scrollHeight, document.documentElement.scrollWidth]");
                return (extent[0], extent[1], extent[2]);
            }
            catch (PlaywrightException) when (attempt < 50)
            {
                await Task.Delay(100); // navigating: the old document is gone, the new one not yet there
            }
        }
    }

    protected static string SeedPath(string name) => Path.Combine(AppContext.BaseDirectory, "Data", "seeds", name);

    /// <summary>An API client signed in as <paramref name="user"/> (a bearer token, one sign-in per user and test class).</summary>
    protected async Task<HttpClient> ApiAs(string user)
    {
        var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        if (!_tokens.TryGetValue(user, out var token))
        {
            var login = await http.PostAsJsonAsync("/api/auth/login", new { userName = user, password = TestOrganization.Password });
            Assert.True(login.IsSuccessStatusCode, $"sign-in as {user}: {(int)login.StatusCode}");
            _tokens[user] = token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        }
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return http;
    }

    /// <summary>A report file imported as the clerk's upload form sends it (multipart POST /api/submissions/import); the new submission's id.</summary>
    protected async Task<Guid> Import(string user, SubmissionKind kind, string fileName, string text, string title, int fiscalYear = 2021)
    {
        using var http = await ApiAs(user);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(kind.ToString()), "kind" },
            { new StringContent(fiscalYear.ToString(System.Globalization.CultureInfo.InvariantCulture)), "fiscalYear" },
            { new StringContent(title), "title" },
        };
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new("text/plain");
        form.Add(file, "file", fileName);
        var imported = await http.PostAsync("/api/submissions/import", form);
        Assert.True(imported.IsSuccessStatusCode, $"import: {(int)imported.StatusCode} {await imported.Content.ReadAsStringAsync()}");
        return (await imported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("submissionId").GetGuid();
    }

    /// <summary>Reports taken through the workflow by the API, to set the scene (<see cref="ReportScenario"/>).</summary>
    protected ReportScenario Reports => new(this);

    async Task<JsonElement> IScenarioApi.Send(string user, string url, object body, int status, HttpMethod? method)
    {
        using var http = await ApiAs(user);
        using var request = new HttpRequestMessage(method ?? HttpMethod.Post, url) { Content = JsonContent.Create(body, options: WorkflowFixture.Json) };
        var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"{url} as {user}: expected {status}, got {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    Task<long> IScenarioApi.StreamVersion(Guid id) => ReportScenario.VersionAsync(app.ConnectionString, id);

    /// <summary>A JSON POST as <paramref name="user"/> that must succeed; its answer.</summary>
    protected async Task<JsonElement> PostAs(string user, string url, object body)
    {
        using var http = await ApiAs(user);
        var response = await http.PostAsJsonAsync(url, body, WorkflowFixture.Json);
        Assert.True(response.IsSuccessStatusCode, $"{url} as {user}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>评分 through the API, as the 评分并检查 button does.</summary>
    protected async Task Score(string user, Guid id, long version)
    {
        await PostAs(user, $"/api/submissions/{id}/score", new { version, commandId = Guid.NewGuid() });
    }

    /// <summary>
    /// Every rule reports its violations in full; of the passes and the undecided, axe keeps one element each instead of
    /// building a selector for every element checked (on a page of large tables that took most of the run's time).
    /// </summary>
    private static readonly AxeRunOptions OnlyViolationsInFull = new() { ResultTypes = [ResultType.Violations] };

    /// <summary>
    /// Runs axe-core on the page as it stands and fails on every serious or critical violation (contrast, labels,
    /// landmarks, heading order …), listing each with the elements it concerns.
    /// </summary>
    protected static async Task AssertAccessible(IPage page)
    {
        // Legacy mode runs axe.run in the page itself; the default runPartial/finishRun opens a blank page per run to merge
        // frame results (about 2 s each here) — for pages without cross-origin frames, which ours never have.
#pragma warning disable CS0618 // "Legacy Mode is being removed in the future": then back to RunAxe, at its price
        var result = await page.Locator("html").RunAxeLegacy(OnlyViolationsInFull);
#pragma warning restore CS0618
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"axe on {page.Url}:\n" + string.Join("\n", serious.Select(v =>
            $"[{v.Impact}] {v.Id}: {v.Help}\n" + string.Join("\n", v.Nodes.Take(8).Select(n => $"    {n.Target} {n.Html[..Math.Min(160, n.Html.Length)]}")))));
    }

    /// <summary>The page is not wider than the window: nothing makes the whole page scroll sideways.</summary>
    protected static async Task AssertNoSidewaysScroll(IPage page)
    {
        var (scroll, inner) = (await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("window.innerWidth"));
        var wide = scroll > inner ? await page.EvaluateAsync<string>(
            "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 6).map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className).join(', ')") : "";
        Assert.True(scroll <= inner, $"{page.Url} scrolls sideways at {inner}px: {scroll}px wide ({wide})");
    }
}
