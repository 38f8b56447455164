using Approval.Workflow.Submissions;
using Microsoft.AspNetCore.Mvc;

namespace Approval.Web;

/// <summary>RFC 7807 problem details with a Chinese <c>title</c>/<c>detail</c> for people and English and a stable code for programs.</summary>
public static class Problems
{
    public static IResult Of(int status, string code, string message, string messageEn, IDictionary<string, object?>? extra = null) =>
        Results.Problem(Details(status, code, message, messageEn, extra));

    /// <summary>The problem itself, for Wolverine middleware that refuses by returning it.</summary>
    public static ProblemDetails Details(int status, string code, string message, string messageEn, IDictionary<string, object?>? extra = null)
    {
        var details = new ProblemDetails
        {
            Status = status,
            Title = message,
            Detail = messageEn,
            Type = $"https://approval.example/problems/{code}",
        };
        details.Extensions["code"] = code;
        details.Extensions["message"] = message;
        details.Extensions["messageEn"] = messageEn;
        foreach (var (key, value) in extra ?? new Dictionary<string, object?>()) details.Extensions[key] = value;
        return details;
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
        Details(409, "version-conflict", $"报告已被他人修改（当前版本 {actual}），请刷新后重试", $"stream version is {actual}, expected {expected}",
            new Dictionary<string, object?> { ["currentVersion"] = actual });
}
