using Approval.Workflow.Integrity;
using JasperFx.Events;
using Marten;

namespace Approval.Web.Integrity;

/// <summary>The key of the chain, kept outside the database (configuration, or the embedded cluster's state folder).</summary>
public sealed class ChainKey(byte[]? key)
{
    public byte[]? Value { get; } = key;

    public const string Setting = "Approval:ChainKey";

    public static ChainKey From(IConfiguration configuration)
    {
        var configured = configuration[Setting];
        if (!string.IsNullOrWhiteSpace(configured)) return new ChainKey(System.Text.Encoding.UTF8.GetBytes(configured));
        if (!string.IsNullOrWhiteSpace(configuration.GetConnectionString("Approval")))
            throw new Infrastructure.RequiredSettingMissingException(Setting,
                "防篡改事件链的密钥，环境变量 Approval__ChainKey：一段足够长的随机字符串，保存在数据库之外。" +
                "没有它，能写数据库的人就能改写历史并重算哈希链。请妥善保管：用某个密钥写入的事件只能用同一密钥验证");
        var path = Path.Combine(LocalDatabase.LocalPostgres.DefaultStateDirectory(), "chain.key");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (!File.Exists(path))
        {
            File.WriteAllBytes(path, System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return new ChainKey(File.ReadAllBytes(path));
    }
}

/// <summary>Verifies a stream's chain; <see cref="EventChainStamping"/> writes it.</summary>
public static class EventChainStamp
{
    public static string Serialize(IQuerySession session, object data) => session.DocumentStore.Options.Serializer().ToJson(data);

    public static string? HashOf(IEvent e) => e.GetHeader(EventChain.HashHeader)?.ToString();

    /// <summary>Recomputes every link of a stream and reports the first that does not hold.</summary>
    public static async Task<ChainVerification> VerifyAsync(IQuerySession session, ChainKey key, Guid streamId, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(streamId, token: ct);
        string? previous = null;
        var expectedVersion = 1L;
        foreach (var e in events)
        {
            ChainBreak Break(string reason) => new(e.Version, e.Sequence, e.EventTypeName, reason);
            if (e.Version != expectedVersion)
                return new ChainVerification(streamId, (int)expectedVersion - 1, false, Break($"版本号不连续（应为 {expectedVersion}）：事件被删除或插入"));
            var stored = HashOf(e);
            if (stored is null)
                return new ChainVerification(streamId, (int)e.Version - 1, false, Break("缺少链式哈希"));
            var recordedAt = e.GetHeader(EventChain.RecordedAtHeader)?.ToString() ?? "";
            var computed = EventChain.Link(previous, new ChainedEvent(streamId, e.Version, e.EventTypeName, Serialize(session, e.Data),
                e.UserName, e.CorrelationId, e.CausationId, recordedAt), key.Value);
            if (!string.Equals(computed, stored, StringComparison.Ordinal))
                return new ChainVerification(streamId, (int)e.Version - 1, false, Break("内容或元数据与链式哈希不符：事件已被修改"));
            previous = stored;
            expectedVersion++;
        }
        return new ChainVerification(streamId, events.Count, true, null);
    }
}
