using Approval.Web.Auth;
using Approval.Web.Organization;
using Approval.Workflow.Submissions;
using Marten;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Approval.Web.Pages.Admin;

/// <summary>
/// 角色分布 — who holds which role where in the admin's 财政局: 填报人 by their unit, 审核人 by each of their sections,
/// 审计 and 管理员 for the whole bureau. One row per (role, place), with its accounts; filter by role, section or unit.
/// </summary>
public class RolesModel(IQuerySession session) : PageModel
{
    /// <summary>One place of one role. <see cref="Section"/>/<see cref="Unit"/> are null for the whole bureau.</summary>
    public sealed record Place(Role Role, string Where, string? Section, string? Unit, IReadOnlyList<Account> Accounts);

    public IReadOnlyList<Place> Places { get; private set; } = [];
    public IReadOnlyList<ReviewSection> Sections { get; private set; } = [];
    public IReadOnlyList<BudgetUnit> Units { get; private set; } = [];
    public PageOf<object> Pager { get; private set; } = new([], 0, 1, Paging.DefaultSize);
    public AccountFilter Filter { get; private set; } = new("", null, "", "", "");

    public async Task OnGetAsync(string? role, string? section, string? unit, CancellationToken ct)
    {
        Filter = AccountFilter.From(null, role, section, unit, null);
        Sections = await session.Query<ReviewSection>().OrderBy(s => s.Id).ToListAsync(ct);
        Units = await session.Query<BudgetUnit>().OrderBy(u => u.Id).ToListAsync(ct);
        var accounts = await session.Query<Account>().OrderBy(a => a.Id).ToListAsync(ct);
        var all = PlacesOf(accounts).Where(Matches).ToList();
        var page = new Paging(PageQuery.Number(Request), Paging.DefaultSize).Apply(all);
        Places = page.Items;
        Pager = page.Position();
    }

    private IEnumerable<Place> PlacesOf(IReadOnlyList<Account> accounts)
    {
        var sectionNames = Sections.ToDictionary(s => s.Id, s => s.Name);
        var units = Units.ToDictionary(u => u.Id);
        string UnitWhere(string id) => units.TryGetValue(id, out var u) ? $"{u.Name}（{sectionNames.GetValueOrDefault(u.SectionId, u.SectionId)}）" : $"未登记的单位 {id}";
        var pairs = accounts.SelectMany(a => a.Role switch
        {
            Role.Preparer => [(a, Where: a.UnitId is null ? "（未指定单位）" : UnitWhere(a.UnitId), Section: a.UnitId is null ? null : units.GetValueOrDefault(a.UnitId)?.SectionId, Unit: a.UnitId)],
            Role.Reviewer => a.SectionIds.Select(s => (a, Where: sectionNames.GetValueOrDefault(s, $"未登记的股室 {s}"), Section: (string?)s, Unit: (string?)null)),
            _ => [(a, Where: "本财政局（全部股室与单位）", Section: (string?)null, Unit: (string?)null)],
        });
        return pairs
            .GroupBy(p => (p.a.Role, p.Where, p.Section, p.Unit))
            .OrderBy(g => g.Key.Role).ThenBy(g => g.Key.Section).ThenBy(g => g.Key.Unit)
            .Select(g => new Place(g.Key.Role, g.Key.Where, g.Key.Section, g.Key.Unit, g.Select(p => p.a).ToList()));
    }

    private bool Matches(Place p) =>
        (Filter.Role is not { } role || p.Role == role)
        && (Filter.Section.Length == 0 || p.Section == Filter.Section)
        && (Filter.Unit.Length == 0 || p.Unit == Filter.Unit);
}
