using Wolverine;

namespace Approval.Web.Infrastructure;

/// <summary>
/// How quickly the nodes sharing one database notice that one of them is gone and move its work (the async projections,
/// the notification subscription, its inbox) to another. Wolverine's defaults (a heartbeat every 10 s, a node stale after
/// a minute, assignments checked every 30 s) take more than a minute after a crash; a review queue that far behind is
/// visible to every reviewer. These keep a SIGKILLed node's projections running elsewhere within seconds, at the price of
/// one small heartbeat write per node per second.
/// </summary>
public static class NodeSettings
{
    public static void Apply(DurabilitySettings durability)
    {
        // Several processes on one database, also when there is only one: the same code path everywhere.
        durability.Mode = DurabilityMode.Balanced;
        // Leader election and the first assignment right after start: a fresh node runs the projections within a second.
        durability.FirstHealthCheckExecution = TimeSpan.FromMilliseconds(200);
        // Heartbeat; also how often the leader looks at the node table and how often a leaderless node tries to lead.
        durability.HealthCheckPollingTime = TimeSpan.FromSeconds(1);
        // A node whose heartbeat is this old is dropped from the assignments (and ejected two ticks later). Five missed
        // heartbeats: long enough that a GC pause or a busy 2-core machine does not move the projections for nothing.
        durability.StaleNodeTimeout = TimeSpan.FromSeconds(5);
        // The full check that every assigned agent really runs (and restarts what does not).
        durability.CheckAssignmentPeriod = TimeSpan.FromSeconds(5);
    }
}
