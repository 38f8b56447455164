using Approval.Workflow.Submissions;
using Marten;

namespace Approval.Web.Tenants;

/// <summary>
/// 财政局 (区划): one tenant of the deployment. The registry itself is deployment-wide (single-tenanted); everything the
/// bureau's accounts, sections, units and reports hold is stored under <see cref="Id"/> as its Marten tenant id.
/// </summary>
public sealed class FinanceBureau
{
    /// <summary>Stable ASCII id (e.g. <c>shangrao</c>): the Marten tenant id and the value of the tenant claim.</summary>
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";

    /// <summary>The province's own tenant: it holds the 省级审计 accounts and no bureau's data.</summary>
    public const string Province = "province";

    /// <summary>What kind of tenant an id names: the province's own, or a 财政局.</summary>
    public static Jurisdiction JurisdictionOf(string? tenantId) => tenantId == Province ? Jurisdiction.Province : Jurisdiction.Bureau;

    /// <summary>Tenant ids are short ASCII words: they appear in hub group names and in every row of the database.</summary>
    public static bool IsValidId(string? id) =>
        id is { Length: > 0 and <= 40 } && id.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-');

    /// <summary>Every registered 财政局, the province's own tenant left out, by id (the ids are pinyin: about the names' order).</summary>
    public static async Task<IReadOnlyList<FinanceBureau>> RegisteredAsync(IQuerySession session, CancellationToken ct) =>
        (await session.Query<FinanceBureau>().Where(b => b.Id != Province).OrderBy(b => b.Id).ToListAsync(ct)).ToList();

    /// <summary>Id → name of every registered bureau (an id without a registered name shows as itself).</summary>
    public static async Task<IReadOnlyDictionary<string, string>> NamesAsync(IQuerySession session, CancellationToken ct) =>
        (await session.Query<FinanceBureau>().ToListAsync(ct)).ToDictionary(b => b.Id, b => b.Name);
}
