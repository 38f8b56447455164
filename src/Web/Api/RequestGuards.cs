using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Approval.Web;

/// <summary>Refusals that come before any endpoint: oversized bodies, and cross-site writes riding on the browser's cookie.</summary>
public static class RequestGuards
{
    /// <summary>Largest request body accepted, in bytes (uploads are limited to 8 MB by the importers).</summary>
    public const long MaxBodyBytes = 12 * 1024 * 1024;
    public const string CsrfHeader = "X-CSRF-TOKEN";
    /// <summary>Longest path and query answered (Kestrel's own default request-line limit, 8 KB).</summary>
    public const int MaxTargetLength = 8 * 1024;

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
            // The address itself refused: a browser's page gets the status's page (re-executed with the same address, which
            // is why a re-execution is let through), the API its problem.
            if (http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null && AddressRefusal(http) is var (status, code, message, messageEn))
            {
                if (ErrorPages.WantsPage(http)) http.Response.StatusCode = status;
                else await Problems.Of(status, code, message, messageEn).ExecuteAsync(http);
                return;
            }
            if (http.Request.Path.StartsWithSegments("/api") && NamesTheEmptyGuid(http.Request.Path))
            {
                // No stream has the empty id (Marten refuses to even look for it): it does not exist — a report, a 抽查, a 委托 alike.
                await Problems.NotFound().ExecuteAsync(http);
                return;
            }
            if (await IsNullJsonBody(http))
            {
                await Problems.Of(400, "body-required", "请求内容不能为空（null）", "The request body must be a JSON object, not null.").ExecuteAsync(http);
                return;
            }
            if (await IdempotencyKeys.NormalizeAsync(http) is { } refusal)
            {
                await refusal.ExecuteAsync(http);
                return;
            }
            await next();
        });
        return app;
    }

    /// <summary>
    /// An address too long to answer (a filter value of 10,000 characters), or a query value holding a control character
    /// (unit=%00: refused here rather than by PostgreSQL, which cannot even compare such text); null for any other.
    /// </summary>
    private static (int Status, string Code, string Message, string MessageEn)? AddressRefusal(HttpContext http)
    {
        if ((http.Request.Path.Value?.Length ?? 0) + (http.Request.QueryString.Value?.Length ?? 0) > MaxTargetLength)
            return (414, "uri-too-long", "请求地址过长", "The request URI is too long.");
        if (http.Request.Query.Any(q => q.Value.Any(v => v is not null && v.Any(char.IsControl))))
            return (400, "bad-query", "查询参数中含有控制字符", "A query value holds control characters.");
        return null;
    }

    /// <summary>
    /// A JSON body of <c>null</c> deserializes to no command at all; every endpoint expects an object. Only the first
    /// character after white space is looked at ('n' starts nothing else valid), and the body is rewound for the endpoint.
    /// </summary>
    private static async Task<bool> IsNullJsonBody(HttpContext http)
    {
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || !http.Request.HasJsonContentType()) return false;
        http.Request.EnableBuffering();
        var buffer = new byte[64];
        int read;
        var first = -1;
        while (first < 0 && (read = await http.Request.Body.ReadAsync(buffer, http.RequestAborted)) > 0)
            first = Array.FindIndex(buffer, 0, read, b => b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF)) is var i and >= 0 ? buffer[i] : -1;
        http.Request.Body.Position = 0;
        return first == 'n';
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

    /// <summary>A path segment that is the empty GUID, however it is spelled (hyphens, braces, case).</summary>
    private static bool NamesTheEmptyGuid(PathString path) =>
        path.Value!.Split('/').Any(segment => segment.Length >= 32 && Guid.TryParse(segment, out var id) && id == Guid.Empty);
}
