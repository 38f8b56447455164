using Wolverine.Runtime;

namespace Approval.Web.Infrastructure;

/// <summary>Which node this is among those sharing the database, and which of the distributed work it runs now.</summary>
public sealed record NodeIdentity(Guid Id, int Number, bool RunsProjections, IReadOnlyList<string> Agents)
{
    public static NodeIdentity Of(IWolverineRuntime runtime)
    {
        var agents = runtime.Agents.AllRunningAgentUris().Select(u => u.ToString()).Order(StringComparer.Ordinal).ToList();
        // The read models are inline: every node writes them in its own commands' transactions and sends their notifications,
        // so every running node runs the projections; no async projection is left for an agent to run.
        return new NodeIdentity(runtime.Options.UniqueNodeId, runtime.Options.Durability.AssignedNodeNumber, RunsProjections: true, agents);
    }
}
