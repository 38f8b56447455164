namespace Approval.Web;

/// <summary>
/// Refusals without a body (404, 403, 405, 415 …) and unhandled errors: the API (/api, /hubs, /openapi) and any client that
/// does not ask for HTML get the problem shape of every other refusal; a person in a browser gets a page in Chinese, in the
/// app's layout (Pages/Errors), with a way back.
/// </summary>
public static class ErrorPages
{
    public const string ErrorPath = "/errors/500";

    public static WebApplication UseErrorPages(this WebApplication app)
    {
        // Called on the app itself (not in a UseWhen branch): only there does re-executing route again to the page.
        app.UseStatusCodePagesWithReExecute("/errors/{0}");
        // Inside it, the API's own: it writes the problem first, and a response with a body is left alone by the page.
        // Completed there, so that a client asking for HTML only (Accept: text/html) still gets the whole problem as JSON.
        app.UseWhen(http => !WantsPage(http), api => api.UseStatusCodePages(context => Problems.WriteForStatusAsync(context.HttpContext)));
        return app;
    }

    public static bool IsApi(HttpContext http)
    {
        var path = RequestedPath(http);
        return path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs") || path.StartsWithSegments("/openapi");
    }

    /// <summary>The path the client asked for: while an exception is handled, Request.Path is already the error page's.</summary>
    public static PathString RequestedPath(HttpContext http) =>
        http.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>()?.Path is { Length: > 0 } original ? new PathString(original) : http.Request.Path;

    /// <summary>A browser's page request: answered with an HTML page, never with problem JSON.</summary>
    public static bool WantsPage(HttpContext http) => !IsApi(http) && AcceptsHtml(http);

    private static bool AcceptsHtml(HttpContext http) => http.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    public static (string Heading, string Explanation) Describe(int status) => status switch
    {
        404 => ("页面不存在", "您访问的页面或报告不存在，或您无权查看。请检查地址，或从首页进入。"),
        403 => ("无权限访问此页面", "您的账户无权查看此页面。如需权限，请联系系统管理员。"),
        405 or 415 => ("无法处理此请求", "此页面不支持这种访问方式，请使用页面上的按钮操作。"),
        400 => ("请求无效", "请求的内容不完整或已过期，请返回上一页刷新后重试。"),
        414 => ("地址过长", "请求地址过长，可能是筛选条件中的文字过多或链接有误。请返回上一页，缩短筛选条件后重试。"),
        429 => ("操作过于频繁", "请稍候片刻再试。"),
        >= 500 => ("系统出错了", "服务器未能完成您的请求，错误已记录。请稍后重试；如问题持续，请联系系统管理员。"),
        _ => ("请求未能完成", "请稍后重试；如问题持续，请联系系统管理员。"),
    };
}
