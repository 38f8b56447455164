using Microsoft.AspNetCore.Http.Features;

namespace Approval.Web;

/// <summary>
/// One error shape for every refusal, the framework's own included (404 of an unknown route, 405, 415, malformed JSON,
/// empty-bodied status codes): an RFC 7807 problem with a stable <c>code</c>, a Chinese <c>title</c> and an English
/// <c>detail</c> sentence, as <see cref="Problems"/> writes them.
/// </summary>
public static partial class ProblemShape
{
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

    public static void Complete(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Extensions.ContainsKey("code")) return; // written by Problems: complete already
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        var (code, title, detail) = ForStatus(status);
        // The framework's JSON errors say what was wrong in English: keep that as the detail.
        if (status == 400 && problem.Title is { } frameworkTitle && frameworkTitle.Contains("JSON", StringComparison.OrdinalIgnoreCase))
        {
            // "… could not be converted to System.Nullable`1[System.DateOnly]. Path: $.content.budgetApprovedOn | …":
            // the field the caller can fix, in Chinese; the .NET type names are ours, not the caller's business.
            var field = JsonPath().Match(problem.Detail ?? "") is { Success: true } m ? m.Groups[1].Value.TrimStart('$', '.') : "";
            var body = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.RequestType;
            (code, title) = ("malformed-json", MalformedRequest.Describe(problem.Detail ?? "", field, body));
            if (problem.Detail is { } raw) problem.Detail = DotNetType().Replace(raw, "the expected type");
        }
        // Wolverine's answers to a repeated Idempotency-Key (the IETF draft's 422 and 409).
        if (status == 422 && problem.Detail?.Contains("already used for a different request", StringComparison.Ordinal) == true)
            (code, title) = ("idempotency-key-reused", "该幂等键已用于内容不同的请求，请为新操作使用新的键");
        if (status == 409 && problem.Detail?.Contains("still being processed", StringComparison.Ordinal) == true)
        {
            (code, title) = ("command-in-progress", "同一操作正在处理中，请稍后重试");
            context.HttpContext.Response.Headers.RetryAfter = "1";
        }
        var english = string.IsNullOrWhiteSpace(problem.Detail) ? detail : problem.Detail;
        problem.Type = $"https://approval.example/problems/{code}";
        problem.Title = title;
        problem.Detail = english;
        problem.Extensions["code"] = code;
        problem.Extensions["message"] = title;
        problem.Extensions["messageEn"] = english;
        problem.Extensions.Remove("lineNumber");
        problem.Extensions.Remove("bytePositionInLine");
        problem.Instance ??= context.HttpContext.Request.Path;
        if (context.HttpContext.Features.Get<IHttpActivityFeature>()?.Activity is { } activity) problem.Extensions.TryAdd("traceId", activity.Id);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"Path: (\$[^\s|]*)")]
    private static partial System.Text.RegularExpressions.Regex JsonPath();

    [System.Text.RegularExpressions.GeneratedRegex(@"(System|Approval)\.[\w`.\[\], ]+?(?=\. |\.$| Path|$)")]
    private static partial System.Text.RegularExpressions.Regex DotNetType();
}
