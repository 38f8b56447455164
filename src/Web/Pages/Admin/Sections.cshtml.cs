using Approval.Web.Auth;
using Approval.Web.Organization;
using Marten;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Approval.Web.Pages.Admin;

/// <summary>业务股室 of the admin's 财政局: search by id or name, paged, each with how many units and reviewers it has.</summary>
public class SectionsModel(IQuerySession session) : PageModel
{
    public sealed record Row(ReviewSection Section, int Units, int Reviewers);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public PageOf<object> Pager { get; private set; } = new([], 0, 1, Paging.DefaultSize);
    public string Search { get; private set; } = "";

    public async Task OnGetAsync(string? q, CancellationToken ct)
    {
        Search = q?.Trim() ?? "";
        var query = session.Query<ReviewSection>().AsQueryable();
        if (Search.Length > 0) query = query.Where(s => s.Id.Contains(Search, StringComparison.OrdinalIgnoreCase) || s.Name.Contains(Search, StringComparison.OrdinalIgnoreCase));
        var found = await new Paging(PageQuery.Number(Request), Paging.DefaultSize).ApplyAsync(query.OrderBy(s => s.Id), ct);
        var ids = found.Items.Select(s => s.Id).ToArray();
        var units = await session.Query<BudgetUnit>().Where(u => u.SectionId.IsOneOf(ids)).Select(u => u.SectionId).ToListAsync(ct);
        var reviewers = await session.Query<Account>().Where(a => a.Role == Workflow.Submissions.Role.Reviewer).ToListAsync(ct);
        Rows = found.Items.Select(s => new Row(s, units.Count(u => u == s.Id), reviewers.Count(a => a.SectionIds.Contains(s.Id)))).ToList();
        Pager = found.Position();
    }
}
