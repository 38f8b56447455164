using Approval.Workflow.Submissions.Publishing;
using Approval.Web.Organization;
using Marten;

namespace Approval.Web.Public;

/// <summary>
/// The public catalogue: every 财政局's published reports. A unit in it is a unit of one 财政局 — unit ids are each
/// bureau's own (上饶's U-BD and 弋阳's U-BD are two units) — so a unit filter names its bureau too: <c>bureau=shangrao&amp;unit=U-BD</c>
/// in the API, the option <c>shangrao/U-BD</c> on the page. A unit alone still filters every bureau's units of that id.
/// </summary>
public static class PublicCatalogue
{
    public static IQueryable<PublishedCatalogueEntry> Query(IQuerySession session, string? bureau, string? unit)
    {
        var query = string.IsNullOrWhiteSpace(bureau)
            ? session.Query<PublishedCatalogueEntry>().Where(r => r.AnyTenant())
            : session.Query<PublishedCatalogueEntry>().Where(r => r.TenantIsOneOf(bureau));
        return string.IsNullOrWhiteSpace(unit) ? query : query.Where(r => r.UnitId == unit);
    }

    /// <summary>
    /// The page's unit options: the units of the chosen 财政局 that published something, under their names of today from
    /// the bureau's registry (the ids alone are read from the catalogue, no document); with no bureau, none — except a
    /// unit asked alone, offered as that id in every bureau.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> UnitOptionsAsync(IQuerySession session, string? bureau, string? unit, CancellationToken ct)
    {
        if (bureau is null)
            return unit is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [unit] = $"{unit}（各财政局）" };
        var published = await session.Query<PublishedCatalogueEntry>().Where(r => r.TenantIsOneOf(bureau)).Select(r => r.UnitId).Distinct().ToListAsync(ct);
        var names = (await session.Query<BudgetUnit>().Where(u => u.TenantIsOneOf(bureau) && u.Id.IsOneOf(published.ToArray())).ToListAsync(ct))
            .ToDictionary(u => u.Id, u => u.Name);
        return published.Select(id => (Key: Option(bureau, id), Name: names.GetValueOrDefault(id, id)))
            .OrderBy(u => u.Name, StringComparer.Ordinal).ToDictionary(u => u.Key, u => u.Name);
    }

    /// <summary>The page's unit option value: the bureau and the unit, or (an older link) a unit alone; an empty part is none.</summary>
    public static (string? Bureau, string? Unit) FromOption(string? value) =>
        value?.Split('/', 2) is [var bureau, var unit] ? (NoneIfBlank(bureau), NoneIfBlank(unit)) : (null, NoneIfBlank(value));

    private static string? NoneIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public static string Option(string bureau, string unit) => $"{bureau}/{unit}";
}
