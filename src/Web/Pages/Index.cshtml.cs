using Approval.Web.Auth;
using Approval.Workflow.Submissions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Approval.Web.Pages;

[AllowAnonymous]
public class IndexModel : PageModel
{
    /// <summary>Signed-in people land on their own work.</summary>
    public IActionResult OnGet() => User.ToActor()?.Role switch
    {
        Role.Preparer => Redirect("/submissions"),
        Role.Reviewer => Redirect("/review"),
        Role.Auditor => Redirect("/audit"),
        Role.Admin => Redirect("/admin"),
        _ => Page(),
    };
}
