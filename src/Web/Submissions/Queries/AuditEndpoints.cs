using System.Globalization;
using System.Text.Json.Nodes;
using Approval.Workflow.Integrity;
using Approval.Workflow.Submissions;
using Marten;
using Wolverine.Http;

namespace Approval.Web.Submissions.Queries;

public sealed record AuditEntry(long Sequence, long Version, DateTimeOffset Timestamp, string EventType, string? ActorId, string? ActorName, string? ActorRole,
    string? CorrelationId, string? CausationId, string Summary, object Data)
{
    /// <summary>The event's Chinese name (起草, 提交审核…).</summary>
    public string Name { get; init; } = "";
    /// <summary>The summary without the actor in front, for a line that shows the actor already.</summary>
    public string Action { get; init; } = "";
}

/// <summary>
/// The audit trail is the stream itself: every event with its sequence, version, time, actor, correlation id
/// and a Chinese summary; the state as of any version or time; and what changed between two versions.
/// </summary>
public static class AuditEndpoints
{
    private static readonly string[] HistoryCsvHeader = ["序号", "版本", "时间", "时区", "事件", "事件类型", "操作人", "角色", "关联编号", "因果编号", "摘要"];
    private static readonly TimeSpan BeijingTime = TimeSpan.FromHours(8);

    [EndpointSummary("审计：事件时间线")]
    [ApiAnswer(typeof(List<AuditEntry>))]
    [WolverineGet("/api/submissions/{id}/history")]
    public static async Task<IResult> History(Guid id, IQuerySession session, Actor actor, CancellationToken ct)
    {
        if (!await Visible(id, session, actor, ct)) return Problems.NotFound();
        var events = await session.Events.FetchStreamAsync(id, token: ct);
        return Results.Ok(events.Select(EntryOf));
    }

    public static AuditEntry EntryOf(JasperFx.Events.IEvent e)
    {
        var actor = EventDescriptions.ActorOf(e.Data);
        return new AuditEntry(e.Sequence, e.Version, e.Timestamp, e.EventTypeName, actor?.UserId, actor?.Display, actor?.Role.Chinese(),
            e.CorrelationId, e.CausationId, EventDescriptions.Describe(e.Data), e.Data)
        { Name = EventDescriptions.Name(e.Data), Action = EventDescriptions.Action(e.Data) };
    }

    /// <summary>
    /// The trail as CSV for auditors' spreadsheets: times in Beijing time with a 时区 column, UTF-8 with BOM (Excel reads the
    /// Chinese), formula-like cells neutralized.
    /// </summary>
    [EndpointSummary("审计：事件时间线（CSV）")]
    [ApiAnswer(typeof(string), MediaType = "text/csv")]
    [WolverineGet("/api/submissions/{id}/history.csv")]
    public static async Task<IResult> HistoryCsv(Guid id, IQuerySession session, Actor reader, CancellationToken ct)
    {
        if (!await Visible(id, session, reader, ct)) return Problems.NotFound();
        var events = await session.Events.FetchStreamAsync(id, token: ct);
        var csv = new System.Text.StringBuilder();
        csv.AppendLine(string.Join(",", HistoryCsvHeader.Select(Public.PublicEndpoints.CsvCell)));
        foreach (var e in events)
        {
            var actor = EventDescriptions.ActorOf(e.Data);
            csv.AppendLine(string.Join(",", new[]
            {
                e.Sequence.ToString(CultureInfo.InvariantCulture), e.Version.ToString(CultureInfo.InvariantCulture),
                e.Timestamp.ToOffset(BeijingTime).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), "UTC+08:00",
                EventDescriptions.Name(e.Data), e.EventTypeName, actor?.Display, actor?.Role.Chinese(),
                e.CorrelationId, e.CausationId, EventDescriptions.Describe(e.Data),
            }.Select(Public.PublicEndpoints.CsvCell)));
        }
        var bytes = System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        return Results.File(bytes, "text/csv; charset=utf-8", $"audit-{id}.csv");
    }

    /// <summary>Recomputes the stream's hash chain and names the first event that does not match.</summary>
    [EndpointSummary("审计：校验防篡改链")]
    [ApiAnswer(typeof(ChainVerification))]
    [WolverineGet("/api/submissions/{id}/verify")]
    public static async Task<IResult> Verify(Guid id, IQuerySession session, Actor actor, Integrity.ChainKey key, CancellationToken ct)
    {
        if (!await Visible(id, session, actor, ct)) return Problems.NotFound();
        return Results.Ok(await Integrity.EventChainStamp.VerifyAsync(session, key, id, ct));
    }

    /// <summary>Time travel: the submission as it was at a stream version or at a moment.</summary>
    [EndpointSummary("审计：某版本或某时点的报告")]
    [ApiAnswer(typeof(Submission))]
    [WolverineGet("/api/submissions/{id}/as-of")]
    public static async Task<IResult> AsOf(Guid id, long? version, DateTimeOffset? at, IQuerySession session, Actor actor, CancellationToken ct)
    {
        if (!await Visible(id, session, actor, ct)) return Problems.NotFound();
        if (version is null && at is null) return Problems.BadRequest("as-of-required", "请指定版本号 version 或时间 at", "give version or at");
        // Any offset the caller wrote (+08:00 for Beijing time) names the same instant; the store compares in UTC.
        var state = await session.Events.AggregateStreamAsync<Submission>(id, version ?? 0, at?.ToUniversalTime(), token: ct);
        return state is null ? Problems.NotFound("该时点的报告") : Results.Ok(state);
    }

    [EndpointSummary("审计：两个版本之间的变化")]
    [ApiAnswer(typeof(JsonObject))]
    [WolverineGet("/api/submissions/{id}/diff")]
    public static async Task<IResult> Diff(Guid id, long from, long to, IQuerySession session, Actor actor, CancellationToken ct)
    {
        if (!await Visible(id, session, actor, ct)) return Problems.NotFound();
        var before = await session.Events.AggregateStreamAsync<Submission>(id, from, token: ct);
        var after = await session.Events.AggregateStreamAsync<Submission>(id, to, token: ct);
        if (before is null || after is null || from < 1 || to < 1) return Problems.BadRequest("versions", "版本号不存在", "no such version");
        return Results.Ok(new
        {
            From = new { Version = from, before.ContentVersion, before.Title },
            To = new { Version = to, after.ContentVersion, after.Title },
            Changes = ContentDiff.Between(before.Content, after.Content),
        });
    }

    private static async Task<bool> Visible(Guid id, IQuerySession session, Actor actor, CancellationToken ct) =>
        await session.LoadAsync<Submission>(id, ct) is { } s && SubmissionAccess.CanSee(actor, s);
}
