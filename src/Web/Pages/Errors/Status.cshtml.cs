using Approval.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Approval.Web.Pages.Errors;

/// <summary>
/// The page of a refusal or an error (404, 403, 500 …) for a browser, re-executed by status code pages and the exception
/// handler: in Chinese, in the layout, with a way back. It names nothing of what was asked for: a report of another unit
/// and one that does not exist look the same.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public class StatusModel : PageModel
{
    public int Code { get; private set; }
    public string Heading { get; private set; } = "";
    public string Explanation { get; private set; } = "";
    /// <summary>The signed-in person's own pages, offered on the 403 page.</summary>
    public (string Text, string Href) Home { get; private set; }
    public string? RequestId { get; private set; }

    public void OnGet() => Describe();

    /// <summary>A refused form post is re-executed as a post: it gets the same page.</summary>
    public void OnPost() => Describe();

    private void Describe()
    {
        // From the route alone: bound as a handler parameter, a re-executed post's form (one holding a NUL, say) was read
        // first, and the page said 404 for a 400.
        var status = int.TryParse(RouteData.Values["status"]?.ToString(), out var routed) ? routed : 0;
        Code = status is >= 400 and <= 599 ? status : 404;
        // Opened directly (not re-executed), the page still answers with the status it describes.
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is null && HttpContext.Features.Get<IExceptionHandlerPathFeature>() is null)
            Response.StatusCode = Code;
        (Heading, Explanation) = ErrorPages.Describe(Code);
        Home = PageAccess.HomeOf(User.ToActor());
        if (Code >= 500) RequestId = HttpContext.TraceIdentifier;
        ViewData["Title"] = Heading;
        ViewData["Breadcrumbs"] = new Breadcrumbs((Heading, null));
    }
}
