using Approval.Workflow.Submissions.Publishing;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Approval.Web.Pages.Public;

[AllowAnonymous]
public class IndexModel(IQuerySession session) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    public IReadOnlyList<PublishedCatalogueEntry> Reports { get; private set; } = [];
    public PageOf<object> Pager { get; private set; } = new([], 0, 1, Paging.DefaultSize);
    public IReadOnlyDictionary<string, string> Units { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        // The public is no bureau's: every 财政局's published reports; a unit is a unit of one bureau (PublicCatalogue).
        Units = (await session.Query<PublishedCatalogueEntry>().Where(r => r.AnyTenant()).Select(r => new { r.TenantId, r.UnitId, r.UnitName }).Distinct().ToListAsync(ct))
            .GroupBy(u => Web.Public.PublicCatalogue.Option(u.TenantId, u.UnitId)).OrderBy(g => g.First().UnitName, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().UnitName);
        var (bureau, unit) = Web.Public.PublicCatalogue.FromOption(Unit);
        var query = Web.Public.PublicCatalogue.Query(session, bureau, unit);
        if (Year is not null) query = query.Where(r => r.FiscalYear == Year);
        var found = await new Paging(PageQuery.Number(Request), Paging.DefaultSize).ApplyAsync(query.OrderByDescending(r => r.PublishedAt), ct);
        Reports = found.Items;
        Pager = found.Position();
    }
}
