using Approval.Web.Public;
using Approval.Web.Tenants;
using Approval.Workflow.Submissions.Publishing;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Approval.Web.Pages.Public;

/// <summary>
/// 公开报告: every 财政局's published reports, filtered by 财政局, 单位 and 年度. The units offered are the chosen bureau's
/// (those with a publication): a province holds about 20,000 units, too many for one list and for one query per view.
/// </summary>
[AllowAnonymous]
public class IndexModel(IQuerySession session) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Bureau { get; set; }
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    public IReadOnlyList<PublishedCatalogueEntry> Reports { get; private set; } = [];
    public PageOf<object> Pager { get; private set; } = new([], 0, 1, Paging.DefaultSize);
    public IReadOnlyList<FinanceBureau> Bureaus { get; private set; } = [];
    public IReadOnlyDictionary<string, string> Units { get; private set; } = new Dictionary<string, string>();
    /// <summary>The address names a 财政局 that is not registered (an old or mistyped link): said, not shown as 全部.</summary>
    public bool UnknownBureau { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var (bureau, unit) = Filter();
        Bureau = bureau;
        Unit = unit is null ? null : bureau is null ? unit : PublicCatalogue.Option(bureau, unit);
        Bureaus = await FinanceBureau.RegisteredAsync(session, ct);
        UnknownBureau = bureau is not null && Bureaus.All(b => b.Id != bureau);
        Units = await PublicCatalogue.UnitOptionsAsync(session, bureau, unit, ct);
        var query = PublicCatalogue.Query(session, bureau, unit);
        if (Year is not null) query = query.Where(r => r.FiscalYear == Year);
        var found = await new Paging(PageQuery.Number(Request), Paging.DefaultSize).ApplyAsync(query.OrderByDescending(r => r.PublishedAt), ct);
        Reports = found.Items;
        Pager = found.Position();
    }

    /// <summary>
    /// A unit option names its bureau (<c>shangrao/U-BD</c>); a 财政局 chosen since, other than the unit's, wins and
    /// drops the unit (its list was the other bureau's). A unit alone (an older link) is that id in every bureau.
    /// </summary>
    private (string? Bureau, string? Unit) Filter()
    {
        var chosen = string.IsNullOrWhiteSpace(Bureau) ? null : Bureau.Trim();
        var (ofUnit, unit) = PublicCatalogue.FromOption(Unit); // blank parts are none there
        if (chosen is null) return (ofUnit, unit);
        return ofUnit is null || ofUnit == chosen ? (chosen, unit) : (chosen, null);
    }
}
