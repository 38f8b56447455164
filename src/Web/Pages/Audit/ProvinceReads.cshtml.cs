using Approval.Web.Province;
using Approval.Workflow.Submissions;
using Marten;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Approval.Web.Pages.Audit;

/// <summary>省级查阅记录: this bureau's 审计 and 管理员 see every read of their bureau by a 省级审计, newest first.</summary>
public class ProvinceReadsModel(IQuerySession session) : PageModel
{
    public IReadOnlyList<ProvinceRead> Reads { get; private set; } = [];
    public PageOf<object> Pager { get; private set; } = new([], 0, 1, Paging.DefaultSize);
    /// <summary>The reports read, by id: title and unit as they stand now.</summary>
    public IReadOnlyDictionary<Guid, Submission> Reports { get; private set; } = new Dictionary<Guid, Submission>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var found = await new Paging(PageQuery.Number(Request), Paging.DefaultSize).ApplyAsync(session.Query<ProvinceRead>().OrderByDescending(r => r.At), ct);
        Reads = found.Items;
        Pager = found.Position();
        var ids = Reads.Select(r => r.SubmissionId).OfType<Guid>().Distinct().ToArray();
        if (ids.Length > 0) Reports = (await session.LoadManyAsync<Submission>(ct, ids)).ToDictionary(s => s.Id);
    }
}
