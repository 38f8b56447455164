using Approval.Workflow.Submissions.Publishing;
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
    /// The page's unit options: the units of the chosen 财政局 that published something (a renamed unit is one option,
    /// under one of its names); with no bureau, none — except a unit asked alone, offered as that id in every bureau.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> UnitOptionsAsync(IQuerySession session, string? bureau, string? unit, CancellationToken ct)
    {
        if (bureau is null)
            return unit is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [unit] = $"{unit}（各财政局）" };
        var units = await session.Query<PublishedCatalogueEntry>().Where(r => r.TenantIsOneOf(bureau))
            .Select(r => new { r.UnitId, r.UnitName }).Distinct().ToListAsync(ct);
        return units.GroupBy(u => u.UnitId).Select(g => (Key: Option(bureau, g.Key), Name: g.First().UnitName))
            .OrderBy(u => u.Name, StringComparer.Ordinal).ToDictionary(u => u.Key, u => u.Name);
    }

    /// <summary>The page's unit option value: the bureau and the unit, or (an older link) a unit alone.</summary>
    public static (string? Bureau, string? Unit) FromOption(string? value) =>
        value?.Split('/', 2) is [var bureau, var unit] ? (bureau, unit) : (null, value);

    public static string Option(string bureau, string unit) => $"{bureau}/{unit}";
}
