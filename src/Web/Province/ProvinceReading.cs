using Approval.Web.Submissions.Queries;
using Approval.Web.Tenants;
using Approval.Workflow.Submissions;
using Marten;

namespace Approval.Web.Province;

/// <summary>
/// What a 省级审计 reads of the bureaus, for the API and the pages alike: each read opens a session in the bureau read and
/// stores a <see cref="ProvinceRead"/> there in the same commit, so no answer leaves unrecorded.
/// </summary>
public static class ProvinceReading
{
    /// <summary>The registered bureaus (the registry is deployment-wide), the province's own tenant excepted.</summary>
    public static async Task<IReadOnlyList<FinanceBureau>> BureausAsync(IDocumentStore store, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await FinanceBureau.RegisteredAsync(session, ct);
    }

    /// <summary>The registered bureau of that id; null for an unknown id and for the province's own tenant.</summary>
    public static async Task<FinanceBureau?> BureauAsync(IDocumentStore store, string id, CancellationToken ct)
    {
        if (id == FinanceBureau.Province) return null;
        await using var session = store.QuerySession();
        return await session.LoadAsync<FinanceBureau>(id, ct);
    }

    /// <summary>One bureau's reports (newest first, up to <paramref name="take"/>) and how many match, recorded as read.</summary>
    public static async Task<BureauSubmissions> SubmissionsAsync(IDocumentStore store, FinanceBureau bureau, ProvinceReader reader, TimeProvider clock,
        int? year, SubmissionState? state, int take, CancellationToken ct)
    {
        await using var session = store.LightweightSession(bureau.Id);
        var batch = session.CreateBatchQuery();
        var total = batch.Query<Submission>().Where(s => year == null || s.FiscalYear == year).Where(s => state == null || s.State == state).Count();
        var items = batch.Query<Submission>().Where(s => year == null || s.FiscalYear == year).Where(s => state == null || s.State == state)
            .OrderByDescending(s => s.Id).Take(take)
            .Select(s => new BureauSubmission(s.Id, s.UnitId, s.UnitName, s.FiscalYear, s.Kind, s.Title, s.State)).ToList();
        await batch.Execute(ct);
        var what = (year is null ? "报告列表（全部年度" : $"报告列表（{year} 年度") + (state is { } s ? $"，{s.Chinese()}）" : "）");
        Record(session, reader, clock, what, null);
        await session.SaveChangesAsync(ct);
        return new BureauSubmissions(bureau.Id, bureau.Name, (int)await total, await items);
    }

    /// <summary>One report's audit trail in the bureau named, with its title, recorded as read; null when the bureau has no such report.</summary>
    public static async Task<(BureauTrail Trail, string Title)?> TrailAsync(IDocumentStore store, FinanceBureau bureau, Guid id, ProvinceReader reader, TimeProvider clock, CancellationToken ct)
    {
        await using var session = store.LightweightSession(bureau.Id);
        var events = await session.Events.FetchStreamAsync(id, token: ct);
        if (events.Count == 0) return null;
        var title = (await session.LoadAsync<Submission>(id, ct))?.Title ?? id.ToString();
        Record(session, reader, clock, "审计轨迹", id);
        await session.SaveChangesAsync(ct);
        return (new BureauTrail(bureau.Id, bureau.Name, id, events.Select(AuditEndpoints.EntryOf).ToList()), title);
    }

    private static void Record(IDocumentSession session, ProvinceReader reader, TimeProvider clock, string what, Guid? submissionId) =>
        session.Insert(new ProvinceRead
        {
            Id = Guid.CreateVersion7(), ReaderId = reader.Actor.UserId, ReaderName = reader.Actor.Name, ReaderTenant = reader.Tenant,
            At = clock.GetUtcNow(), What = what, SubmissionId = submissionId,
        });
}
