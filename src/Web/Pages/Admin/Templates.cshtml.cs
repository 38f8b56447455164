using Approval.Web.Templates;
using Approval.Workflow.Templates;
using Marten;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Approval.Web.Pages.Admin;

/// <summary>评分模板: the built-in templates and every version this bureau published, searchable by id, name or locality.</summary>
public class TemplatesModel(IQuerySession session) : PageModel
{
    public sealed record Row(IndicatorTemplate Template, bool BuiltIn, bool Disabled = false)
    {
        public string Key => StoredTemplate.KeyOf(Template);
    }

    /// <summary>A template as the API takes it, for 以此为基础发布新版本.</summary>
    public static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public PageOf<object> Pager { get; private set; } = new([], 0, 1, Paging.DefaultSize);
    public string Search { get; private set; } = "";

    public async Task OnGetAsync(string? q, CancellationToken ct)
    {
        Search = q?.Trim() ?? "";
        var stored = await session.Query<StoredTemplate>().ToListAsync(ct);
        var all = BuiltInTemplates.All.Select(t => new Row(t, true)).Concat(stored.Select(s => new Row(s.Template, false, s.Disabled)))
            .Where(r => Search.Length == 0 || new[] { r.Template.Id, r.Template.Name, r.Template.Locality ?? "" }.Any(t => t.Contains(Search, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(r => r.Template.Id, StringComparer.Ordinal).ThenByDescending(r => r.Template.Version).ToList();
        var page = new Paging(PageQuery.Number(Request), Paging.DefaultSize).Apply(all);
        Rows = page.Items;
        Pager = page.Position();
    }
}
