namespace Approval.Workflow.Submissions;

/// <summary>Where a role lives: in one 财政局 (a bureau tenant) or in the province's own tenant.</summary>
public enum Jurisdiction
{
    /// <summary>A 财政局: its sections, units, reports and accounts.</summary>
    Bureau,
    /// <summary>The province (省财政厅): the 省级审计, who read across bureaus and hold no bureau's data.</summary>
    Province,
}

/// <summary>
/// Who may grant which role, and where — stated once, as data. A grant is always made inside the granter's own
/// jurisdiction (its tenant): a bureau's 管理员 grants the bureau's own roles to accounts of that bureau and nothing
/// else. Province roles are never granted through a bureau: only the province's own administration (the
/// <c>accounts add-province-auditor</c> command of the installation) creates them.
/// </summary>
public static class RoleGrants
{
    /// <summary>The roles each role may grant (and change, demote or disable accounts of) in its own jurisdiction.</summary>
    public static readonly IReadOnlyDictionary<Role, IReadOnlySet<Role>> Grantable = new Dictionary<Role, IReadOnlySet<Role>>
    {
        [Role.Preparer] = new HashSet<Role>(),
        [Role.Reviewer] = new HashSet<Role>(),
        [Role.Auditor] = new HashSet<Role>(),
        [Role.Admin] = new HashSet<Role> { Role.Preparer, Role.Reviewer, Role.Auditor, Role.Admin },
        [Role.ProvinceAuditor] = new HashSet<Role>(),
    };

    /// <summary>The jurisdiction a role belongs to: an account holds it only in a tenant of that kind.</summary>
    public static Jurisdiction JurisdictionOf(Role role) => role == Role.ProvinceAuditor ? Jurisdiction.Province : Jurisdiction.Bureau;

    /// <summary>May <paramref name="granter"/> give <paramref name="role"/> to an account of its own jurisdiction?</summary>
    public static bool MayGrant(Role granter, Role role) =>
        Grantable.TryGetValue(granter, out var roles) && roles.Contains(role) && JurisdictionOf(role) == JurisdictionOf(granter);

    /// <summary>May <paramref name="granter"/> change an account that holds <paramref name="held"/> today (rename, move,
    /// demote, disable)? Only an account whose present role it could have granted — or one holding a role that does not
    /// belong where the account lives (a province role in a bureau), which the bureau may only take away.</summary>
    public static bool MayManage(Role granter, Role held, Jurisdiction accountLivesIn) =>
        MayGrant(granter, held) || (JurisdictionOf(held) != accountLivesIn && JurisdictionOf(granter) == accountLivesIn && Grantable[granter].Count > 0);

    /// <summary>Does an account that lives in <paramref name="jurisdiction"/> really hold <paramref name="role"/>? A role
    /// outside its jurisdiction (a province role stored in a bureau) grants nothing: such an account cannot sign in.</summary>
    public static bool HoldsIn(Role role, Jurisdiction jurisdiction) => Enum.IsDefined(role) && JurisdictionOf(role) == jurisdiction;
}
