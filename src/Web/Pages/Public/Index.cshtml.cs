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
        // The public is no bureau's: every 财政局's published reports.
        Units = (await session.Query<PublishedCatalogueEntry>().Where(r => r.AnyTenant()).Select(r => new { r.UnitId, r.UnitName }).Distinct().ToListAsync(ct))
            .GroupBy(u => u.UnitId).ToDictionary(g => g.Key, g => g.First().UnitName);
        var query = session.Query<PublishedCatalogueEntry>().Where(r => r.AnyTenant());
        if (Year is not null) query = query.Where(r => r.FiscalYear == Year);
        if (!string.IsNullOrEmpty(Unit)) query = query.Where(r => r.UnitId == Unit);
        var found = await new Paging(PageQuery.Number(Request), Paging.DefaultSize).ApplyAsync(query.OrderByDescending(r => r.PublishedAt), ct);
        Reports = found.Items;
        Pager = found.Position();
    }
}
