using Approval.Web.Auth;
using Approval.Workflow.Submissions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Approval.Web.Pages;

public class DashboardModel : PageModel
{
    public IActionResult OnGet() => User.ToActor()?.Role is Role.Reviewer or Role.Auditor or Role.Admin ? Page() : Redirect("/");
}
