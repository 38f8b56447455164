using Approval.Web.Province;
using Approval.Workflow.Submissions;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Approval.Web.Pages.Province;

/// <summary>跨财政局查阅: the 省级审计's list of every bureau's reports, filtered by bureau, year and state; each bureau shown is a recorded read.</summary>
public class IndexModel(IDocumentStore store, TimeProvider clock) : PageModel
{
    public const int PerBureau = 50;

    [BindProperty(SupportsGet = true, Name = "bureau")] public string? Bureau { get; set; }
    [BindProperty(SupportsGet = true, Name = "year")] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "state")] public SubmissionState? State { get; set; }

    public IReadOnlyList<Tenants.FinanceBureau> Bureaus { get; private set; } = [];
    public IReadOnlyList<BureauSubmissions> Shown { get; private set; } = [];
    public bool Filtered => !string.IsNullOrEmpty(Bureau) || Year is not null || State is not null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var reader = Approval.Web.Province.ProvinceReader.Of(User)!;
        Bureaus = await ProvinceReading.BureausAsync(store, ct);
        var chosen = string.IsNullOrEmpty(Bureau) ? Bureaus : Bureaus.Where(b => b.Id == Bureau).ToList();
        var shown = new List<BureauSubmissions>();
        foreach (var bureau in chosen)
            shown.Add(await ProvinceReading.SubmissionsAsync(store, bureau, reader, clock, Year, State, PerBureau, ct));
        Shown = shown;
        return Page();
    }
}
