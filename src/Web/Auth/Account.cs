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
    public int FailedAttempts { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }

    public Actor ToActor() => new(Id, DisplayName, Role, UnitId, SectionIds.Count == 0 ? null : SectionIds);
}
