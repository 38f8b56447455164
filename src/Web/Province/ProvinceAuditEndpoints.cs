using Approval.Web.Auth;
using Approval.Web.Submissions.Queries;
using Approval.Web.Tenants;
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
    [WolverineGet("/api/province/submissions")]
    public static async Task<IResult> Submissions(int? year, IDocumentStore store, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        if (ProvinceAuditor(http) is not { } reader) return Problems.Forbidden("只有省级审计可以跨财政局查阅");
        var answer = new List<BureauSubmissions>();
        foreach (var bureau in await BureausAsync(store, ct))
        {
            await using var session = store.LightweightSession(bureau.Id);
            var query = session.Query<Submission>().Where(s => year == null || s.FiscalYear == year);
            var total = await query.CountAsync(ct);
            var items = await query.OrderByDescending(s => s.Id).Take(MaxPerBureau)
                .Select(s => new BureauSubmission(s.Id, s.UnitId, s.UnitName, s.FiscalYear, s.Kind, s.Title, s.State)).ToListAsync(ct);
            Record(session, reader, clock, year is null ? "报告列表（全部年度）" : $"报告列表（{year} 年度）", null);
            await session.SaveChangesAsync(ct);
            answer.Add(new BureauSubmissions(bureau.Id, bureau.Name, total, items));
        }
        return Results.Ok(answer);
    }

    /// <summary>One report's audit trail in the bureau named (the province reads any bureau: that choice is what is recorded).</summary>
    [WolverineGet("/api/province/bureaus/{bureau}/submissions/{id}/history")]
    public static async Task<IResult> History(string bureau, Guid id, IDocumentStore store, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        if (ProvinceAuditor(http) is not { } reader) return Problems.Forbidden("只有省级审计可以跨财政局查阅");
        var registered = (await BureausAsync(store, ct)).FirstOrDefault(b => b.Id == bureau);
        if (registered is null) return Problems.NotFound("财政局");
        await using var session = store.LightweightSession(registered.Id);
        var events = await session.Events.FetchStreamAsync(id, token: ct);
        if (events.Count == 0) return Problems.NotFound();
        Record(session, reader, clock, "审计轨迹", id);
        await session.SaveChangesAsync(ct);
        return Results.Ok(new BureauTrail(registered.Id, registered.Name, id, events.Select(AuditEndpoints.EntryOf).ToList()));
    }

    /// <summary>The bureau's own 审计 and 管理员: every read of this bureau by a 省级审计, newest first.</summary>
    [WolverineGet("/api/audit/province-reads")]
    public static async Task<IResult> Reads(IQuerySession session, HttpContext http, CancellationToken ct)
    {
        if (http.User.ToActor()?.Role is not (Role.Auditor or Role.Admin)) return Problems.Forbidden("只有审计和管理员可以查看省级查阅记录");
        return Results.Ok(await session.Query<ProvinceRead>().OrderByDescending(r => r.At).Take(500).ToListAsync(ct));
    }

    private static void Record(IDocumentSession session, Actor reader, TimeProvider clock, string what, Guid? submissionId) =>
        session.Insert(new ProvinceRead { Id = Guid.CreateVersion7(), ReaderId = reader.UserId, ReaderName = reader.Name, At = clock.GetUtcNow(), What = what, SubmissionId = submissionId });

    private static Actor? ProvinceAuditor(HttpContext http) => http.User.ToActor() is { Role: Role.ProvinceAuditor } actor ? actor : null;

    /// <summary>The registered bureaus (the registry is deployment-wide), the province's own tenant excepted.</summary>
    private static async Task<IReadOnlyList<FinanceBureau>> BureausAsync(IDocumentStore store, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return (await session.Query<FinanceBureau>().OrderBy(b => b.Id).ToListAsync(ct)).Where(b => b.Id != FinanceBureau.Province).ToList();
    }
}
