using Approval.Web.Templates;
using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Drafting;
using Marten;
using Wolverine.Http;
using Wolverine.Marten;

namespace Approval.Web.Submissions.Drafting;

public sealed record ScoreSubmission(Guid? CommandId, long? Version) : ISubmissionCommand;

/// <summary>评分: the engine scores and checks the current content against every known template.</summary>
public static class Score
{
    [WolverinePost("/api/submissions/{id}/score")]
    public static async Task<(CommandAccepted, Events)> Post(ScoreSubmission command, [WriteAggregate("id")] Submission submission, Actor actor,
        IDocumentSession session, CancellationToken ct) =>
        Decision.Record(submission, DraftRules.Score(submission, actor, await TemplateCatalogue.AllAsync(session, ct)));
}
