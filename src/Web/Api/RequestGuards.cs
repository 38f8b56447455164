using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Approval.Web;

/// <summary>Refusals that come before any endpoint: oversized bodies, and cross-site writes riding on the browser's cookie.</summary>
public static class RequestGuards
{
    /// <summary>Largest request body accepted, in bytes (uploads are limited to 8 MB by the importers).</summary>
    public const long MaxBodyBytes = 12 * 1024 * 1024;
    public const string CsrfHeader = "X-CSRF-TOKEN";

    public static WebApplication UseRequestGuards(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            if (http.Request.ContentLength > MaxBodyBytes)
            {
                await Problems.Of(413, "too-large", $"请求内容过大（上限 {MaxBodyBytes / 1024 / 1024} MB）", "request body too large").ExecuteAsync(http);
                return;
            }
            if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                limit.MaxRequestBodySize = MaxBodyBytes;
            await next();
        });
        return app;
    }

    /// <summary>
    /// A browser signed in with the cookie must also send the anti-forgery token on every API write; bearer-token
    /// clients are not exposed to cross-site requests and need none.
    /// </summary>
    public static WebApplication UseCookieCsrfCheck(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            var unsafeMethod = !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method));
            if (unsafeMethod && http.Request.Path.StartsWithSegments("/api") &&
                http.User.Identity is { IsAuthenticated: true, AuthenticationType: CookieAuthenticationDefaults.AuthenticationScheme } &&
                !await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
            {
                await Problems.Of(403, "csrf", "页面已过期，请刷新后重试", "missing or invalid anti-forgery token").ExecuteAsync(http);
                return;
            }
            await next();
        });
        return app;
    }
}
