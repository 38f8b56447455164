using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Approval.Web.Pages;

/// <summary>统计: the bureau's reviewers, auditors and admins (<see cref="Auth.PageAccess.Reviewing"/>); the figures come from the API.</summary>
public class DashboardModel : PageModel;
