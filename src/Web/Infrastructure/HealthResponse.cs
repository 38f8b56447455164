using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Approval.Web.Infrastructure;

public static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            totalMilliseconds = report.TotalDuration.TotalMilliseconds,
            // Which node answered, and whether the async projections (and so the notifications) run on it now.
            node = Node(NodeIdentity.Of(context.RequestServices.GetRequiredService<Wolverine.Runtime.IWolverineRuntime>())),
            checks = report.Entries.Select(e => new
            {
                name = e.Key,
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                error = e.Value.Exception?.Message,
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }

    private static object Node(NodeIdentity node) => new { id = node.Id, number = node.Number, runsProjections = node.RunsProjections, agents = node.Agents };
}
