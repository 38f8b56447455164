using Marten;

namespace Approval.Web.Admin;

/// <summary>
/// Changes whose rule spans two documents (停用 of a 业务股室 checks its units; 启用 or moving a 预算单位 checks its section)
/// take one lock of the 财政局's organization for their transaction, so that two such changes at once cannot each pass
/// its check against the other's old state (a closed section left covering a unit in use).
/// </summary>
public static class OrganizationLock
{
    public static async Task TakeAsync(IDocumentSession session, CancellationToken ct = default)
    {
        await session.BeginTransactionAsync(ct);
        await session.QueryAsync<int>("select 1 from pg_advisory_xact_lock(hashtext(?))", ct, $"approval-organization:{session.TenantId}");
    }
}
