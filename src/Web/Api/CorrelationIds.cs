using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Approval.Web;

/// <summary>
/// A client's own correlation id (<c>X-Correlation-Id</c>) on a command becomes the correlation id of every event the
/// command appends (Marten's metadata, shown in the audit trail), and is echoed on the answer; without one, the
/// request's trace id is used. Applied to every command endpoint by <see cref="Submissions.CommandPolicies"/>.
/// </summary>
public static class CorrelationFromHeader
{
    public const string Header = "X-Correlation-Id";
    public const int MaxLength = 128;

    public static ProblemDetails Before(HttpContext http, IDocumentSession session)
    {
        if (!http.Request.Headers.TryGetValue(Header, out var values)) return WolverineContinue.NoProblems;
        var value = values.ToString().Trim();
        if (values.Count != 1 || !IsValid(value))
            return Problems.Details(400, "correlation-id-invalid", $"X-Correlation-Id 应为 1–{MaxLength} 个英文字母、数字或 - _ . : 字符",
                $"X-Correlation-Id must be 1 to {MaxLength} ASCII letters, digits, '-', '_', '.' or ':'");
        session.CorrelationId = value;
        http.Response.Headers[Header] = value;
        return WolverineContinue.NoProblems;
    }

    public static bool IsValid(string value) =>
        value.Length is > 0 and <= MaxLength && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');
}
