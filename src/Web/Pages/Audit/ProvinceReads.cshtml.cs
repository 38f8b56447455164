using Approval.Web.Province;
using Marten;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Approval.Web.Pages.Audit;

/// <summary>省级查阅记录: this bureau's 审计 and 管理员 see every read of their bureau by a 省级审计, newest first.</summary>
public class ProvinceReadsModel(IQuerySession session) : PageModel
{
    public IReadOnlyList<ProvinceRead> Reads { get; private set; } = [];
    public PageOf<object> Pager { get; private set; } = new([], 0, 1, Paging.DefaultSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var found = await new Paging(PageQuery.Number(Request), Paging.DefaultSize).ApplyAsync(session.Query<ProvinceRead>().OrderByDescending(r => r.At), ct);
        Reads = found.Items;
        Pager = found.Position();
    }
}
