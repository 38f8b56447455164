using Approval.Workflow.Submissions;

namespace Approval.Workflow.SpotChecks;

/// <summary>
/// Who sees what of a 抽查, as <see cref="SubmissionAccess"/> says for the forms themselves: a reviewer the draws of their
/// sections and, in them, the forms of their sections; auditors and administrators everything of their bureau; a unit's
/// preparer only the released results of its own forms (never the draw, its population or another unit's result).
/// </summary>
public static class SpotCheckAccess
{
    public static bool CanSeeDraw(Actor? actor, SpotCheck check) => actor?.Role switch
    {
        Role.Reviewer => check.SectionIds.Intersect(actor.SectionIds ?? []).Any() || check.Items.Any(i => CanSee(actor, i)),
        Role.Auditor or Role.Admin => true,
        _ => false,
    };

    public static bool CanSee(Actor? actor, SpotCheckItem item) => actor?.Role switch
    {
        Role.Reviewer => (actor.SectionIds ?? []).Contains(item.Form.SectionId),
        Role.Auditor or Role.Admin => true,
        Role.Preparer => actor.UnitId == item.Form.UnitId && item.Release is not null,
        _ => false,
    };

    /// <summary>The items of a draw the caller may see.</summary>
    public static IReadOnlyList<SpotCheckItem> VisibleItems(Actor? actor, SpotCheck check) => CanSeeDraw(actor, check) ? [.. check.Items.Where(i => CanSee(actor, i))] : [];
}
