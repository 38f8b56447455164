using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Approval.Web.Tests.Infrastructure;

/// <summary>
/// The people of a browser test: one Chromium per person, as in real life, every page watched for
/// Content-Security-Policy violations and script errors, which fail the test when it ends.
/// </summary>
public sealed class BrowserPeople(string baseUrl) : IAsyncDisposable
{
    private IPlaywright? _playwright;
    private readonly List<IBrowser> _browsers = [];
    private readonly ConcurrentBag<string> _violations = [];

    public async Task<IBrowserContext> NewPersonAsync()
    {
        _playwright ??= await Playwright.CreateAsync();
        var browser = await Chromium.LaunchAsync(_playwright);
        _browsers.Add(browser);
        var context = await Chromium.NewPersonAsync(browser, baseUrl);
        context.Page += (_, page) =>
        {
            page.Console += (_, m) => { if (m.Type == "error" && m.Text.Contains("Content Security Policy")) _violations.Add($"{page.Url}: {m.Text}"); };
            page.PageError += (_, e) => _violations.Add($"{page.Url}: script error {e}");
        };
        return context;
    }

    public async Task<IPage> SignInAsync(string user) => await Chromium.SignInAsync(await NewPersonAsync(), user, TestOrganization.Password);

    public async ValueTask DisposeAsync()
    {
        foreach (var browser in _browsers) await browser.DisposeAsync();
        _playwright?.Dispose();
        Assert.True(_violations.IsEmpty, string.Join('\n', _violations));
    }
}
