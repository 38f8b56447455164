using Approval.Web.Auth;
using Approval.Web.Deadlines;
using Approval.Workflow.Submissions;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace Approval.Web.Pages;

/// <summary>逾期未报 and 审核超期 per 业务股室 and unit on the dashboard, in the caller's scope (the same lists as 逾期催报).</summary>
public sealed class OverdueSummaryViewComponent(IQuerySession session, TimeProvider clock) : ViewComponent
{
    public sealed record SectionRow(string SectionName, IReadOnlyList<(string UnitName, int Late, string Kinds)> Units, int Held);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (UserClaimsPrincipal.ToActor() is not { } actor || !OverdueQuery.MayRead(actor)) return Content("");
        var lists = await OverdueQuery.ForAsync(session, actor, OverdueQuery.Today(clock), HttpContext.RequestAborted);
        var held = lists.Held.GroupBy(h => h.Review.SectionId).ToDictionary(g => g.Key, g => g.Count());
        var rows = lists.Reports.GroupBy(r => (r.Unit.SectionId, r.Unit.SectionName))
            .Select(s => new SectionRow(s.Key.SectionName,
                [.. s.GroupBy(r => r.Unit.Name).Select(u => (u.Key, u.Count(), string.Join("、", u.Select(r => $"{r.FiscalYear} {r.Kind.Chinese()}"))))],
                held.GetValueOrDefault(s.Key.SectionId)))
            .ToList();
        // sections with items held too long and no unit late still show
        var named = lists.Reports.Select(r => r.Unit.SectionId).ToHashSet();
        var names = (await session.Query<Organization.ReviewSection>().ToListAsync(HttpContext.RequestAborted)).ToDictionary(x => x.Id, x => x.Name);
        rows.AddRange(held.Where(h => !named.Contains(h.Key)).Select(h => new SectionRow(names.GetValueOrDefault(h.Key, h.Key), [], h.Value)));
        return View(rows);
    }
}
