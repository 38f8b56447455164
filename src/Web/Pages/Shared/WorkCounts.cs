using Approval.Workflow.Submissions;
using Marten;
using Wolverine.Http;

namespace Approval.Web.Pages;

/// <summary>
/// The navigation's to-do counts by link id (<c>nav-drafts</c>, <c>nav-waiting</c> …), in the caller's scope: what the
/// page's script fetches when a notification arrives, so the badges move with the work instead of waiting for a reload.
/// </summary>
public static class WorkCounts
{
    [EndpointSummary("导航栏待办计数（按链接 id：nav-drafts、nav-waiting…），收到通知后刷新徽标用")]
    [ApiAnswer(typeof(Dictionary<string, long>))]
    [WolverineGet("/api/work-counts")]
    public static async Task<IResult> Get(IQuerySession session, Actor actor, CancellationToken ct)
    {
        var links = await WorkNavViewComponent.LinksFor(session, actor, ct);
        return Results.Ok(links.Where(l => l.Count is not null).ToDictionary(l => l.Id, l => l.Count!.Value));
    }
}
