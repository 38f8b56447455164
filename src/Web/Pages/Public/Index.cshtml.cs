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
    public IReadOnlyDictionary<string, string> Units { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var all = await session.Query<PublishedCatalogueEntry>().OrderByDescending(r => r.PublishedAt).Take(2000).ToListAsync(ct);
        Units = all.GroupBy(r => r.UnitId).ToDictionary(g => g.Key, g => g.First().UnitName);
        Reports = all.Where(r => (Year is null || r.FiscalYear == Year) && (string.IsNullOrEmpty(Unit) || r.UnitId == Unit)).ToList();
    }
}
