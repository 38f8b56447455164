using Approval.Workflow.Submissions;
using Marten;
using Wolverine.Http;

namespace Approval.Web.Submissions.Credibility;

/// <summary>
/// 自评质量 of one unit or section: <see cref="Forms"/> 自评表 sent for review, <see cref="Scored"/> of them scored on their
/// current content (the others have no verdict yet), <see cref="FlaggedForms"/> with at least one flag, split by verdict into
/// <see cref="NeedsAttention"/> (需关注) and <see cref="ManyDoubts"/> (疑点较多), and <see cref="Flags"/> in all.
/// </summary>
public sealed record CredibilityGroup(string Key, string Name, string? SectionName, int Forms, int Scored, int FlaggedForms, int NeedsAttention, int ManyDoubts, int Flags);

public sealed record CredibilityStatisticsView(int? Year, CredibilityGroup Total, IReadOnlyList<CredibilityGroup> BySection, IReadOnlyList<CredibilityGroup> ByUnit);

/// <summary>
/// The dashboard's 自评质量 (#29.5): per unit and per section, the verdicts <see cref="FormCredibility.OfUnitAsync"/> gives each
/// sent 自评表 — over what the caller may see (a reviewer's sections, a stand-in's 委托 included; the whole bureau for its
/// auditors and admins), never a unit's drafts.
/// </summary>
public static class CredibilityStatistics
{
    [EndpointSummary("统计：自评质量提示按股室、单位（有提示、需关注、疑点较多的自评表份数）")]
    [ApiAnswer(typeof(CredibilityStatisticsView))]
    [WolverineGet("/api/statistics/credibility")]
    public static async Task<IResult> Get(int? year, IQuerySession session, Actor actor, CancellationToken ct)
    {
        if (actor is not { Role: Role.Reviewer or Role.Auditor or Role.Admin }) return Problems.Forbidden("无权查看统计");
        // What the caller sees (SubmissionVisibility), and of that only the section's business: never a unit's drafts, for auditors either.
        var query = session.Query<Submission>().VisibleTo(actor)
            .Where(s => s.Kind == SubmissionKind.ProjectSelfEvaluation && s.State != SubmissionState.Draft && s.State != SubmissionState.Discarded);
        if (year is not null) query = query.Where(s => s.FiscalYear == year);
        var forms = await query.ToListAsync(ct);

        var units = new List<(CredibilityGroup Group, string? SectionId, List<(string? Verdict, int Flags)> Rows)>();
        foreach (var unitYear in forms.GroupBy(f => (f.UnitId, f.FiscalYear)).OrderBy(g => g.Key.UnitId, StringComparer.Ordinal).ThenBy(g => g.Key.FiscalYear))
        {
            var list = unitYear.OrderBy(f => f.Id).ToList();
            var view = await FormCredibility.OfUnitAsync(list, actor, session, ct);
            var rows = view.Forms.Select(r => (r.Verdict, r.Flags)).ToList();
            var latest = list.MaxBy(f => f.UpdatedAt)!;
            units.Add((Of(latest.UnitId, latest.UnitName, latest.SectionName, rows), latest.SectionId, rows));
        }
        var byUnit = units.GroupBy(u => u.Group.Key)
            .Select(g => Of(g.Key, g.First().Group.Name, g.First().Group.SectionName, [.. g.SelectMany(u => u.Rows)])).OrderBy(g => g.Name, StringComparer.Ordinal).ToList();
        var bySection = units.GroupBy(u => u.SectionId ?? "")
            .Select(g => Of(g.Key, g.First().Group.SectionName ?? "（未分配股室）", null, [.. g.SelectMany(u => u.Rows)])).OrderBy(g => g.Name, StringComparer.Ordinal).ToList();
        return Results.Ok(new CredibilityStatisticsView(year, Of("all", "合计", null, [.. units.SelectMany(u => u.Rows)]), bySection, byUnit));
    }

    private static CredibilityGroup Of(string key, string name, string? sectionName, List<(string? Verdict, int Flags)> rows) =>
        new(key, name, sectionName, rows.Count, rows.Count(r => r.Verdict is not null), rows.Count(r => r.Flags > 0),
            rows.Count(r => r.Verdict == "需关注"), rows.Count(r => r.Verdict == "疑点较多"), rows.Sum(r => r.Flags));
}
