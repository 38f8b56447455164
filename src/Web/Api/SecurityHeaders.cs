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
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // Loopback proxies are trusted by default; a proxy elsewhere is named in Approval:TrustedProxies.
            foreach (var proxy in configuration.GetSection("Approval:TrustedProxies").Get<string[]>() ?? [])
                if (System.Net.IPAddress.TryParse(proxy, out var address)) o.KnownProxies.Add(address);
        });
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        return services;
    }

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
