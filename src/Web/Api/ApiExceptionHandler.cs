using System.Text.Json;
using Approval.Workflow.Submissions;
using JasperFx;
using Microsoft.AspNetCore.Diagnostics;

namespace Approval.Web;

/// <summary>
/// The last line: refusals and conflicts that escape an endpoint still become problem details — a concurrency
/// clash is 409, unreadable input 400 — and only true bugs are 500.
/// </summary>
public sealed partial class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // A browser's page request gets the 500 page in the layout (ErrorPages.ErrorPath), logged by the middleware.
        if (ErrorPages.WantsPage(httpContext) && !httpContext.RequestAborted.IsCancellationRequested) return false;
        if (Find<ConcurrencyException>(exception) is { } concurrency) exception = concurrency;
        var conflict = exception is ConcurrencyException or JasperFx.Events.EventStreamUnexpectedMaxEventIdException or Marten.Exceptions.StreamLockedException;
        var result = exception switch
        {
            SubmissionRuleException e => Problems.From(e.Violation),
            _ when conflict => Problems.Of(409, "version-conflict", "报告已被他人修改，请刷新后重试", "the stream changed concurrently"),
            _ when ConcurrentCreate.Refusal(exception) is { } lost => lost,
            BadHttpRequestException { StatusCode: 413 } => Problems.Of(413, "too-large", "请求内容过大", "request body too large"),
            BadHttpRequestException or JsonException or FormatException or InvalidDataException =>
                Problems.BadRequest("bad-request", MalformedRequest.Describe(exception), "malformed request: " + Short(exception)),
            // Text PostgreSQL cannot store (NUL, invalid encodings) that slipped past validation: still the caller's input.
            _ when FindPostgres(exception) is { SqlState: "22P05" or "22021" or "22P02" } =>
                Problems.BadRequest("bad-text", "内容中含有无法保存的字符", "input contains characters the database cannot store"),
            // The database is restarting or out of reach: nothing was stored, the client may retry shortly.
            _ when Unavailable(exception) => Problems.Of(503, "unavailable", "数据库暂时不可用，本次操作未保存，请稍后重试",
                "The database is temporarily unavailable; nothing was stored. Retry shortly."),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => null,
            _ => null,
        };
        if (result is null)
        {
            if (httpContext.RequestAborted.IsCancellationRequested) return true;
            LogUnhandled(logger, exception, httpContext.Request.Method, ErrorPages.RequestedPath(httpContext));
            result = Problems.Of(500, "internal-error", "服务器内部错误，已记录，请稍后重试", "internal error");
        }
        if (Unavailable(exception)) httpContext.Response.Headers.RetryAfter = "5";
        // A conflict found at commit still says where to retry from, like one found before deciding.
        if (conflict && StreamOf(exception, httpContext) is { } streamId && await CurrentVersion(httpContext, streamId, cancellationToken) is { } current)
            result = Problems.VersionConflict(null, current);
        await result.ExecuteAsync(httpContext);
        return true;
    }

    private static async Task<long?> CurrentVersion(HttpContext http, Guid streamId, CancellationToken ct)
    {
        try
        {
            // The session of the request's own 财政局 (an exception handler runs outside the endpoint's session).
            await using var session = http.RequestServices.GetRequiredService<Marten.ISessionFactory>().QuerySession();
            return (await session.Events.FetchStreamStateAsync(streamId, ct))?.Version;
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>The submission a conflict is about: the exception's stream id (a Guid or its text), else the one in the path
    /// (route values are cleared by the time an exception handler runs).</summary>
    private static Guid? StreamOf(Exception e, HttpContext http) =>
        Guid.TryParse((e as ConcurrencyException)?.Id?.ToString(), out var id) ? id
        : ErrorPages.RequestedPath(http).Value?.Split('/') is [_, "api", "submissions", var segment, ..] && Guid.TryParse(segment, out var inPath) ? inPath : null;

    private static T? Find<T>(Exception? e) where T : Exception
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is T found) return found;
            if (e is AggregateException many && many.InnerExceptions.Select(Find<T>).FirstOrDefault(x => x is not null) is { } inner) return inner;
        }
        return null;
    }

    private static bool Unavailable(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is Npgsql.NpgsqlException { IsTransient: true } or System.Net.Sockets.SocketException or TimeoutException) return true;
        return false;
    }

    private static Npgsql.PostgresException? FindPostgres(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is Npgsql.PostgresException p) return p;
        return null;
    }

    private static string Short(Exception e) => e.Message.Length > 200 ? e.Message[..200] : e.Message;

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, PathString path);
}
