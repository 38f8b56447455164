using Approval.Web.Province;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Approval.Web.Pages.Province;

/// <summary>One report's audit trail in the bureau named, as the 省级审计 reads it (a recorded read).</summary>
public class TrailModel(IDocumentStore store, TimeProvider clock) : PageModel
{
    public BureauTrail Trail { get; private set; } = null!;
    public string Title { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string bureau, Guid id, CancellationToken ct)
    {
        if (await ProvinceReading.BureauAsync(store, bureau, ct) is not { } registered) return NotFound();
        if (await ProvinceReading.TrailAsync(store, registered, id, Approval.Web.Province.ProvinceReader.Of(User)!, clock, ct) is not { } found) return NotFound();
        (Trail, Title) = found;
        return Page();
    }
}
