using Approval.Web.Auth;
using Approval.Web.Organization;
using Approval.Workflow.Submissions;
using Marten;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Approval.Web.Pages.Admin;

/// <summary>预算单位 of the admin's 财政局 with their 业务股室: search by id, name or 主管部门, filter by section, paged.</summary>
public class UnitsModel(IQuerySession session) : PageModel
{
    public sealed record Row(BudgetUnit Unit, string? SectionName, int Preparers);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<ReviewSection> Sections { get; private set; } = [];
    public PageOf<object> Pager { get; private set; } = new([], 0, 1, Paging.DefaultSize);
    public string Search { get; private set; } = "";
    public string Section { get; private set; } = "";

    public async Task OnGetAsync(string? q, string? section, CancellationToken ct)
    {
        Search = q?.Trim() ?? "";
        Section = section?.Trim() ?? "";
        Sections = await session.Query<ReviewSection>().OrderBy(s => s.Id).ToListAsync(ct);
        var query = session.Query<BudgetUnit>().AsQueryable();
        if (Section.Length > 0) query = query.Where(u => u.SectionId == Section);
        if (Search.Length > 0)
            query = query.Where(u => u.Id.Contains(Search, StringComparison.OrdinalIgnoreCase) || u.Name.Contains(Search, StringComparison.OrdinalIgnoreCase)
                || (u.SupervisingDepartment != null && u.SupervisingDepartment.Contains(Search, StringComparison.OrdinalIgnoreCase)));
        var found = await new Paging(PageQuery.Number(Request), Paging.DefaultSize).ApplyAsync(query.OrderBy(u => u.Id), ct);
        var ids = found.Items.Select(u => u.Id).ToArray();
        var preparers = await session.Query<Account>().Where(a => a.Role == Role.Preparer && a.UnitId != null && a.UnitId.IsOneOf(ids)).Select(a => a.UnitId!).ToListAsync(ct);
        var names = Sections.ToDictionary(s => s.Id, s => s.Name);
        Rows = found.Items.Select(u => new Row(u, names.GetValueOrDefault(u.SectionId), preparers.Count(p => p == u.Id))).ToList();
        Pager = found.Position();
    }
}
