using Approval.Web.Auth;
using Approval.Web.Organization;
using Approval.Workflow.Submissions;
using Marten;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Approval.Web.Pages.Admin;

/// <summary>
/// 账户 of the admin's 财政局: search by account name or 姓名, filter by role, section, unit and status, paged. Each row
/// says what the admin may do to it (<see cref="RoleGrants.MayManage"/>, never disabling or demoting oneself); the
/// create and edit forms offer only the roles <see cref="RoleGrants.MayGrant"/> allows.
/// </summary>
public class AccountsModel(IQuerySession session) : PageModel
{
    public sealed record Row(Account Account, string? UnitName, IReadOnlyList<string> SectionNames, bool Manageable, bool IsSelf);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<ReviewSection> Sections { get; private set; } = [];
    public IReadOnlyList<BudgetUnit> Units { get; private set; } = [];
    public IReadOnlyList<Role> Grantable { get; private set; } = [];
    public PageOf<object> Pager { get; private set; } = new([], 0, 1, Paging.DefaultSize);
    public AccountFilter Filter { get; private set; } = new("", null, "", "", "");

    public async Task OnGetAsync(string? q, string? role, string? section, string? unit, string? status, CancellationToken ct)
    {
        var admin = PageAccess.Admitted(User);
        Filter = AccountFilter.From(q, role, section, unit, status);
        Grantable = Enum.GetValues<Role>().Where(r => RoleGrants.MayGrant(admin.Role, r)).ToList();
        Sections = await session.Query<ReviewSection>().OrderBy(s => s.Id).ToListAsync(ct);
        Units = await session.Query<BudgetUnit>().OrderBy(u => u.Id).ToListAsync(ct);
        var found = await new Paging(PageQuery.Number(Request), Paging.DefaultSize).ApplyAsync(Filter.Apply(session.Query<Account>()).OrderBy(a => a.Id), ct);
        var units = Units.ToDictionary(u => u.Id, u => u.Name);
        var sections = Sections.ToDictionary(s => s.Id, s => s.Name);
        Rows = found.Items.Select(a => new Row(a,
            a.UnitId is null ? null : units.GetValueOrDefault(a.UnitId, $"（未登记的单位 {a.UnitId}）"),
            a.SectionIds.Select(s => sections.GetValueOrDefault(s, $"（未登记的股室 {s}）")).ToList(),
            RoleGrants.MayManage(admin.Role, a.Role, Tenants.FinanceBureau.JurisdictionOf(a.TenantId)),
            a.Id == admin.UserId)).ToList();
        Pager = found.Position();
    }
}

/// <summary>The account list's search and filters, as the query string gives them.</summary>
public sealed record AccountFilter(string Search, Role? Role, string Section, string Unit, string Status)
{
    public static AccountFilter From(string? q, string? role, string? section, string? unit, string? status) => new(
        q?.Trim() ?? "",
        Enum.TryParse<Role>(role, ignoreCase: false, out var r) && Enum.IsDefined(r) ? r : null,
        section?.Trim() ?? "", unit?.Trim() ?? "",
        status is "enabled" or "disabled" ? status : "");

    public IQueryable<Account> Apply(IQueryable<Account> query)
    {
        if (Search.Length > 0) query = query.Where(a => a.Id.Contains(Search, StringComparison.OrdinalIgnoreCase) || a.DisplayName.Contains(Search, StringComparison.OrdinalIgnoreCase));
        if (Role is { } role) query = query.Where(a => a.Role == role);
        if (Section.Length > 0) query = query.Where(a => a.SectionIds.Contains(Section));
        if (Unit.Length > 0) query = query.Where(a => a.UnitId == Unit);
        if (Status == "enabled") query = query.Where(a => !a.Disabled);
        if (Status == "disabled") query = query.Where(a => a.Disabled);
        return query;
    }
}
