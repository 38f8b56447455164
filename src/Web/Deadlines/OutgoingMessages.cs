namespace Approval.Web.Deadlines;

/// <summary>A message to people outside the app (a 催报, a reminder): to their addresses, in plain Chinese text.</summary>
public sealed record OutgoingMessage(IReadOnlyList<string> To, string Subject, string Body);

/// <summary>What a channel did: sent, or why not.</summary>
public sealed record Delivery(bool Sent, string? Failure);

/// <summary>
/// A way out of the app for 催报 and reminders. Email (SMTP) is the first; another (短信, 政务微信) is one more
/// implementation registered in its place. The in-app notice never depends on it.
/// </summary>
public interface IMessageChannel
{
    /// <summary>The channel's name as the reminder records it (邮件).</summary>
    string Name { get; }

    /// <summary>False when it has no settings: nothing is sent and the pages say so.</summary>
    bool Configured { get; }

    Task<Delivery> SendAsync(OutgoingMessage message, CancellationToken ct);
}

/// <summary>Smtp:Host (empty: email off), Smtp:Port (25), Smtp:From, Smtp:UserName / Smtp:Password (optional), Smtp:Security (None, StartTls, SslOnConnect or Auto).</summary>
public sealed class SmtpSettings
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string? From { get; set; }
    public string? FromName { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string Security { get; set; } = "Auto";
    public int TimeoutSeconds { get; set; } = 15;

    public bool Configured => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(From);
}
