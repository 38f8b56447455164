using Approval.Web.Submissions.Credibility;
using Approval.Workflow.SpotChecks;
using Approval.Workflow.Submissions;
using Marten;

namespace Approval.Web.SpotChecks;

/// <summary>
/// What a reviewer's draw is made from: the year's 项目支出绩效自评表 of their sections that were approved (审核通过 or 已公开)
/// and that no earlier draw of the year took, each with its 自评质量 flags as its own page shows them to the drawer.
/// </summary>
public static class SpotCheckPopulation
{
    public static async Task<IReadOnlyList<(SpotCheckCandidate Candidate, SampledForm Form)>> LoadAsync(IQuerySession session, Actor actor, int year, CancellationToken ct)
    {
        var sections = (actor.SectionIds ?? []).ToArray();
        var forms = await session.Query<Submission>()
            .Where(s => s.FiscalYear == year && s.Kind == SubmissionKind.ProjectSelfEvaluation
                        && (s.State == SubmissionState.Approved || s.State == SubmissionState.Published) && s.SectionId != null && s.SectionId.IsOneOf(sections))
            .ToListAsync(ct);
        var taken = (await session.Query<SpotCheck>().Where(c => c.FiscalYear == year).ToListAsync(ct))
            .SelectMany(c => c.Items).Select(i => i.Form.SubmissionId).ToHashSet();
        var open = forms.Where(f => !taken.Contains(f.Id) && SubmissionAccess.CanSee(actor, f)).ToList();
        var reports = await FormCredibility.ReportsAsync(open, actor, session, ct);
        return [.. open.Select(f =>
        {
            var flags = reports.GetValueOrDefault(f.Id)?.Flags ?? [];
            var selfScore = f.Content.ProjectForm?.StatedTotal ?? f.Score?.Total;
            var form = new SampledForm(f.Id, f.UnitId, f.UnitName, f.SectionId!, f.SectionName ?? f.SectionId!, f.Title,
                selfScore, ResultApplication.SelfGrade(f.Content.ProjectForm?.StatedGrade, selfScore), f.Approval?.Grade, f.Approval?.Reviewer.UserId,
                DrawReason.Risk, 1, [.. flags.Select(x => new SpotCheckFlag(x.Rule, x.Title, x.Reason))]);
            return (new SpotCheckCandidate(f.Id, [.. flags.Select(x => x.Rule)]), form);
        })];
    }
}
