using Approval.Workflow.Submissions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Approval.Web.Auth;

/// <summary>
/// Who may open which page. Every page needs a signed-in person (anonymous ones go to /login?ReturnUrl=…); the work pages
/// of one role answer anyone else with the 403 page, which names their own pages, rather than sending them home silently.
/// </summary>
public static class PageAccess
{
    public const string Reviewing = "reviewing";
    public const string Auditing = "auditing";
    public const string Preparing = "preparing";
    public const string ReadingProvince = "reading-province";
    public const string Administering = "administering";

    public static void Conventions(RazorPagesOptions options)
    {
        options.Conventions.AuthorizeFolder("/");
        options.Conventions.AuthorizePage("/Review/Index", Reviewing);
        options.Conventions.AuthorizePage("/Review/Delegations", Reviewing);
        options.Conventions.AuthorizePage("/Dashboard", Reviewing);
        options.Conventions.AuthorizePage("/Deadlines/Index", Reviewing);
        options.Conventions.AuthorizeFolder("/SpotChecks", Reviewing);
        options.Conventions.AuthorizePage("/Audit/Index", Auditing);
        options.Conventions.AuthorizePage("/Audit/ProvinceReads", Auditing);
        options.Conventions.AuthorizeFolder("/Province", ReadingProvince);
        options.Conventions.AuthorizePage("/Submissions/Index", Preparing);
        options.Conventions.AuthorizeFolder("/Admin", Administering);
    }

    public static void Policies(AuthorizationOptions options)
    {
        options.AddPolicy(Reviewing, p => p.RequireAssertion(c => c.User.ToActor()?.Role is Role.Reviewer or Role.Auditor or Role.Admin));
        options.AddPolicy(Auditing, p => p.RequireAssertion(c => c.User.ToActor()?.Role is Role.Auditor or Role.Admin));
        options.AddPolicy(ReadingProvince, p => p.RequireAssertion(c => Approval.Web.Province.ProvinceReader.Of(c.User) is not null));
        // A bureau's 管理员 only: what the pages list is that bureau's own (the session is the account's tenant).
        options.AddPolicy(Administering, p => p.RequireAssertion(c => c.User.ToActor()?.Role == Role.Admin));
        options.AddPolicy(Preparing, p => p.RequireAssertion(c => c.User.ToActor() is { Role: Role.Preparer, UnitId: not null }));
    }

    /// <summary>
    /// The person a page's policy (<see cref="Conventions"/>) admitted: pages take who is reading from here and do not
    /// restate who may open them. Null only if a page were reached without its policy — a fault, not a refusal.
    /// </summary>
    public static Actor Admitted(System.Security.Claims.ClaimsPrincipal user) =>
        user.ToActor() ?? throw new InvalidOperationException("a page was reached without a signed-in actor: its PageAccess policy is missing");

    /// <summary>The pages a person works on, for the links of the 403 page and the breadcrumbs.</summary>
    public static (string Text, string Href) HomeOf(Actor? actor) => actor?.Role switch
    {
        Role.Preparer => ("本单位报告", "/submissions"),
        Role.Reviewer => ("审核队列", "/review"),
        Role.Auditor => ("审计查阅", "/audit"),
        Role.Admin => ("系统管理", "/admin"),
        Role.ProvinceAuditor => ("跨财政局查阅", "/province"),
        _ => ("公开报告", "/public"),
    };

    /// <summary>The list a person finds reports in: their home, except the 管理员's, whose home is 系统管理 and who reads reports in 审计查阅.</summary>
    public static (string Text, string Href) ReportsOf(Actor? actor) => actor?.Role == Role.Admin ? ("审计查阅", "/audit") : HomeOf(actor);
}
