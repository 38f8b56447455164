using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using Approval.LocalDatabase;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Approval.Web.Tests.Infrastructure;

/// <summary>
/// A real SMTP server (the SmtpServer package) on a free loopback port: the app sends to it over TCP as it would to the
/// bureau's mail server, and the test reads each message back, parsed by MimeKit (headers decoded, the body as text).
/// </summary>
public sealed class LocalSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly SmtpServer.SmtpServer _server;
    private readonly Task _running;
    private readonly Inbox _inbox = new();

    public int Port { get; }

    public LocalSmtpServer()
    {
        Port = LoopbackPort.Free();
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_inbox);
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
    }

    public IReadOnlyList<MimeMessage> Messages => [.. _inbox.Messages];

    /// <summary>The first message to <paramref name="address"/> whose subject contains <paramref name="subjectPart"/>, waiting up to 10 s.</summary>
    public async Task<MimeMessage> WaitForAsync(string address, string subjectPart)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var found = _inbox.Messages.FirstOrDefault(m => m.To.Mailboxes.Any(b => b.Address == address) && (m.Subject ?? "").Contains(subjectPart, StringComparison.Ordinal));
            if (found is not null) return found;
            if (DateTime.UtcNow > until) throw new TimeoutException($"no message to {address} about {subjectPart}; received: {string.Join(" | ", _inbox.Messages.Select(m => m.Subject))}");
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _server.Shutdown();
        await _stop.CancelAsync();
        try { await _running; } catch (OperationCanceledException) { }
        _stop.Dispose();
    }

    private sealed class Inbox : MessageStore
    {
        public ConcurrentQueue<MimeMessage> Messages { get; } = new();

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            Messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
