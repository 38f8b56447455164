using System.Text.Json.Nodes;
using Approval.Workflow.SpotChecks;
using Approval.Workflow.Submissions;
using Marten;
using Wolverine.Http;

namespace Approval.Web.SpotChecks;

/// <summary>A draw as the caller may see it: its parameters, whether re-running it gives its sample, and the forms of their sections.</summary>
public sealed record SpotCheckView(
    Guid Id, long Version, int FiscalYear, int SampleSize, int RandomSharePercent, long Seed, int? Population, bool Reproduces,
    Actor DrawnBy, DateTimeOffset DrawnAt, IReadOnlyList<SpotCheckItem> Items)
{
    /// <summary>The population's size only to who could see all of it (another section's forms are not counted for anyone else).</summary>
    public static SpotCheckView Of(SpotCheck check, Actor actor) => new(
        check.Id, check.Version, check.FiscalYear, check.SampleSize, check.RandomSharePercent, check.Seed,
        actor.Role != Role.Reviewer || check.SectionIds.All(s => (actor.SectionIds ?? []).Contains(s)) ? check.Population.Count : null,
        SpotCheckRules.Reproduces(check), check.DrawnBy, check.DrawnAt, SpotCheckAccess.VisibleItems(actor, check));
}

/// <summary>A form's 复核 result as its page shows it: to the unit only once released.</summary>
public sealed record FormSpotCheckView(Guid SpotCheckId, long Version, SpotCheckItem Item);

public static class SpotCheckQueries
{
    /// <summary>The draws of a year (all years when absent) the caller may see, newest first.</summary>
    public static async Task<IReadOnlyList<SpotCheckView>> ListAsync(IQuerySession session, Actor actor, int? year, CancellationToken ct)
    {
        if (actor.Role is not (Role.Reviewer or Role.Auditor or Role.Admin)) return [];
        var query = session.Query<SpotCheck>().AsQueryable();
        if (year is { } y) query = query.Where(c => c.FiscalYear == y);
        var checks = await query.OrderByDescending(c => c.DrawnAt).Take(200).ToListAsync(ct);
        return [.. checks.Where(c => SpotCheckAccess.CanSeeDraw(actor, c)).Select(c => SpotCheckView.Of(c, actor))];
    }

    /// <summary>The latest draw that holds the form and whose item the caller may see; null otherwise.</summary>
    public static async Task<FormSpotCheckView?> OfFormAsync(IQuerySession session, Actor actor, Submission form, CancellationToken ct)
    {
        if (form.Kind != SubmissionKind.ProjectSelfEvaluation || !SubmissionAccess.CanSee(actor, form)) return null;
        var checks = await session.Query<SpotCheck>().Where(c => c.FiscalYear == form.FiscalYear).OrderByDescending(c => c.DrawnAt).ToListAsync(ct);
        return checks.Select(c => (Check: c, Item: c.Item(form.Id))).FirstOrDefault(x => x.Item is not null && SpotCheckAccess.CanSee(actor, x.Item)) is { Item: { } item } found
            ? new FormSpotCheckView(found.Check.Id, found.Check.Version, item)
            : null;
    }

    /// <summary>结果应用: each approved (or published) 自评表 of the year the caller may see, with its latest 复核.</summary>
    public static async Task<IReadOnlyList<ResultApplicationRow>> ResultsAsync(IQuerySession session, Actor actor, int year, CancellationToken ct)
    {
        if (actor.Role is not (Role.Reviewer or Role.Auditor or Role.Admin)) return [];
        var forms = (await session.Query<Submission>()
                .Where(s => s.FiscalYear == year && s.Kind == SubmissionKind.ProjectSelfEvaluation && (s.State == SubmissionState.Approved || s.State == SubmissionState.Published))
                .ToListAsync(ct))
            .Where(f => SubmissionAccess.CanSee(actor, f)).OrderBy(f => f.UnitName, StringComparer.Ordinal).ThenBy(f => f.Title, StringComparer.Ordinal).ToList();
        var items = (await session.Query<SpotCheck>().Where(c => c.FiscalYear == year).OrderBy(c => c.DrawnAt).ToListAsync(ct))
            .SelectMany(c => c.Items).GroupBy(i => i.Form.SubmissionId).ToDictionary(g => g.Key, g => g.Last());
        return [.. forms.Select(f => ResultApplicationRow.Of(f, items.GetValueOrDefault(f.Id)))];
    }

    [EndpointSummary("本人可见的抽查（year 指定年度）")]
    [ApiAnswer(typeof(List<SpotCheckView>))]
    [WolverineGet("/api/spot-checks")]
    public static async Task<IResult> List(int? year, IQuerySession session, Actor actor, CancellationToken ct) =>
        actor.Role is Role.Reviewer or Role.Auditor or Role.Admin
            ? Results.Ok(await ListAsync(session, actor, year, ct))
            : Problems.Forbidden("只有财政局的审核人、审计和管理员可以查看抽查");

    [EndpointSummary("一次抽查：参数、随机种子、能否按记录重抽复现、本股室抽中的自评表及其复核")]
    [ApiAnswer(typeof(SpotCheckView))]
    [WolverineGet("/api/spot-checks/{id}")]
    public static async Task<IResult> Get(Guid id, IQuerySession session, Actor actor, CancellationToken ct) =>
        await session.LoadAsync<SpotCheck>(id, ct) is { } check && SpotCheckAccess.CanSeeDraw(actor, check)
            ? Results.Ok(SpotCheckView.Of(check, actor))
            : Problems.NotFound("抽查");

    [EndpointSummary("一份自评表的抽查复核结果（单位在告知后可见）")]
    [ApiAnswer(typeof(FormSpotCheckView))]
    [WolverineGet("/api/submissions/{id}/spot-check")]
    public static async Task<IResult> OfForm(Guid id, IQuerySession session, Actor actor, CancellationToken ct)
    {
        if (await session.LoadAsync<Submission>(id, ct) is not { } form || !SubmissionAccess.CanSee(actor, form)) return Problems.NotFound();
        return await OfFormAsync(session, actor, form, ct) is { } view
            ? Results.Ok(view)
            : Problems.Of(404, "not-spot-checked", "这份报告没有可查看的抽查复核结果", "no spot-check result to show");
    }

    [EndpointSummary("结果应用：各项目自评、审核、复核等级与下年度预算安排意见")]
    [ApiAnswer(typeof(JsonObject))]
    [WolverineGet("/api/spot-check-results/{year}")]
    public static async Task<IResult> ResultApplicationTable(int year, IQuerySession session, Actor actor, CancellationToken ct) =>
        actor.Role is not (Role.Reviewer or Role.Auditor or Role.Admin)
            ? Problems.Forbidden("结果应用表只供财政局的审核人、审计和管理员查看")
            : year is < 2000 or > 2100
            ? Problems.BadRequest("year-invalid", "年度应在 2000–2100 之间", "the year must be 2000 to 2100")
            : Results.Ok(new { year, notes = ResultApplication.Notes, rows = await ResultsAsync(session, actor, year, ct) });
}
