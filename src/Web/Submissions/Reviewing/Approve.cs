using System.ComponentModel;
using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Reviewing;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Approval.Web.Submissions.Reviewing;

/// <param name="Grade">优, 良, 中 or 差 — required for every kind but a 部门决算公开 package, which is never graded (a grade sent for one is refused).</param>
/// <remarks>经办人签名 is the signed-in reviewer's name, never text from the request: a signature nobody can type for someone else.</remarks>
public sealed record ApproveSubmission(
    Guid? CommandId, long? Version,
    [property: Description("评定等级：优、良、中、差。项目支出绩效自评表、部门整体支出绩效自评报告、汇总审核表必填；部门决算公开（FinalAccountsDisclosure）只作通过或退回，不得填写")]
    string? Grade = null,
    [property: Description("改评理由：等级与系统建议不同时必填；部门决算公开不得填写")]
    string? OverrideReason = null,
    string? Opinion = null, string? Stamp = null)
    : ISubmissionCommand;

/// <summary>审核通过: the grade (none for a 部门决算公开 package), the opinion, 经办人签名 and 盖章.</summary>
public static class Approve
{
    [EndpointSummary("审核通过：评定 优/良/中/差，签名盖章")]
    [ApiAnswer(typeof(CommandAccepted), Command = true)]
    [WolverinePost("/api/submissions/{id}/approve")]
    public static (CommandAccepted, Events, OutgoingMessages) Post(ApproveSubmission command, [WriteAggregate("id")] Submission submission, Actor actor) =>
        // Whether a grade is needed, and which, depends on the kind; the signature is the actor's name: ReviewRules decides both.
        Decision.Record(submission, ReviewRules.Decide(submission, new ApproveCommand(command.Grade, command.OverrideReason, command.Opinion, command.Stamp), actor));
}
