using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Approval.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Web.Tests;

/// <summary>
/// Sessions end when access ends (demotion, password change, disabling end every token, cookie and refresh token at
/// once), a working refresh, and throttling instead of lock-out: nobody can lock anybody out, unknown and known
/// names get the same answer.
/// </summary>
public class SessionAndSignInTests(WorkflowFixture app) : IClassFixture<WorkflowFixture>
{
    private const string Password = "Session#2026-pass";

    private async Task<HttpResponseMessage> Send(HttpMethod method, string url, object? body = null, string? token = null, string? address = null, string? cookie = null)
    {
        using var client = app.Host.Server.CreateClient();
        var request = new HttpRequestMessage(method, url) { Content = body switch { null => null, HttpContent content => content, _ => JsonContent.Create(body) } };
        if (token is not null) request.Headers.Authorization = new("Bearer", token);
        if (address is not null) request.Headers.Add(ClientAddressFromTestHeader.Header, address);
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    private async Task<JsonElement> SignIn(string user, string password, string address = "10.1.0.1")
    {
        var response = await Send(HttpMethod.Post, "/api/auth/login", new { userName = user, password }, address: address);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"login {user}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task CreateReviewer(string id)
    {
        var admin = await app.TokenFor("admin");
        var created = await Send(HttpMethod.Post, "/api/admin/accounts", new { id, displayName = "临时经办", password = Password, role = "Reviewer", sectionIds = new[] { "S-1" } }, admin);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
    }

    private async Task<HttpStatusCode> Admin(string id, object change) =>
        (await Send(HttpMethod.Put, $"/api/admin/accounts/{id}", change, await app.TokenFor("admin"))).StatusCode;

    [Fact]
    public async Task A_demotion_ends_tokens_cookies_and_refresh_tokens_at_once()
    {
        await CreateReviewer("temp-rev");
        var tokens = await SignIn("temp-rev", Password);
        var access = tokens.GetProperty("accessToken").GetString()!;
        var refresh = tokens.GetProperty("refreshToken").GetString()!;
        var cookieLogin = await Send(HttpMethod.Post, "/api/auth/login", new { userName = "temp-rev", password = Password, useCookie = true }, address: "10.1.0.1");
        var cookie = cookieLogin.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("approval.auth=", StringComparison.Ordinal)).Split(';')[0];
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Get, "/api/review-queue", token: access)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Get, "/api/review-queue", cookie: cookie)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, await Admin("temp-rev", new { role = "Auditor" }));

        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(HttpMethod.Get, "/api/review-queue", token: access)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(HttpMethod.Get, "/api/auth/me", cookie: cookie)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(HttpMethod.Post, "/api/auth/refresh", new { refreshToken = refresh })).StatusCode);
        var again = await SignIn("temp-rev", Password);
        var me = await (await Send(HttpMethod.Get, "/api/auth/me", token: again.GetProperty("accessToken").GetString())).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Auditor", me.GetProperty("role").GetString());
    }

    [Fact]
    public async Task Refresh_gives_new_tokens_and_a_password_change_or_disabling_ends_everything()
    {
        await CreateReviewer("temp-pw");
        var first = await SignIn("temp-pw", Password);
        var refreshed = await Send(HttpMethod.Post, "/api/auth/refresh", new { refreshToken = first.GetProperty("refreshToken").GetString() });
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var second = await refreshed.Content.ReadFromJsonAsync<JsonElement>();
        var access = second.GetProperty("accessToken").GetString()!;
        Assert.NotEqual(first.GetProperty("refreshToken").GetString(), second.GetProperty("refreshToken").GetString());
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Get, "/api/auth/me", token: access)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(HttpMethod.Post, "/api/auth/refresh", new { refreshToken = "forged" })).StatusCode);

        var wrongCurrent = await Send(HttpMethod.Post, "/api/auth/password", new { currentPassword = "not it", newPassword = "Another#2026-pass" }, access);
        Assert.Equal(HttpStatusCode.BadRequest, wrongCurrent.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Post, "/api/auth/password", new { currentPassword = Password, newPassword = "Another#2026-pass" }, access)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(HttpMethod.Get, "/api/auth/me", token: access)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(HttpMethod.Post, "/api/auth/refresh", new { refreshToken = second.GetProperty("refreshToken").GetString() })).StatusCode);

        var afterChange = (await SignIn("temp-pw", "Another#2026-pass")).GetProperty("accessToken").GetString();
        Assert.Equal(HttpStatusCode.OK, await Admin("temp-pw", new { disabled = true }));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(HttpMethod.Get, "/api/auth/me", token: afterChange)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(HttpMethod.Post, "/api/auth/login", new { userName = "temp-pw", password = "Another#2026-pass" }, address: "10.1.0.9")).StatusCode);
    }

    [Fact]
    public async Task Hammering_a_name_throttles_the_hammer_not_the_owner_and_unknown_names_look_the_same()
    {
        async Task<HttpResponseMessage> Try(string user, string password, string address) =>
            await Send(HttpMethod.Post, "/api/auth/login", new { userName = user, password }, address: address);

        var known = await Try("admin", "wrong", "10.9.9.9");
        var unknown = await Try("nobody-here", "wrong", "10.9.9.8");
        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (known.StatusCode, unknown.StatusCode));
        string Shape(string json) { var p = JsonDocument.Parse(json).RootElement; return $"{p.GetProperty("code")}|{p.GetProperty("title")}|{p.GetProperty("detail")}"; }
        Assert.Equal(Shape(await known.Content.ReadAsStringAsync()), Shape(await unknown.Content.ReadAsStringAsync()));

        for (var i = 0; i < 5; i++) await Try("admin", "wrong", "10.9.9.9");
        var throttled = await Try("admin", WorkflowFixture.Password, "10.9.9.9"); // even the right password waits
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.NotNull(throttled.Headers.RetryAfter);
        Assert.Equal("too-many-attempts", (await throttled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        for (var i = 0; i < 6; i++) await Try("nobody-here", "wrong", "10.9.9.8");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Try("nobody-here", "wrong", "10.9.9.8")).StatusCode); // unknown names alike

        // The administrator, at their own desk, signs in as usual.
        Assert.Equal(HttpStatusCode.OK, (await Try("admin", WorkflowFixture.Password, "10.2.0.1")).StatusCode);
    }

    [Fact]
    public async Task The_admin_api_refuses_unknown_roles_and_invisible_characters()
    {
        var admin = await app.TokenFor("admin");
        async Task<string> Refused(object body, string url = "/api/admin/accounts")
        {
            var response = await Send(HttpMethod.Post, url, body, admin);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        }
        var role99 = await Send(HttpMethod.Post, "/api/admin/accounts", new StringContent("""{"id":"r99","displayName":"x","password":"Long#password1","role":99}""", Encoding.UTF8, "application/json"), admin);
        Assert.Equal(HttpStatusCode.BadRequest, role99.StatusCode);
        Assert.Equal("name-invisible", await Refused(new { id = "bidi", displayName = "张\u202e三", password = Password, role = "Auditor" }));
        Assert.Equal("id-invalid", await Refused(new { id = "zero\u200bwidth", displayName = "x", password = Password, role = "Auditor" }));
        Assert.Equal("name-invisible", await Refused(new { id = "U-X", name = "单位\u2066名\u2069", sectionId = "S-1" }, "/api/admin/units"));
        Assert.Equal(HttpStatusCode.BadRequest, (await Send(HttpMethod.Put, "/api/admin/accounts/admin", new { disabled = true }, admin)).StatusCode);
    }

    [Fact]
    public async Task A_refresh_token_works_once_and_a_replay_ends_every_session_of_the_account()
    {
        await CreateReviewer("temp-replay");
        var first = await SignIn("temp-replay", Password);
        var stolen = first.GetProperty("refreshToken").GetString();
        var refreshed = await Send(HttpMethod.Post, "/api/auth/refresh", new { refreshToken = stolen });
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var current = (await refreshed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Get, "/api/auth/me", token: current)).StatusCode);

        var replay = await Send(HttpMethod.Post, "/api/auth/refresh", new { refreshToken = stolen });
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Equal("refresh-reused", (await replay.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(HttpMethod.Get, "/api/auth/me", token: current)).StatusCode); // the family is revoked
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Post, "/api/auth/login", new { userName = "temp-replay", password = Password }, address: "10.1.0.7")).StatusCode);
    }

    [Fact]
    public async Task Wrong_current_passwords_are_throttled_per_account_wherever_they_come_from()
    {
        await CreateReviewer("pw-guess");
        var access = (await SignIn("pw-guess", Password)).GetProperty("accessToken").GetString()!;
        for (var i = 0; i < 5; i++)
        {
            var wrong = await Send(HttpMethod.Post, "/api/auth/password", new { currentPassword = $"guess-{i}-wrong", newPassword = "Another#2026-pass" }, access, address: $"10.2.0.{i + 1}");
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }
        // Over the limit even the right password waits: a guesser learns nothing more, and nothing changes.
        var throttled = await Send(HttpMethod.Post, "/api/auth/password", new { currentPassword = Password, newPassword = "Another#2026-pass" }, access, address: "10.2.0.99");
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.True(throttled.Headers.RetryAfter is not null, "429 without Retry-After");
        var problem = await throttled.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("too-many-attempts", problem.GetProperty("code").GetString());
        Assert.Contains("修改密码", problem.GetProperty("title").GetString());
        await SignIn("pw-guess", Password); // the password is unchanged and the account not locked
    }

    [Fact]
    public async Task A_client_on_the_machine_cannot_claim_other_addresses_to_walk_past_the_sign_in_throttle()
    {
        // A loopback client (no proxy is configured) naming a new X-Forwarded-For on every try: still one address.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < Approval.Web.Auth.LoginThrottle.FailuresPerAddress + 2; i++)
        {
            using var client = app.Host.Server.CreateClient();
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = JsonContent.Create(new { userName = $"nobody-{i}", password = "wrong password" }) };
            request.Headers.Add(ClientAddressFromTestHeader.Header, "127.0.0.9");
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i + 1}");
            statuses.Add((await client.SendAsync(request)).StatusCode);
        }
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(Approval.Web.Auth.LoginThrottle.FailuresPerAddress, statuses.TakeWhile(s => s == HttpStatusCode.Unauthorized).Count());
    }

    [Fact]
    public async Task The_named_proxy_is_believed_and_any_other_caller_is_not()
    {
        async Task<HttpResponseMessage> Via(string address)
        {
            using var client = app.Host.Server.CreateClient();
            var request = new HttpRequestMessage(HttpMethod.Get, "/login");
            request.Headers.Add(ClientAddressFromTestHeader.Header, address);
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-Host", "jxpz.czj.example.gov.cn"); // HSTS is never sent to localhost
            request.Headers.Add("X-Forwarded-For", "198.51.100.7");
            return await client.SendAsync(request);
        }
        var believed = await Via(AppFixture.TrustedProxy);
        Assert.True(believed.Headers.Contains("Strict-Transport-Security"), "the named proxy's https was not believed");
        Assert.All(believed.Headers.GetValues("Set-Cookie"), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.False((await Via("10.99.0.2")).Headers.Contains("Strict-Transport-Security"), "a caller that is no proxy was believed");
        Assert.False((await Via("127.0.0.1")).Headers.Contains("Strict-Transport-Security"), "a loopback caller was believed without being named");
    }

    [Fact]
    public void Forwarded_headers_are_believed_only_from_the_proxies_an_operator_names()
    {
        static Microsoft.AspNetCore.Builder.ForwardedHeadersOptions Options(Dictionary<string, string?> settings)
        {
            var configuration = Microsoft.Extensions.Configuration.MemoryConfigurationBuilderExtensions.AddInMemoryCollection(new Microsoft.Extensions.Configuration.ConfigurationBuilder(), settings).Build();
            var collection = new ServiceCollection();
            collection.AddSecurityHeaders(configuration);
            using var services = collection.BuildServiceProvider();
            return services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>>().Value;
        }

        // Both lists empty would mean "believe everyone" to the middleware: with no proxy named, no header is read at all.
        var none = Options([]);
        Assert.Equal(Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.None, none.ForwardedHeaders);
        Assert.Empty(none.KnownProxies);
        Assert.Empty(none.KnownIPNetworks);
        var named = Options(new() { ["Approval:TrustedProxies:0"] = "172.28.0.10", ["Approval:TrustedNetworks:0"] = "10.8.0.0/24" });
        Assert.Equal([System.Net.IPAddress.Parse("172.28.0.10")], named.KnownProxies);
        Assert.Equal([System.Net.IPNetwork.Parse("10.8.0.0/24")], named.KnownIPNetworks);
        Assert.True(named.ForwardedHeaders.HasFlag(Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor));
        Assert.Throws<InvalidOperationException>(() => Options(new() { ["Approval:TrustedProxies:0"] = "proxy.local" }));
    }

    [Fact]
    public async Task The_sign_in_page_is_always_shown_and_a_person_over_the_limit_gets_the_chinese_page()
    {
        const string address = "10.61.0.1";
        async Task<HttpResponseMessage> AsBrowser(HttpMethod method, HttpContent? content = null)
        {
            using var client = app.Host.Server.CreateClient();
            var request = new HttpRequestMessage(method, "/login") { Content = content };
            request.Headers.Add(ClientAddressFromTestHeader.Header, address);
            request.Headers.Accept.ParseAdd("text/html");
            return await client.SendAsync(request);
        }
        for (var i = 0; i < 70; i++) Assert.Equal(HttpStatusCode.OK, (await AsBrowser(HttpMethod.Get)).StatusCode);

        HttpResponseMessage last = null!;
        for (var i = 0; i <= 60; i++)
            last = await AsBrowser(HttpMethod.Post, new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = $"nobody-{i}", ["Password"] = "wrong password" }));
        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.Equal("text/html", last.Content.Headers.ContentType?.MediaType);
        Assert.Contains("操作过于频繁", await last.Content.ReadAsStringAsync());
        Assert.NotNull(last.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, (await AsBrowser(HttpMethod.Get)).StatusCode); // the form is still there to read
    }

    [Fact]
    public async Task A_password_nobody_could_type_is_refused()
    {
        var admin = await app.TokenFor("admin");
        var created = await Send(HttpMethod.Post, "/api/admin/accounts", new { id = "nul-password", displayName = "空字符", password = new string('\0', 20), role = "Auditor" }, admin);
        Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode);
        Assert.Equal("password-weak", (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(HttpMethod.Post, "/api/auth/login", new { userName = "nul-password", password = new string('\0', 20) }, address: "10.1.0.7")).StatusCode);
    }
}
