using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Approval.Web.Infrastructure;

/// <summary>Healthy when the database answers and the event store tables exist in the configured schema.</summary>
public sealed class EventStoreHealthCheck(IDocumentStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var session = store.QuerySession();
            var schema = store.Options.Events.DatabaseSchemaName;
            var tables = await session.QueryAsync<string>(
                "select table_name from information_schema.tables where table_schema = ? and table_name in ('mt_events', 'mt_streams')",
                cancellationToken, schema);
            return tables.Count == 2
                ? HealthCheckResult.Healthy($"event store ready in schema {schema}")
                : HealthCheckResult.Unhealthy($"event store tables missing in schema {schema}");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("database unreachable", e);
        }
    }
}
