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
            node = Node(NodeIdentity.Of(context.RequestServices.GetRequiredService<Wolverine.Runtime.IWolverineRuntime>()),
                context.RequestServices.GetRequiredService<IConfiguration>()),
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

    /// <summary>
    /// <c>name</c> is the operator's label for the node (<c>Approval:NodeName</c>; <c>./run.sh --nodes</c> names them
    /// "node 1", "node 2" … as its output does); <c>number</c> is the one Wolverine assigned in the database, which grows
    /// with every restart and so differs from the label.
    /// </summary>
    private static object Node(NodeIdentity node, IConfiguration configuration) => new
    {
        id = node.Id,
        name = configuration["Approval:NodeName"] is { Length: > 0 } name ? name : Environment.MachineName,
        number = node.Number,
        runsProjections = node.RunsProjections,
        agents = node.Agents,
    };
}
