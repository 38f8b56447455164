using Approval.Web.Submissions.Queries;
using Approval.Workflow.Submissions;
using Marten;
using Wolverine.Http;

namespace Approval.Web.Province;

public sealed record BureauSubmission(Guid Id, string UnitId, string UnitName, int FiscalYear, SubmissionKind Kind, string Title, SubmissionState State);

/// <summary>One 财政局's part of a province-wide answer: which bureau, and its reports.</summary>
public sealed record BureauSubmissions(string Bureau, string BureauName, int Total, IReadOnlyList<BureauSubmission> Items);

/// <param name="Bureau">The 财政局 the trail belongs to.</param>
public sealed record BureauTrail(string Bureau, string BureauName, Guid SubmissionId, IReadOnlyList<AuditEntry> Events);

/// <summary>
/// 省级审计: reads across every 财政局 of the deployment. Each answer names its bureau, and every read is recorded in the
/// bureau read (<see cref="ProvinceRead"/>) before the answer leaves, visible there to its 审计 and 管理员.
/// </summary>
public static class ProvinceAuditEndpoints
{
    public const int MaxPerBureau = 200;

    /// <summary>Every bureau's reports of a year (up to <see cref="MaxPerBureau"/> each, newest first), per bureau.</summary>
    [EndpointSummary("省级审计：各财政局的报告（每个财政局一组；每次查阅记录在被查阅的财政局）")]
    [ApiAnswer(typeof(List<BureauSubmissions>))]
    [WolverineGet("/api/province/submissions")]
    public static async Task<IResult> Submissions(int? year, IDocumentStore store, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        if (ProvinceAuditor(http) is not { } reader) return Problems.Forbidden("只有省级审计可以跨财政局查阅");
        var answer = new List<BureauSubmissions>();
        foreach (var bureau in await ProvinceReading.BureausAsync(store, ct))
            answer.Add(await ProvinceReading.SubmissionsAsync(store, bureau, reader, clock, year, state: null, MaxPerBureau, ct));
        return Results.Ok(answer);
    }

    /// <summary>One report's audit trail in the bureau named (the province reads any bureau: that choice is what is recorded).</summary>
    [EndpointSummary("省级审计：某财政局报告的事件时间线（查阅被记录）")]
    [ApiAnswer(typeof(BureauTrail))]
    [WolverineGet("/api/province/bureaus/{bureau}/submissions/{id}/history")]
    public static async Task<IResult> History(string bureau, Guid id, IDocumentStore store, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        if (ProvinceAuditor(http) is not { } reader) return Problems.Forbidden("只有省级审计可以跨财政局查阅");
        if (await ProvinceReading.BureauAsync(store, bureau, ct) is not { } registered) return Problems.NotFound("财政局");
        return await ProvinceReading.TrailAsync(store, registered, id, reader, clock, ct) is { } found ? Results.Ok(found.Trail) : Problems.NotFound();
    }

    /// <summary>The bureau's own 审计 and 管理员: every read of this bureau by a 省级审计, newest first, paged with its total.</summary>
    [EndpointSummary("审计：省级审计对本财政局的查阅记录（分页，最新在前）")]
    [ApiAnswer(typeof(PageOf<ProvinceRead>))]
    [WolverineGet("/api/audit/province-reads")]
    public static async Task<IResult> Reads(int? page, int? pageSize, IQuerySession session, Actor actor, CancellationToken ct)
    {
        if (actor.Role is not (Role.Auditor or Role.Admin)) return Problems.Forbidden("只有审计和管理员可以查看省级查阅记录");
        var (paging, refused) = Paging.From(page, pageSize);
        if (refused is not null) return refused;
        return Results.Ok(await paging.ApplyAsync(session.Query<ProvinceRead>().OrderByDescending(r => r.At), ct));
    }

    private static ProvinceReader? ProvinceAuditor(HttpContext http) => ProvinceReader.Of(http.User);
}
