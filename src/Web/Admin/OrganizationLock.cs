using Marten;

namespace Approval.Web.Admin;

/// <summary>
/// Changes whose rule spans two documents take one lock of their 财政局 for their transaction, so that two such changes at
/// once cannot each pass their check against the other's old state: 停用 of a 业务股室 checks its units, 启用 or moving a
/// 预算单位 checks its section (a closed section left covering a unit in use); a 委托 checks the stand-in's own absences.
/// </summary>
public static class OrganizationLock
{
    public static Task TakeAsync(IDocumentSession session, CancellationToken ct = default) => TakeAsync(session, "organization", ct);

    /// <summary>The bureau's lock named <paramref name="scope"/>, held until the session's transaction ends.</summary>
    public static Task TakeAsync(IDocumentSession session, string scope, CancellationToken ct) =>
        TakeKeyAsync(session, $"approval-{scope}:{session.TenantId}", ct);

    /// <summary>The deployment's lock named <paramref name="scope"/> (every bureau's), held until the session's transaction ends.</summary>
    public static Task TakeForDeploymentAsync(IDocumentSession session, string scope, CancellationToken ct = default) =>
        TakeKeyAsync(session, $"approval-{scope}", ct);

    private static async Task TakeKeyAsync(IDocumentSession session, string key, CancellationToken ct)
    {
        await session.BeginTransactionAsync(ct);
        await session.QueryAsync<int>("select 1 from pg_advisory_xact_lock(hashtext(?))", ct, key);
    }
}
