using Microsoft.AspNetCore.HttpOverrides;

namespace Approval.Web;

/// <summary>
/// What every answer tells the browser: run only this site's own scripts and styles (no inline script or style, so
/// injected markup cannot act), never be framed, never sniff types, send no full referrer elsewhere. Behind a reverse
/// proxy that terminates TLS, the forwarded scheme makes cookies <c>Secure</c> and turns HSTS on.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            // No proxy is trusted unless the operator names it: ASP.NET Core believes any loopback client by default, and
            // then one client on the machine could claim a new address per request and walk past the sign-in throttle.
            // With both lists empty the middleware would believe everyone, so then it reads no header at all.
            var proxies = TrustedProxies(configuration).ToList();
            var networks = TrustedNetworks(configuration).ToList();
            o.ForwardedHeaders = proxies.Count + networks.Count == 0 ? ForwardedHeaders.None
                : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
#pragma warning disable ASPDEPR005 // the obsolete list is still consulted by the middleware: it must be empty too
            o.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005
            foreach (var proxy in proxies) o.KnownProxies.Add(proxy);
            foreach (var network in networks) o.KnownIPNetworks.Add(network);
        });
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        return services;
    }

    /// <summary>The reverse proxies whose X-Forwarded-* are believed: <c>Approval:TrustedProxies</c> (addresses). A value
    /// that is no address stops the start-up: a typo must not silently trust nobody (or, worse, be read as someone else).</summary>
    public static IEnumerable<System.Net.IPAddress> TrustedProxies(IConfiguration configuration) =>
        (configuration.GetSection("Approval:TrustedProxies").Get<string[]>() ?? []).Select(p => System.Net.IPAddress.TryParse(p.Trim(), out var address)
            ? address : throw new InvalidOperationException($"Approval:TrustedProxies: '{p}' is not an IP address"));

    /// <summary><c>Approval:TrustedNetworks</c>: whole networks of proxies in CIDR notation (10.0.0.0/24).</summary>
    public static IEnumerable<System.Net.IPNetwork> TrustedNetworks(IConfiguration configuration) =>
        (configuration.GetSection("Approval:TrustedNetworks").Get<string[]>() ?? []).Select(n => System.Net.IPNetwork.TryParse(n.Trim(), out var network)
            ? network : throw new InvalidOperationException($"Approval:TrustedNetworks: '{n}' is not a network in CIDR notation"));

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment()) app.UseHsts(); // only ever sent over HTTPS
        app.Use((http, next) =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return next(http);
        });
        return app;
    }
}
