using Approval.Web.Auth;
using Approval.Web.Organization;
using Approval.Web.Templates;
using Approval.Workflow.Templates;
using Marten;

namespace Approval.Web.Pages.Admin;

/// <summary>What the 系统管理 home counts, in the admin's own 财政局 (the session is its tenant): one batched round trip.</summary>
public sealed record AdminCounts(long Sections, long Units, long Accounts, long DisabledAccounts, long Templates)
{
    public static async Task<AdminCounts> ReadAsync(IQuerySession session, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var sections = batch.Query<ReviewSection>().Count();
        var units = batch.Query<BudgetUnit>().Count();
        var accounts = batch.Query<Account>().Count();
        var disabled = batch.Query<Account>().Count(a => a.Disabled);
        var templates = batch.Query<StoredTemplate>().Count();
        await batch.Execute(ct);
        return new(await sections, await units, await accounts, await disabled, await templates + BuiltInTemplates.All.Count);
    }
}
