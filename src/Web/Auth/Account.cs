using Approval.Workflow.Submissions;

namespace Approval.Web.Auth;

/// <summary>
/// A login. Preparers belong to one unit; reviewers to one or more sections (and, optionally, a unit of their
/// own whose reports they may never review). Passwords are stored only as ASP.NET Core password hashes.
/// </summary>
public sealed class Account
{
    public string Id { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string PasswordHash { get; set; } = "";
    public Role Role { get; set; }
    public string? UnitId { get; set; }
    public List<string> SectionIds { get; set; } = [];
    /// <summary>Changes whenever what the account may do changes (role, unit, sections, password, disabling): every
    /// cookie and token carries the stamp it was issued with and stops working when it no longer matches.</summary>
    public string SecurityStamp { get; set; } = "";
    public bool Disabled { get; set; }
    /// <summary>Optional (accounts stored before it have none): where 催报 and reminders are emailed.</summary>
    public string? Email { get; set; }
    /// <summary>The 财政局 the account belongs to (its Marten tenant), filled by Marten on load; never from input.</summary>
    public string TenantId { get; set; } = "";

    public void NewSecurityStamp() => SecurityStamp = Guid.NewGuid().ToString("N");

    /// <summary>The account as the 委托 rules see a colleague.</summary>
    public Workflow.Delegations.Colleague ToColleague() => new(Id, DisplayName, Role, Disabled, SectionIds);

    public Actor ToActor() => new(Id, DisplayName, Role, UnitId, SectionIds.Count == 0 ? null : SectionIds);
}
