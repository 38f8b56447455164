using Approval.Web.Organization;
using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Drafting;
using Approval.Workflow.Submissions.Publishing;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Approval.Web.Submissions.Drafting;

public sealed record DraftSubmission(Guid? CommandId, int FiscalYear, SubmissionKind Kind, string? Title, SubmissionContent? Content) : IStartSubmission;

/// <summary>起草: a unit's preparer starts a report; it is private to the unit until submitted.</summary>
public static class Draft
{
    public static ProblemDetails Validate(DraftSubmission command) => command.Content is null
        ? Problems.Details(400, "content-required", "请提供报告内容", "content is required")
        : WolverineContinue.NoProblems;

    [EndpointSummary("起草报告")]
    [ApiAnswer(typeof(CommandAccepted), Status = 201, Command = true)]
    [WolverinePost("/api/submissions")]
    public static async Task<(SubmissionDraftedResponse, IStartStream, OutgoingMessages)> Post(DraftSubmission command, Actor actor, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var unit = await UnitOf(actor, session, ct);
        PublicationDeadline.RequirePlausible(command.Content!, command.FiscalYear, PublicationDeadline.Today(clock));
        return Start(unit, command.FiscalYear, command.Kind, command.Title ?? "", command.Content!, actor);
    }

    /// <summary>The unit a preparer drafts for; anyone else is refused, and so is a unit the 管理员 has closed (停用).</summary>
    public static async Task<BudgetUnit> UnitOf(Actor actor, IQuerySession session, CancellationToken ct)
    {
        var unit = (actor.UnitId is { } unitId ? await session.LoadAsync<BudgetUnit>(unitId, ct) : null)
            ?? throw new SubmissionRuleException(RuleViolation.Forbidden("not-preparer", "只有预算单位的填报人可以起草报告", "only a unit's preparer can draft"));
        return unit.Disabled
            ? throw new SubmissionRuleException(RuleViolation.Conflict("unit-disabled", $"{unit.Name}已停用，不能新建报告；已提交的报告照常审核", "the unit is disabled and starts no new report"))
            : unit;
    }

    public static (SubmissionDraftedResponse, IStartStream, OutgoingMessages) Start(BudgetUnit unit, int fiscalYear, SubmissionKind kind, string title, SubmissionContent content, Actor actor,
        UnitMismatchConfirmed? unitMismatch = null)
    {
        var id = Guid.CreateVersion7(); // time-ordered: index-friendly
        var drafted = DraftRules.Draft(id, unit.Id, unit.Name, fiscalYear, kind, title, content, actor) with { UnitMismatch = unitMismatch };
        return (new SubmissionDraftedResponse(id, 1, [nameof(SubmissionDrafted)]), MartenOps.StartStream<Submission>(id, drafted), Decision.Notify(null, id, [drafted]));
    }
}
