using System.Security.Cryptography;
using System.Text;

namespace Approval.Workflow.Integrity;

/// <summary>What one link of a stream's chain covers: the previous link, the event's place, type, data and metadata.</summary>
public sealed record ChainedEvent(
    Guid StreamId, long Version, string EventType, string DataJson, string? UserName, string? CorrelationId, string? CausationId, string RecordedAt);

/// <summary>
/// The tamper-evident chain: each event's header <c>hash</c> is HMAC-SHA256 (SHA-256 without a key) over the
/// previous event's hash and this event's type, data and metadata. Changing, removing or reordering an event
/// breaks every later link; with a key kept outside the database, even someone who can write the database
/// cannot forge a consistent chain.
/// </summary>
public static class EventChain
{
    public const string HashHeader = "hash";
    public const string RecordedAtHeader = "recorded-at";

    public static string Link(string? previous, ChainedEvent e, byte[]? key)
    {
        var text = new StringBuilder();
        void Field(string? value) => text.Append(value?.Length ?? -1).Append(':').Append(value).Append('|');
        Field(previous);
        Field(e.StreamId.ToString("N"));
        Field(e.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Field(e.EventType);
        Field(e.DataJson);
        Field(e.UserName);
        Field(e.CorrelationId);
        Field(e.CausationId);
        Field(e.RecordedAt);
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        var hash = key is { Length: > 0 } ? HMACSHA256.HashData(key, bytes) : SHA256.HashData(bytes);
        return Convert.ToHexString(hash).ToLowerInvariant();
    }
}

public sealed record ChainBreak(long Version, long Sequence, string EventType, string Reason);

public sealed record ChainVerification(Guid StreamId, int EventsChecked, bool Intact, ChainBreak? FirstBreak)
{
    public string Summary => Intact
        ? $"事件链完整：共校验 {EventsChecked} 个事件，未发现篡改"
        : $"事件链在第 {FirstBreak!.Version} 个事件（{FirstBreak.EventType}，序号 {FirstBreak.Sequence}）处断裂：{FirstBreak.Reason}";
}
