using Approval.Web.Auth;
using Approval.Web.Organization;
using Marten;
using Marten.Linq.MatchesSql;

namespace Approval.Web.Admin;

/// <summary>
/// Ids that differ only in case name the same thing to a person: 「DaShuJu」 beside 「dashuju」 would be two accounts a
/// reviewer cannot tell apart in a history, 「x1」 beside 「X1」 two sections in one list. A new id is refused when a stored
/// one differs from it only in case — sign-in names in the whole deployment, section and unit ids in their 财政局. The
/// check runs under a lock held until the create commits, so two creates at once cannot both pass it; an exact duplicate
/// is left to the insert (409 at the commit, or an idempotent retry's first answer, see <see cref="ConcurrentCreate"/>).
/// Ids are ASCII (<see cref="Workflow.Submissions.SafeId"/>): PostgreSQL's upper() and .NET's agree on them.
/// </summary>
public static class IdCase
{
    /// <summary>Not LINQ's Equals(…, OrdinalIgnoreCase): Marten makes that an ILIKE, where 「_」 (allowed in ids) matches any letter.</summary>
    public const string SameLetters = "upper(d.id) = ?";

    /// <summary>The stored sign-in name, in any 财政局, that equals <paramref name="name"/> ignoring case (itself included).</summary>
    public static async Task<string?> AccountNameTakenAsync(IDocumentSession session, string name)
    {
        await OrganizationLock.TakeForDeploymentAsync(session, "account-names");
        return await session.Query<Account>().Where(a => a.AnyTenant() && a.MatchesSql(SameLetters, name.ToUpperInvariant())).Select(a => a.Id).FirstOrDefaultAsync();
    }

    /// <summary>A section of this 财政局 whose id differs from <paramref name="id"/> only in case.</summary>
    public static async Task<string?> SectionVariantAsync(IDocumentSession session, string id)
    {
        await OrganizationLock.TakeAsync(session);
        return await session.Query<ReviewSection>().Where(s => s.MatchesSql(SameLetters, id.ToUpperInvariant()) && s.Id != id).Select(s => s.Id).FirstOrDefaultAsync();
    }

    /// <summary>A unit of this 财政局 whose id differs from <paramref name="id"/> only in case.</summary>
    public static async Task<string?> UnitVariantAsync(IDocumentSession session, string id)
    {
        await OrganizationLock.TakeAsync(session);
        return await session.Query<BudgetUnit>().Where(u => u.MatchesSql(SameLetters, id.ToUpperInvariant()) && u.Id != id).Select(u => u.Id).FirstOrDefaultAsync();
    }
}
