namespace Approval.Web.Pages;

/// <summary>
/// The page number a list was asked for (<c>?page=N</c>, from 1). Read from the query string itself: model binding of a
/// property named "page" takes Razor Pages' own "page" route value (the page's path) first and so never left page 1.
/// </summary>
public static class PageQuery
{
    public static int Number(HttpRequest request) =>
        int.TryParse(request.Query["page"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var asked)
            ? Math.Clamp(asked, 1, Paging.MaxPage) : 1;
}
