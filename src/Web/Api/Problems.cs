using Approval.Workflow.Submissions;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Approval.Web;

/// <summary>
/// The one writer of the problem shape, for every refusal — the endpoints' own and the framework's (404 of an unknown
/// route, 405, 415, malformed JSON, Wolverine's idempotency answers, empty-bodied status codes, Kestrel's refusals): an
/// RFC 7807 problem with a stable <c>code</c>, a Chinese <c>title</c> for people and an English <c>detail</c> sentence.
/// </summary>
public static partial class Problems
{
    public static IResult Of(int status, string code, string message, string messageEn, IDictionary<string, object?>? extra = null) =>
        Results.Problem(Details(status, code, message, messageEn, extra));

    /// <summary>The problem itself, for Wolverine middleware that refuses by returning it.</summary>
    public static ProblemDetails Details(int status, string code, string message, string messageEn, IDictionary<string, object?>? extra = null)
    {
        var details = new ProblemDetails();
        Write(details, status, code, message, messageEn);
        foreach (var (key, value) in extra ?? new Dictionary<string, object?>()) details.Extensions[key] = value;
        return details;
    }

    /// <summary>Every field of the shape, on a problem new or the framework's own.</summary>
    private static void Write(ProblemDetails problem, int status, string code, string message, string messageEn)
    {
        problem.Status = status;
        problem.Type = $"https://approval.example/problems/{code}";
        problem.Title = message;
        problem.Detail = messageEn;
        problem.Extensions["code"] = code;
        problem.Extensions["message"] = message;
        problem.Extensions["messageEn"] = messageEn;
    }

    /// <summary>A refusal; one naming several fields lists them as <c>errors</c>: [{ field, code, message }].</summary>
    public static IResult From(RuleViolation v) => Of(v.Kind switch
    {
        ViolationKind.Invalid => 400,
        ViolationKind.Forbidden => 403,
        _ => 409,
    }, v.Code, v.Message, v.MessageEn, Extensions(v));

    private static Dictionary<string, object?> Extensions(RuleViolation v)
    {
        var extensions = new Dictionary<string, object?>(v.Facts);
        if (v.Fields.Count > 0) extensions["errors"] = v.Fields.Select(f => new { f.Field, f.Code, f.Message }).ToList();
        return extensions;
    }

    public static IResult BadRequest(string code, string message, string messageEn) => Of(400, code, message, messageEn);

    public static IResult NotFound(string what = "报告") => Of(404, "not-found", $"{what}不存在或无权查看", "not found");

    public static IResult Unauthorized() => Of(401, "unauthorized", "用户名或密码错误，或尚未登录", "not signed in or wrong credentials");

    public static IResult Forbidden(string message = "无权执行此操作") => Of(403, "forbidden", message, "forbidden");

    public static IResult VersionConflict(long? expected, long actual) => Results.Problem(VersionConflictDetails(expected, actual));

    public static ProblemDetails VersionConflictDetails(long? expected, long actual) =>
        Details(409, "version-conflict", $"报告已被他人修改（当前版本 {actual}），请刷新后重试", expected is { } e ? $"stream version is {actual}, expected {e}" : $"stream version is {actual}: a concurrent request changed it first",
            new Dictionary<string, object?> { ["currentVersion"] = actual });

    private static readonly Dictionary<int, (string Code, string Title, string Detail)> ByStatus = new()
    {
        [400] = ("bad-request", "请求格式不正确", "The request could not be read."),
        [401] = ("unauthorized", "请先登录", "Sign in first."),
        [403] = ("forbidden", "无权执行此操作", "You may not do this."),
        [404] = ("not-found", "请求的地址或资源不存在", "No such resource or address."),
        [405] = ("method-not-allowed", "该地址不支持此请求方法", "This address does not accept this HTTP method."),
        [406] = ("not-acceptable", "无法以所要求的格式答复", "The requested response format is not available."),
        [409] = ("conflict", "与当前状态冲突", "The request conflicts with the current state."),
        [422] = ("unprocessable", "请求无法处理", "The request cannot be processed."),
        [408] = ("request-timeout", "请求未能及时收到，请重试", "The request was not received in time."),
        [413] = ("too-large", "请求内容过大", "The request body is too large."),
        [414] = ("uri-too-long", "请求地址过长", "The request URI is too long."),
        [415] = ("unsupported-media-type", "请求内容类型不受支持，请以 application/json 发送", "Send the body as application/json."),
        [431] = ("headers-too-large", "请求头过大", "The request headers are too large."),
        [429] = ("too-many-requests", "请求过于频繁，请稍后再试", "Too many requests; try again later."),
        [500] = ("internal-error", "服务器内部错误，已记录，请稍后重试", "Internal error; it has been logged."),
        [503] = ("unavailable", "服务暂时不可用，请稍后重试", "The service is temporarily unavailable; try again later."),
        [505] = ("http-version-not-supported", "不支持该 HTTP 版本", "This HTTP version is not supported."),
    };

