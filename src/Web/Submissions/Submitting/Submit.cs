using Approval.Web.Organization;
using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Submitting;
using Marten;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Approval.Web.Submissions.Submitting;

public sealed record SubmitForReview(Guid? CommandId, long? Version) : ISubmissionCommand;

/// <summary>提交审核: the scored content goes to the 业务股室 that covers the unit.</summary>
public static class Submit
{
    [EndpointSummary("提交审核")]
    [ApiAnswer(typeof(CommandAccepted), Command = true)]
    [WolverinePost("/api/submissions/{id}/submit")]
    public static async Task<(CommandAccepted, Events, OutgoingMessages)> Post(SubmitForReview command, [WriteAggregate("id")] Submission submission, Actor actor,
        IDocumentSession session, CancellationToken ct)
    {
        var unit = actor.UnitId is { } unitId ? await session.LoadAsync<BudgetUnit>(unitId, ct) : null;
        var section = unit is null ? null : await session.LoadAsync<ReviewSection>(unit.SectionId, ct);
        return Decision.Record(submission, SubmitRules.Decide(submission, new SubmitCommand(section?.Id, section?.Name), actor));
    }
}
