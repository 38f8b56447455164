using Wolverine.Runtime;

namespace Approval.Web.Infrastructure;

/// <summary>Which node this is among those sharing the database, and which of the distributed work it runs now.</summary>
public sealed record NodeIdentity(Guid Id, int Number, bool RunsProjections, IReadOnlyList<string> Agents)
{
    /// <summary>The scheme of Wolverine's agents for Marten's async projections and subscriptions.</summary>
    public const string ProjectionAgentScheme = "event-subscriptions";

    public static NodeIdentity Of(IWolverineRuntime runtime)
    {
        var agents = runtime.Agents.AllRunningAgentUris().Select(u => u.ToString()).Order(StringComparer.Ordinal).ToList();
        return new NodeIdentity(runtime.Options.UniqueNodeId, runtime.Options.Durability.AssignedNodeNumber,
            agents.Any(a => a.StartsWith(ProjectionAgentScheme + ":", StringComparison.Ordinal)), agents);
    }
}
