using Approval.Web.Auth;
using Approval.Web.SpotChecks;
using Approval.Workflow.SpotChecks;
using Approval.Workflow.Submissions;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Approval.Web.Pages.SpotChecks;

/// <summary>One draw: its parameters, the forms of the caller's sections with their flags and why drawn, 复核 and 告知.</summary>
public class DetailModel(IQuerySession session) : PageModel
{
    public SpotCheckView Check { get; private set; } = null!;
    public Actor Actor { get; private set; } = null!;

    /// <summary>Whether the caller may re-score or release this item: a reviewer of its section who did not approve the form.</summary>
    public bool MayRescore(SpotCheckItem item) =>
        Actor.Role == Role.Reviewer && item.Release is null && SpotCheckAccess.CanSee(Actor, item) && item.Form.ApprovedByUserId != Actor.UserId;

    public bool MayRelease(SpotCheckItem item) =>
        Actor.Role == Role.Reviewer && item.Release is null && item.Rescore is not null && SpotCheckAccess.CanSee(Actor, item);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Actor = PageAccess.Admitted(User);
        if (await session.LoadAsync<SpotCheck>(id, ct) is not { } check || !SpotCheckAccess.CanSeeDraw(Actor, check)) return NotFound();
        Check = SpotCheckView.Of(check, Actor);
        return Page();
    }

    public static string Reason(SampledForm form) => form.Reason == DrawReason.Risk
        ? $"风险抽取（权重 {form.Weight}{(form.Flags.Count == 0 ? "，无提示" : $"，{form.Flags.Count} 处提示")}）"
        : "随机抽取";
}
