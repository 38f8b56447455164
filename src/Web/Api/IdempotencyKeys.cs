using System.Text.Json;

namespace Approval.Web;

/// <summary>
/// One idempotency key per command, however the client sends it: the standard <c>Idempotency-Key</c> header
/// (draft-ietf-httpapi-idempotency-key-header), or the <c>commandId</c> of a JSON body or an upload form, which becomes
/// that header before Wolverine deduplicates the request on it.
/// </summary>
public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";
    public const int MaxLength = 255;

    /// <summary>A refusal when the key is unusable or contradicts the body's; null when the request may go on.</summary>
    public static async Task<IResult?> NormalizeAsync(HttpContext http)
    {
        var request = http.Request;
        if (!request.Path.StartsWithSegments("/api") || !(HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method))) return null;
        string? header = null;
        if (request.Headers.TryGetValue(Header, out var values))
        {
            header = values.ToString().Trim().Trim('"');
            if (values.Count != 1 || header.Length is 0 or > MaxLength || header.Any(char.IsControl))
                return Problems.BadRequest("idempotency-key-invalid", $"Idempotency-Key 应为 1–{MaxLength} 个可见字符", $"Idempotency-Key must be 1 to {MaxLength} visible characters");
        }
        var commandId = request.HasJsonContentType() ? await JsonCommandIdAsync(request, http.RequestAborted)
            : request.HasFormContentType ? await FormCommandIdAsync(request, http.RequestAborted) : null;
        // A GUID is one key however it is spelled ("AB…" and "ab…", braces or not); the empty GUID names nothing.
        if (Guid.TryParse(commandId, out var parsed)) commandId = parsed.ToString("D");
        if (Guid.TryParse(header, out var headerGuid))
        {
            header = headerGuid.ToString("D");
            request.Headers[Header] = header;
        }
        if (commandId == Guid.Empty.ToString("D") || header == Guid.Empty.ToString("D"))
            return Problems.BadRequest("idempotency-key-invalid", "幂等键不能为全零 GUID", "the empty GUID is not an idempotency key");
        if (commandId is not null && header is not null && !string.Equals(commandId, header, StringComparison.Ordinal))
            return Problems.BadRequest("idempotency-key-mismatch", "Idempotency-Key 与 commandId 不一致", "Idempotency-Key and commandId differ");
        if (header is null && commandId is not null) request.Headers[Header] = commandId;
        return null;
    }

    /// <summary>The top-level <c>commandId</c> of a (buffered) JSON body, read without binding it; the body is rewound.</summary>
    private static async Task<string?> JsonCommandIdAsync(HttpRequest request, CancellationToken ct)
    {
        request.EnableBuffering();
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        request.Body.Position = 0;
        try
        {
            var reader = new Utf8JsonReader(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isCommandId = reader.ValueTextEquals("commandId") || reader.ValueTextEquals("CommandId");
                reader.Read();
                if (isCommandId) return reader.TokenType == JsonTokenType.String && reader.GetString() is { Length: > 0 } id ? id.Trim() : null;
                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Malformed JSON: the endpoint refuses it with its own message.
        }
        return null;
    }

    private static async Task<string?> FormCommandIdAsync(HttpRequest request, CancellationToken ct)
    {
        request.EnableBuffering();
        try
        {
            var form = await request.ReadFormAsync(ct);
            return form["commandId"].ToString() is { Length: > 0 } id ? id.Trim() : null;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or BadHttpRequestException)
        {
            return null; // a garbled upload: the endpoint refuses it
        }
        finally
        {
            request.Body.Position = 0;
        }
    }
}
