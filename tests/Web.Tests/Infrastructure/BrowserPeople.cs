using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Approval.Web.Tests.Infrastructure;

/// <summary>
/// The people of a browser test: a browser context per person (cookies, storage and cache of their own, as separate as
/// two profiles) in the test run's one Chromium (<see cref="Chromium.SharedAsync"/>: launching a browser per person cost
/// seconds each), every page watched for Content-Security-Policy violations and script errors, which fail the test
/// when it ends.
/// </summary>
public sealed class BrowserPeople(string baseUrl) : IAsyncDisposable
{
    private readonly List<IBrowserContext> _people = [];
    private readonly ConcurrentBag<string> _violations = [];

    public async Task<IBrowserContext> NewPersonAsync()
    {
        var context = await Chromium.NewPersonAsync(await Chromium.SharedAsync(), baseUrl);
        _people.Add(context);
        context.Page += (_, page) =>
        {
            page.Console += (_, m) => { if (m.Type == "error" && m.Text.Contains("Content Security Policy")) _violations.Add($"{page.Url}: {m.Text}"); };
            page.PageError += (_, e) => _violations.Add($"{page.Url}: script error {e}");
        };
        return context;
    }

    /// <summary>A new person signed in as <paramref name="user"/> (the login form's request, <see cref="Chromium.SignInWithFormPostAsync"/>), on the page the app sends them to.</summary>
    public async Task<IPage> SignInAsync(string user) => await Chromium.SignInWithFormPostAsync(await NewPersonAsync(), user, TestOrganization.Password);

    public async ValueTask DisposeAsync()
    {
        foreach (var person in _people) await person.DisposeAsync();
        Assert.True(_violations.IsEmpty, string.Join('\n', _violations));
    }
}
