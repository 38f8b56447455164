using Approval.Web.Organization;
using Approval.Workflow.Submissions;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Approval.Web.Pages.Audit;

/// <summary>审计查阅: every report, searched by title or unit name and filtered by unit, year, kind and state, a page at a time.</summary>
public class IndexModel(IQuerySession session) : PageModel
{
    public const int MaxSearchLength = 100;

    [BindProperty(SupportsGet = true, Name = "q")] public string? Search { get; set; }
    [BindProperty(SupportsGet = true, Name = "unit")] public string? UnitId { get; set; }
    [BindProperty(SupportsGet = true, Name = "year")] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "kind")] public SubmissionKind? Kind { get; set; }
    [BindProperty(SupportsGet = true, Name = "state")] public SubmissionState? State { get; set; }

    public IReadOnlyList<Submission> Submissions { get; private set; } = [];
    public IReadOnlyList<BudgetUnit> Units { get; private set; } = [];
    public PageOf<object> Pager { get; private set; } = new([], 0, 1, Paging.DefaultSize);
    public bool Filtered => !string.IsNullOrWhiteSpace(Search) || !string.IsNullOrEmpty(UnitId) || Year is not null || Kind is not null || State is not null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Units = await session.Query<BudgetUnit>().OrderBy(u => u.Name).ToListAsync(ct);
        var query = session.Query<Submission>().AsQueryable();
        var text = Search?.Trim();
        if (text is { Length: > MaxSearchLength }) text = text[..MaxSearchLength];
        if (!string.IsNullOrEmpty(text))
            query = query.Where(s => s.Title.Contains(text, StringComparison.OrdinalIgnoreCase) || s.UnitName.Contains(text, StringComparison.OrdinalIgnoreCase));
        if (!string.IsNullOrEmpty(UnitId)) query = query.Where(s => s.UnitId == UnitId);
        if (Year is not null) query = query.Where(s => s.FiscalYear == Year);
        if (Kind is not null) query = query.Where(s => s.Kind == Kind);
        if (State is not null) query = query.Where(s => s.State == State);
        var found = await new Paging(PageQuery.Number(Request), Paging.DefaultSize).ApplyAsync(query.OrderByDescending(s => s.UpdatedAt), ct);
        Submissions = found.Items;
        Pager = found.Position();
        return Page();
    }
}
