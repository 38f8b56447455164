using Marten;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Approval.Web.Pages.Admin;

/// <summary>系统管理: the 管理员's home, leading to the bureau's sections, units, accounts, roles and templates.</summary>
public class IndexModel(IQuerySession session) : PageModel
{
    public AdminCounts Counts { get; private set; } = new(0, 0, 0, 0, 0);

    public async Task OnGetAsync(CancellationToken ct) => Counts = await AdminCounts.ReadAsync(session, ct);
}
