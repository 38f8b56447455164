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
            if (values.Count != 1 || !IsUsable(header)) return Invalid();
        }
        var (commandId, readable) = request.HasJsonContentType() ? await JsonCommandIdAsync(request, http.RequestAborted)
            : request.HasFormContentType ? (await FormCommandIdAsync(request, http.RequestAborted), true) : (null, true);
        if (!readable || commandId is not null && !IsUsable(commandId)) return Invalid();
        // A GUID is one key however it is spelled ("AB…" and "ab…", braces or not); the empty GUID names nothing.
        if (Guid.TryParse(commandId, out var parsed)) commandId = parsed.ToString("D");
        if (Guid.TryParse(header, out var headerGuid)) header = headerGuid.ToString("D");
        if (commandId == Guid.Empty.ToString("D") || header == Guid.Empty.ToString("D"))
            return Problems.BadRequest("idempotency-key-invalid", "幂等键不能为全零 GUID", "the empty GUID is not an idempotency key");
        if (commandId is not null && header is not null && !string.Equals(commandId, header, StringComparison.Ordinal))
            return Problems.BadRequest("idempotency-key-mismatch", "Idempotency-Key 与 commandId 不一致", "Idempotency-Key and commandId differ");
        // Wolverine deduplicates on the header as it stands: one spelling of one key, whether it came quoted (the draft's
        // sf-string), unquoted or in the body, so that a retry in another form finds the first answer.
        if ((header ?? commandId) is { } key) request.Headers[Header] = key;
        return null;
    }

    /// <summary>1–255 characters, none of them control characters, and well-formed text (no lone UTF-16 surrogate).</summary>
    private static bool IsUsable(string key) =>
        key.Length is > 0 and <= MaxLength && !key.Any(char.IsControl) && Workflow.Submissions.WellFormedText.Is(key);

    private static IResult Invalid() =>
        Problems.BadRequest("idempotency-key-invalid", $"幂等键（Idempotency-Key 或 commandId）应为 1–{MaxLength} 个可见字符", $"the idempotency key (Idempotency-Key or commandId) must be 1 to {MaxLength} visible characters");

    /// <summary>
    /// The top-level <c>commandId</c> of a (buffered) JSON body, read without binding it; the body is rewound. Not
    /// readable when the value cannot be text at all (an escaped lone surrogate such as <c>"\ud800"</c>).
    /// </summary>
    private static async Task<(string? CommandId, bool Readable)> JsonCommandIdAsync(HttpRequest request, CancellationToken ct)
    {
        request.EnableBuffering();
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        request.Body.Position = 0;
        try
        {
            var reader = new Utf8JsonReader(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return (null, true);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isCommandId = reader.ValueTextEquals("commandId") || reader.ValueTextEquals("CommandId");
                var nameStart = (int)reader.TokenStartIndex;
                reader.Read();
                if (!isCommandId)
                {
                    reader.Skip();
                    continue;
                }
                var id = reader.TokenType == JsonTokenType.String && reader.GetString() is { Length: > 0 } text ? text.Trim() : null;
                if (id is not null) WithoutProperty(request, buffer.GetBuffer().AsSpan(0, (int)buffer.Length), nameStart, (int)reader.BytesConsumed);
                return (id, true);
            }
        }
        catch (JsonException)
        {
            // Malformed JSON: the endpoint refuses it with its own message.
        }
        catch (InvalidOperationException)
        {
            return (null, false); // a string that is no text (GetString refuses an escaped lone surrogate)
        }
        return (null, true);
    }

    /// <summary>
    /// The body the endpoint and Wolverine's fingerprint see: the client's bytes without the <c>commandId</c> property
    /// (from its name to its value, with one separating comma), so that a key sent in the body and the same key sent as
    /// the header fingerprint the same request — a retry may move its key without being taken for another request (422).
    /// </summary>
    private static void WithoutProperty(HttpRequest request, ReadOnlySpan<byte> body, int nameStart, int valueEnd)
    {
        static bool Blank(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';
        var after = valueEnd;
        while (after < body.Length && Blank(body[after])) after++;
        int cutFrom = nameStart, cutTo = valueEnd;
        if (after < body.Length && body[after] == (byte)',')
        {
            cutTo = after + 1;
            while (cutTo < body.Length && Blank(body[cutTo])) cutTo++;
        }
        else
        {
            var before = nameStart - 1;
            while (before >= 0 && Blank(body[before])) before--;
            if (before >= 0 && body[before] == (byte)',') cutFrom = before;
        }
        var rewritten = new byte[body.Length - (cutTo - cutFrom)];
        body[..cutFrom].CopyTo(rewritten);
        body[cutTo..].CopyTo(rewritten.AsSpan(cutFrom));
        request.Body = new MemoryStream(rewritten, writable: false);
        request.ContentLength = rewritten.Length;
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