    public static (string Code, string Title, string Detail) ForStatus(int status) =>
        ByStatus.TryGetValue(status, out var known) ? known : ($"http-{status}", "请求未能完成", "The request could not be completed.");

    /// <summary>
    /// A problem the framework wrote (ASP.NET Core's, Wolverine's, an empty-bodied status code's) in the shape, its code
    /// told by what wrote it and never by its English text.
    /// </summary>
    public static void Complete(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Extensions.ContainsKey("code")) return; // written by Problems: complete already
        var http = context.HttpContext;
        var status = problem.Status ?? http.Response.StatusCode;
        var (code, title, detail) = ForStatus(status);
        // Wolverine's refusal of a body the JSON reader could not read carries the reader's position; the reader's
        // English sentence says what was wrong: keep that as the detail.
        if (status == 400 && problem.Extensions.ContainsKey("bytePositionInLine"))
        {
            // "… could not be converted to System.Nullable`1[System.DateOnly]. Path: $.content.budgetApprovedOn | …":
            // the field the caller can fix, in Chinese; the .NET type names are ours, not the caller's business.
            var field = JsonPath().Match(problem.Detail ?? "") is { Success: true } m ? m.Groups[1].Value.TrimStart('$', '.') : "";
            var body = http.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.RequestType;
            (code, title) = ("malformed-json", MalformedRequest.Describe(problem.Detail ?? "", field, body));
            if (problem.Detail is { } raw) problem.Detail = DotNetType().Replace(raw, "the expected type");
        }
        // On an endpoint deduplicated by its Idempotency-Key, Wolverine itself refuses a repeat with only the IETF
        // draft's statuses: 422 when the key was used for a different request, 409 while its first request still runs
        // (every refusal of our own has its code already).
        if (http.GetEndpoint()?.Metadata.GetMetadata<HttpChain>()?.DeduplicatedWithResponse is not null)
        {
            if (status == 422) (code, title) = ("idempotency-key-reused", "该幂等键已用于内容不同的请求，请为新操作使用新的键");
            if (status == 409)
            {
                (code, title) = ("command-in-progress", "同一操作正在处理中，请稍后重试");
                http.Response.Headers.RetryAfter = "1";
            }
        }
        Write(problem, status, code, title, string.IsNullOrWhiteSpace(problem.Detail) ? detail : problem.Detail);
        problem.Extensions.Remove("lineNumber");
        problem.Extensions.Remove("bytePositionInLine");
        problem.Instance ??= http.Request.Path;
        if (http.Features.Get<IHttpActivityFeature>()?.Activity is { } activity) problem.Extensions.TryAdd("traceId", activity.Id);
    }

    /// <summary>The problem of a status code answered without a body, written to the response.</summary>
    public static Task WriteForStatusAsync(HttpContext http)
    {
        var problem = new ProblemDetails { Status = http.Response.StatusCode };
        Complete(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
        return Results.Problem(problem).ExecuteAsync(http);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"Path: (\$[^\s|]*)")]
    private static partial System.Text.RegularExpressions.Regex JsonPath();

    [System.Text.RegularExpressions.GeneratedRegex(@"(System|Approval)\.[\w`.\[\], ]+?(?=\. |\.$| Path|$)")]
    private static partial System.Text.RegularExpressions.Regex DotNetType();
}
