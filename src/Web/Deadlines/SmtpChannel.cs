using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Approval.Web.Deadlines;

/// <summary>Email through the bureau's SMTP server (MailKit): one message per 催报 or reminder, UTF-8 plain text.</summary>
public sealed partial class SmtpChannel(IOptions<SmtpSettings> options, ILogger<SmtpChannel> logger) : IMessageChannel
{
    private readonly SmtpSettings _settings = options.Value;

    public string Name => "邮件";

    public bool Configured => _settings.Configured;

    public async Task<Delivery> SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        if (!Configured) return new Delivery(false, "未配置邮件服务器，未发送邮件");
        if (message.To.Count == 0) return new Delivery(false, "收件人没有登记电子邮箱");
        var mail = new MimeMessage();
        mail.From.Add(new MailboxAddress(_settings.FromName ?? "", _settings.From!));
        foreach (var to in message.To) mail.To.Add(MailboxAddress.Parse(to));
        mail.Subject = message.Subject;
        mail.Body = new TextPart("plain") { Text = message.Body };
        try
        {
            using var client = new SmtpClient { Timeout = _settings.TimeoutSeconds * 1000 };
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(_settings.TimeoutSeconds));
            await client.ConnectAsync(_settings.Host!, _settings.Port, Security(), timeout.Token);
            if (!string.IsNullOrEmpty(_settings.UserName)) await client.AuthenticateAsync(_settings.UserName, _settings.Password ?? "", timeout.Token);
            await client.SendAsync(mail, timeout.Token);
            await client.DisconnectAsync(true, timeout.Token);
            return new Delivery(true, null);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogNotSent(logger, e, _settings.Host ?? "", _settings.Port);
            return new Delivery(false, $"邮件服务器未能发送：{e.GetType().Name}");
        }
    }

    private SecureSocketOptions Security() => _settings.Security switch
    {
        "None" => SecureSocketOptions.None,
        "StartTls" => SecureSocketOptions.StartTls,
        "SslOnConnect" => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Could not send an email through {Host}:{Port}")]
    private static partial void LogNotSent(ILogger logger, Exception exception, string host, int port);
}
