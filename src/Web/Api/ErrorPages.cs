using System.Net;

namespace Approval.Web;

/// <summary>
/// Empty-bodied refusals (an unknown route's 404, 405, 415): the API answers the problem shape of every other refusal;
/// a person in a browser gets a page in Chinese, in the app's style, instead of the browser's own English one.
/// </summary>
public static class ErrorPages
{
    public static WebApplication UseErrorPages(this WebApplication app)
    {
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            if (IsApi(http) || !AcceptsHtml(http))
            {
                await http.RequestServices.GetRequiredService<IProblemDetailsService>()
                    .WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = { Status = http.Response.StatusCode } });
                return;
            }
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.WriteAsync(Page(http.Response.StatusCode));
        });
        return app;
    }

    public static bool IsApi(HttpContext http) =>
        http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/hubs") || http.Request.Path.StartsWithSegments("/openapi");

    private static bool AcceptsHtml(HttpContext http) => http.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    public static (string Heading, string Explanation) Describe(int status) => status switch
    {
        404 => ("页面不存在", "您访问的页面或报告不存在，或您无权查看。请检查地址，或从首页进入。"),
        403 => ("无权访问", "您的账户无权查看此页面。如需权限，请联系系统管理员。"),
        405 or 415 => ("无法处理此请求", "此页面不支持这种访问方式，请使用页面上的按钮操作。"),
        _ => ("请求未能完成", "请稍后重试；如问题持续，请联系系统管理员。"),
    };

    private static string Page(int status)
    {
        var (heading, explanation) = Describe(status);
        return $"""
            <!doctype html>
            <html lang="zh-CN">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <title>{WebUtility.HtmlEncode(heading)} · 绩效自评与决算公开审核</title>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                <link rel="stylesheet" href="/css/site.css" />
            </head>
            <body>
            <header class="topbar"><a class="brand" href="/">绩效自评与决算公开审核</a><nav><a href="/public">公开报告</a></nav></header>
            <main>
                <div class="card notice-card" role="alert">
                    <h1>{WebUtility.HtmlEncode(heading)}</h1>
                    <p>{WebUtility.HtmlEncode(explanation)}</p>
                    <div class="actions"><a class="button" href="/">返回首页</a> <a class="button secondary" href="/public">查看公开报告</a></div>
                    <p class="muted">错误代码 {status}</p>
                </div>
            </main>
            </body>
            </html>
            """;
    }
}
