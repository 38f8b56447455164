using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Approval.Web;

/// <summary>
/// The head of the answer Kestrel writes when it refuses a request itself: <c>HTTP/1.1 4xx/5xx</c>, then only
/// <c>Content-Length: 0</c>, <c>Connection: close</c>, <c>Date</c> (and <c>Allow</c> or <c>Server</c>), and no body.
/// No answer of the app looks like that: every refusal of the app has a problem body and the security headers.
/// </summary>
public static class RefusalHead
{
    public enum Shape { Not, Prefix, Complete }

    public const int MaxLength = 512;
    private static readonly byte[] Version = "HTTP/1.1 "u8.ToArray();
    private static readonly string[] AllowedHeaders = ["Content-Length", "Connection", "Date", "Allow", "Server"];
    private static readonly ConcurrentDictionary<int, byte[]> Bodies = new();
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>Whether <paramref name="bytes"/>, the start of an answer, are a refusal's whole head, could still become one, or are not one.</summary>
    public static Shape Classify(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > MaxLength) return Shape.Not;
        if (!bytes[..Math.Min(bytes.Length, Version.Length)].SequenceEqual(Version.AsSpan(0, Math.Min(bytes.Length, Version.Length)))) return Shape.Not;
        if (bytes.Length <= Version.Length) return Shape.Prefix;
        var status = bytes[Version.Length..];
        for (var i = 0; i < Math.Min(status.Length, 4); i++)
        {
            var fits = i switch { 0 => status[0] is (byte)'4' or (byte)'5', 3 => status[3] == ' ', _ => char.IsAsciiDigit((char)status[i]) };
            if (!fits) return Shape.Not;
        }
        var lineEnd = bytes.IndexOf("\r\n"u8);
        if (lineEnd < 0) return Shape.Prefix;
        bool length = false, close = false;
        var rest = bytes[(lineEnd + 2)..];
        while (true)
        {
            lineEnd = rest.IndexOf("\r\n"u8);
            if (lineEnd < 0) return Shape.Prefix;
            var line = rest[..lineEnd];
            rest = rest[(lineEnd + 2)..];
            if (line.IsEmpty) return rest.IsEmpty && length && close ? Shape.Complete : Shape.Not;
            var colon = line.IndexOf(": "u8);
            if (colon < 0) return Shape.Not;
            var name = Encoding.ASCII.GetString(line[..colon]);
            var value = line[(colon + 2)..];
            if (!AllowedHeaders.Contains(name, StringComparer.Ordinal)) return Shape.Not;
            if (name == "Content-Length" && !(length = value.SequenceEqual("0"u8))) return Shape.Not;
            if (name == "Connection" && !(close = value.SequenceEqual("close"u8))) return Shape.Not;
        }
    }

    /// <summary>The refusal of <paramref name="head"/> (a <see cref="Shape.Complete"/> one) with its problem as the body.</summary>
    public static void WriteProblem(ReadOnlySpan<byte> head, IBufferWriter<byte> output)
    {
        var status = int.Parse(head.Slice(Version.Length, 3), provider: System.Globalization.CultureInfo.InvariantCulture);
        var body = Bodies.GetOrAdd(status, Problem);
        var statusLineEnd = head.IndexOf("\r\n"u8) + 2;
        output.Write(head[..statusLineEnd]);
        output.Write("Content-Type: application/problem+json; charset=utf-8\r\nX-Content-Type-Options: nosniff\r\n"u8);
        var headers = head[statusLineEnd..^2];
        while (!headers.IsEmpty)
        {
            var next = headers.IndexOf("\r\n"u8) + 2;
            if (!headers.StartsWith("Content-Length: "u8)) output.Write(headers[..next]);
            headers = headers[next..];
        }
        output.Write(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"));
        output.Write(body);
    }

    private static byte[] Problem(int status)
    {
        var (code, title, detail) = Problems.ForStatus(status);
        return JsonSerializer.SerializeToUtf8Bytes(Problems.Details(status, code, title, detail), Json);
    }
}
