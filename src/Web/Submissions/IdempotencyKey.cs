using System.Security.Cryptography;
using System.Text;
using Approval.Workflow.Submissions;

namespace Approval.Web.Submissions;

/// <summary>
/// The IETF Idempotency-Key header (draft-ietf-httpapi-idempotency-key-header), or the body's <c>commandId</c>: a key
/// names one operation of one caller. A retry with the key gets the first answer; the key with a different request, 422.
/// </summary>
public static class IdempotencyKey
{
    public const string Header = "Idempotency-Key";
    public const int MaxLength = 255;

    /// <summary>The key of this request as stored (a GUID), or a refusal when the header is unusable.</summary>
    public static (Guid? Key, IResult? Refusal) Of(HttpContext http, Actor actor, Guid? commandId)
    {
        if (!http.Request.Headers.TryGetValue(Header, out var values)) return (commandId, null);
        var header = values.ToString().Trim().Trim('"');
        if (values.Count != 1 || header.Length is 0 or > MaxLength || header.Any(char.IsControl))
            return (null, Problems.BadRequest("idempotency-key-invalid", $"Idempotency-Key 应为 1–{MaxLength} 个可见字符", $"Idempotency-Key must be 1 to {MaxLength} visible characters"));
        if (commandId is { } id && !string.Equals(id.ToString(), header, StringComparison.OrdinalIgnoreCase))
            return (null, Problems.BadRequest("idempotency-key-mismatch", "Idempotency-Key 与 commandId 不一致", "Idempotency-Key and commandId differ"));
        // Keys are the caller's own: the same text from another account is another key.
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{actor.UserId}\n{header}"));
        return (commandId ?? new Guid(hash.AsSpan(0, 16)), null);
    }

    /// <summary>Method, path and body: what must be the same for a repeat to be the same request.</summary>
    public static async Task<string> FingerprintAsync(HttpContext http, CancellationToken ct)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes($"{http.Request.Method} {http.Request.Path}\n"));
        if (http.Request.Body.CanSeek) // JSON bodies are buffered by RequestGuards
        {
            http.Request.Body.Position = 0;
            var buffer = new byte[8192];
            int read;
            while ((read = await http.Request.Body.ReadAsync(buffer, ct)) > 0) sha.AppendData(buffer, 0, read);
        }
        return Convert.ToHexString(sha.GetHashAndReset());
    }
}
