using Approval.Web.Templates;
using Approval.Workflow.DepartmentReport;
using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Drafting;
using Approval.Workflow.Submissions.Summary;
using Marten;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Approval.Web.Submissions.Drafting;

public sealed record ScoreSubmission(Guid? CommandId, long? Version) : ISubmissionCommand;

/// <summary>评分: the engine scores and checks the current content against every known template.</summary>
public static class Score
{
    [EndpointSummary("评分：按规则重算并核对")]
    [ApiAnswer(typeof(CommandAccepted), Command = true)]
    [WolverinePost("/api/submissions/{id}/score")]
    public static async Task<(CommandAccepted, Events, OutgoingMessages)> Post(ScoreSubmission command, [WriteAggregate("id")] Submission submission, Actor actor,
        IDocumentSession session, CancellationToken ct) =>
        Decision.Record(submission, DraftRules.Score(submission, actor, await TemplateCatalogue.AllAsync(session, ct), await RelatedAsync(submission, session, ct)));

    /// <summary>
    /// For a 部门整体 report: the same unit's 部门决算公开 and 项目支出绩效自评表 of the same year, which the report quotes;
    /// for a 部门决算公开 package: the unit's 自评表 of that year, whose scores and funds its 情况说明 quotes.
    /// Of several 决算公开 packages the furthest along (published, approved, …), then the latest; a discarded report is none of them.
    /// </summary>
    internal static async Task<RelatedReports?> RelatedAsync(Submission submission, IQuerySession session, CancellationToken ct)
    {
        if (submission.Kind == SubmissionKind.SummaryReview)
            return RelatedReports.None with { SummaryTable = (await UnitSummaryReview.OfSummaryAsync(session, submission, ct)).ToTable() };
        if (submission.Kind is not (SubmissionKind.DepartmentSelfEvaluation or SubmissionKind.FinalAccountsDisclosure)) return null;
        var others = await session.Query<Submission>()
            .Where(s => s.UnitId == submission.UnitId && s.FiscalYear == submission.FiscalYear && s.Id != submission.Id && s.State != SubmissionState.Discarded &&
                        (s.Kind == SubmissionKind.FinalAccountsDisclosure || s.Kind == SubmissionKind.ProjectSelfEvaluation))
            .ToListAsync(ct);
        var disclosure = others.Where(s => s.Content.Disclosure is not null)
            .OrderByDescending(s => s.State).ThenByDescending(s => s.UpdatedAt).FirstOrDefault();
        return new RelatedReports(
            disclosure is null ? null : new RelatedDisclosure($"「{disclosure.Title}」", disclosure.Content.Disclosure!),
            // a project drafted twice is one project: its furthest-along form, as in the 汇总
            [.. others.Where(s => s.Content.ProjectForm is not null).GroupBy(SameReport.ProjectKey)
                .Select(g => g.OrderByDescending(s => s.State).ThenByDescending(s => s.UpdatedAt).First())
                .OrderBy(s => s.CreatedAt).Select(s => new RelatedProject($"「{s.Title}」", s.Content.ProjectForm!))]);
    }
}
