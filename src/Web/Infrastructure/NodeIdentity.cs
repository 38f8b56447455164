using Wolverine.Runtime;

namespace Approval.Web.Infrastructure;

/// <summary>Which node this is among those sharing the database, and which of the distributed work it runs now.</summary>
public sealed record NodeIdentity(Guid Id, int Number, bool RunsProjections, IReadOnlyList<string> Agents)
{
    public static NodeIdentity Of(IWolverineRuntime runtime)
    {
        var agents = runtime.Agents.AllRunningAgentUris().Select(u => u.ToString()).Order(StringComparer.Ordinal).ToList();
        return new NodeIdentity(runtime.Options.UniqueNodeId, runtime.Options.Durability.AssignedNodeNumber,
            // The agent of the ReadModels composite (its shard's name is in the URI); it also sends the notifications.
            agents.Any(a => a.Contains(ApprovalHost.ReadModels, StringComparison.OrdinalIgnoreCase)), agents);
    }
}
