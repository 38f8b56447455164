using System.Net.Sockets;
using System.Text;

namespace Approval.Web.Tests.Infrastructure;

/// <summary>HTTP/1.1 over a bare socket, for requests HttpClient will not send (a NUL in the path, a malformed request line).</summary>
public sealed class RawHttp : IDisposable
{
    private readonly TcpClient _client = new();
    private NetworkStream _stream = null!;
    private readonly List<byte> _received = [];

    public sealed record Answer(int Status, Dictionary<string, string> Headers, byte[] Body)
    {
        public string Text => Encoding.UTF8.GetString(Body);
    }

    public static async Task<RawHttp> ConnectAsync(string baseUrl)
    {
        var uri = new Uri(baseUrl);
        var raw = new RawHttp();
        await raw._client.ConnectAsync(uri.Host, uri.Port);
        raw._stream = raw._client.GetStream();
        raw._stream.ReadTimeout = 30_000;
        return raw;
    }

    public Task SendAsync(string request) => _stream.WriteAsync(Encoding.Latin1.GetBytes(request)).AsTask();

    /// <summary>The next answer on the connection, framed by its Content-Length or chunked encoding.</summary>
    public async Task<Answer> ReadAsync()
    {
        var headEnd = await FillUntilAsync(() => IndexOf("\r\n\r\n"u8));
        var head = Encoding.Latin1.GetString(Take(headEnd + 4)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var headers = head.Skip(1).Select(h => h.Split(": ", 2)).ToDictionary(h => h[0], h => h[1], StringComparer.OrdinalIgnoreCase);
        var status = int.Parse(head[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        if (headers.TryGetValue("Content-Length", out var length))
        {
            var count = int.Parse(length, System.Globalization.CultureInfo.InvariantCulture);
            await FillUntilAsync(() => _received.Count >= count ? count : -1);
            return new Answer(status, headers, Take(count));
        }
        var body = new List<byte>();
        while (true)
        {
            var lineEnd = await FillUntilAsync(() => IndexOf("\r\n"u8));
            var size = Convert.ToInt32(Encoding.ASCII.GetString(Take(lineEnd + 2)).Trim(), 16);
            await FillUntilAsync(() => _received.Count >= size + 2 ? size : -1);
            body.AddRange(Take(size + 2).Take(size));
            if (size == 0) return new Answer(status, headers, [.. body]);
        }
    }

    /// <summary>True when the server has closed the connection and sent nothing more.</summary>
    public async Task<bool> ClosedAsync()
    {
        if (_received.Count > 0) return false;
        try
        {
            return await _stream.ReadAsync(new byte[1]) == 0;
        }
        catch (IOException)
        {
            return true;
        }
    }

    private async Task<int> FillUntilAsync(Func<int> found)
    {
        var buffer = new byte[65536];
        while (found() is var at && at < 0)
        {
            var read = await _stream.ReadAsync(buffer);
            if (read == 0) throw new EndOfStreamException($"the connection closed after {_received.Count} unread bytes");
            _received.AddRange(buffer.AsSpan(0, read));
        }
        return found();
    }

    private int IndexOf(ReadOnlySpan<byte> value) => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_received).IndexOf(value);

    private byte[] Take(int count)
    {
        var taken = _received.GetRange(0, count).ToArray();
        _received.RemoveRange(0, count);
        return taken;
    }

    public void Dispose() => _client.Dispose();
}
