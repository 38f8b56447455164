using Approval.Web.Auth;
using Approval.Workflow.SpotChecks;
using Approval.Workflow.Submissions;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace Approval.Web.Pages.SpotChecks;

/// <summary>One line of the dashboard's 抽查复核 table: a unit's drawn forms of a year and how their 复核 came out.</summary>
public sealed record SpotCheckUnitCount(int FiscalYear, string UnitName, string SectionName, int Drawn, int Rescored, int Lower, int Released);

/// <summary>
/// 抽查复核 on the dashboard, per year, unit and section: drawn, re-scored, how many came out below their 自评得分, released —
/// over the draws' items the caller may see (a reviewer their sections' forms only).
/// </summary>
public sealed class SpotCheckCountsViewComponent(IQuerySession session) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var actor = UserClaimsPrincipal.ToActor();
        if (actor?.Role is not (Role.Reviewer or Role.Auditor or Role.Admin)) return Content("");
        var checks = await session.Query<SpotCheck>().OrderByDescending(c => c.FiscalYear).Take(500).ToListAsync(HttpContext.RequestAborted);
        var rows = checks.SelectMany(c => SpotCheckAccess.VisibleItems(actor, c).Select(i => (c.FiscalYear, Item: i)))
            .GroupBy(x => (x.FiscalYear, x.Item.Form.UnitName, x.Item.Form.SectionName))
            .Select(g => new SpotCheckUnitCount(g.Key.FiscalYear, g.Key.UnitName, g.Key.SectionName, g.Count(),
                g.Count(x => x.Item.Rescore is not null), g.Count(x => x.Item.CameOutLower), g.Count(x => x.Item.Release is not null)))
            .OrderByDescending(r => r.FiscalYear).ThenBy(r => r.SectionName, StringComparer.Ordinal).ThenBy(r => r.UnitName, StringComparer.Ordinal)
            .ToList();
        return View(rows);
    }
}
