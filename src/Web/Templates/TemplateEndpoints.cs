using System.Text.Json.Nodes;
using Approval.Web.Workbooks;
using Approval.Workflow.Submissions;
using Approval.Workflow.Templates;
using Approval.Workflow.Workbooks;
using Marten;
using Wolverine.Http;

namespace Approval.Web.Templates;

/// <summary>An admin-added indicator template version. Versions are immutable: a change is a new version.</summary>
public sealed class StoredTemplate
{
    public string Id { get; set; } = "";
    public IndicatorTemplate Template { get; set; } = null!;
    /// <summary>停用: no longer chosen for scoring or offered as the empty workbook; scores already recorded with it stay.</summary>
    public bool Disabled { get; set; }

    public static string KeyOf(IndicatorTemplate t) => $"{t.Id}@{t.Version}";
}

/// <summary>停用/启用 of a published template version.</summary>
public sealed record ChangeTemplate(bool? Disabled);

public static class TemplateCatalogue
{
    /// <summary>The built-in templates and every stored version in use (not 停用): scoring chooses among all of them.</summary>
    public static async Task<IReadOnlyList<IndicatorTemplate>> AllAsync(IQuerySession session, CancellationToken ct)
    {
        var stored = await session.Query<StoredTemplate>().Where(s => !s.Disabled).ToListAsync(ct);
        return BuiltInTemplates.All.Concat(stored.Select(s => s.Template)).ToList();
    }
}

/// <summary>Indicator templates (指标模板) as versioned data, and the xlsx workbook for preparers.</summary>
public static class TemplateEndpoints
{
    public const int MaxVersion = 9999;

    [EndpointSummary("指标模板")]
    [ApiAnswer(typeof(List<IndicatorTemplate>))]
    [WolverineGet("/api/templates")]
    public static async Task<IReadOnlyList<IndicatorTemplate>> List(IQuerySession session, CancellationToken ct) =>
        await TemplateCatalogue.AllAsync(session, ct);

    [EndpointSummary("管理员：发布指标模板版本")]
    [ApiAnswer(typeof(JsonObject))]
    [WolverinePost("/api/admin/templates")]
    public static async Task<IResult> Add(IndicatorTemplate template, IDocumentSession session, CancellationToken ct)
    {
        // The id is checked first and alone: it becomes the document key and the Location header, and is echoed in messages.
        if (!SafeId.IsValid(template.Id)) return Problems.BadRequest("id-invalid", "模板" + SafeId.Rule, "template ids are 1 to 64 ASCII letters, digits, '-', '_' or '.'");
        var problems = template.Validate();
        if (template.Version is < 1 or > MaxVersion) problems = [.. problems, $"模板版本号应在 1–{MaxVersion} 之间"];
        if (problems.Count > 0) return Problems.BadRequest("template-invalid", "指标模板无效：" + string.Join("；", problems), "invalid template");
        var key = StoredTemplate.KeyOf(template);
        // A published version is never overwritten: its insert fails at the commit (409 template-exists, ConcurrentCreate).
        if (BuiltInTemplates.All.Any(t => StoredTemplate.KeyOf(t) == key))
            return Problems.Of(409, "template-exists", $"模板 {key} 已存在；修改请发布新版本", "template version exists; publish a new version");
        session.Insert(new StoredTemplate { Id = key, Template = template }); // a concurrent publish loses at the commit (ConcurrentCreate)
        return Results.Created($"/api/templates/{key}", new { Id = key });
    }

    /// <summary>停用 or 启用 a version this bureau published; the built-in ones come with the system and stay.</summary>
    [EndpointSummary("管理员：停用或启用本局发布的指标模板版本")]
    [ApiAnswer(typeof(JsonObject))]
    [WolverinePut("/api/admin/templates/{key}")]
    public static async Task<IResult> Change(string key, ChangeTemplate command, IDocumentSession session, CancellationToken ct)
    {
        if (BuiltInTemplates.All.Any(t => StoredTemplate.KeyOf(t) == key))
            return Problems.Of(409, "template-built-in", $"模板 {key} 是内置模板，随系统提供，不能停用", "built-in templates cannot be disabled");
        if (key.Length > 80 || !SafeId.IsValid(key.Replace('@', '.')) || await session.LoadAsync<StoredTemplate>(key, ct) is not { } stored) return Problems.NotFound("指标模板");
        if (command.Disabled is not { } disabled) return Problems.BadRequest("template-invalid", "请说明停用（disabled: true）还是启用（disabled: false）", "disabled is required");
        stored.Disabled = disabled;
        session.Store(stored);
        await session.SaveChangesAsync(ct);
        return Results.Ok(new { Id = key, stored.Disabled });
    }

    /// <summary>The empty 自评表 for a year (default: this year in China), laid out by the template in force that year.</summary>
    [EndpointSummary("下载项目支出绩效自评表 Excel 模板（year 指定年度，默认今年）")]
    [ApiAnswer(typeof(byte[]), MediaType = WorkbookFile.ContentType)]
    [WolverineGet("/api/templates/self-evaluation.xlsx")]
    public static async Task<IResult> Workbook(int? year, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var chosen = year ?? clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Year;
        if (!SelfEvaluationTemplateWorkbook.IsSensibleYear(chosen))
            return Problems.BadRequest("year-out-of-range", $"年度应在 {SelfEvaluationTemplateWorkbook.MinYear}–{SelfEvaluationTemplateWorkbook.MaxYear} 之间，收到 {chosen}",
                $"year must be between {SelfEvaluationTemplateWorkbook.MinYear} and {SelfEvaluationTemplateWorkbook.MaxYear}");
        var templates = await TemplateCatalogue.AllAsync(session, ct);
        return Results.File(SelfEvaluationTemplateWorkbook.Create(chosen, templates), WorkbookFile.ContentType,
            WorkbookFile.Name("项目支出绩效自评表模板", WorkbookDownloads.Year(chosen)));
    }
}
