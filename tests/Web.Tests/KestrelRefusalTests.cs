using System.IO.Pipelines;
using System.Text;
using System.Text.Json;

namespace Approval.Web.Tests;

/// <summary>The connection-level rewriting of Kestrel's own refusals, byte by byte (the app process's answers: ShippedAppTests).</summary>
public sealed class KestrelRefusalTests
{
    private const string Refusal = "HTTP/1.1 414 URI Too Long\r\nContent-Length: 0\r\nConnection: close\r\nDate: Tue, 03 Mar 2026 08:00:00 GMT\r\n\r\n";

    [Fact]
    public async Task A_refusal_written_in_pieces_after_a_normal_answer_becomes_a_problem()
    {
        const string normal = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Type: text/plain\r\n\r\nhello";
        var output = await Written([normal], [Refusal[..7], Refusal[7..40], Refusal[40..]]);

        Assert.StartsWith(normal + "HTTP/1.1 414 URI Too Long\r\nContent-Type: application/problem+json; charset=utf-8\r\n", output, StringComparison.Ordinal);
        var head = output[normal.Length..(output.IndexOf("\r\n\r\n", normal.Length, StringComparison.Ordinal) + 2)];
        Assert.Contains("Connection: close", head, StringComparison.Ordinal);
        Assert.Contains("Date: Tue, 03 Mar 2026 08:00:00 GMT", head, StringComparison.Ordinal);
        var body = output[(output.IndexOf("\r\n\r\n", normal.Length, StringComparison.Ordinal) + 4)..];
        Assert.Contains($"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n", head, StringComparison.Ordinal);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal("uri-too-long", problem.GetProperty("code").GetString());
        Assert.Equal(414, problem.GetProperty("status").GetInt32());
        Assert.Equal("请求地址过长", problem.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\nDate: x\r\nContent-Type: text/plain\r\n\r\n")]
    [InlineData("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\nDate: x\r\n\r\nbody")]
    [InlineData("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nDate: x\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\nDate: x\r\n\r\n")]
    [InlineData("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n")]
    public async Task Anything_else_passes_untouched(string answer)
    {
        Assert.Equal(answer, await Written([answer[..12], answer[12..]]));
        Assert.Equal(answer + answer, await Written([answer], [answer]));
    }

    /// <summary>Each inner array is written (one GetMemory/Advance per piece) and flushed.</summary>
    private static async Task<string> Written(params string[][] flushes)
    {
        var pipe = new Pipe();
        var writer = new RefusalRewritingWriter(pipe.Writer);
        foreach (var pieces in flushes)
        {
            foreach (var piece in pieces)
            {
                var bytes = Encoding.ASCII.GetBytes(piece);
                bytes.CopyTo(writer.GetMemory(bytes.Length));
                writer.Advance(bytes.Length);
            }
            await writer.FlushAsync();
        }
        await writer.CompleteAsync();
        var result = await pipe.Reader.ReadAtLeastAsync(int.MaxValue);
        return Encoding.UTF8.GetString(result.Buffer);
    }
}
