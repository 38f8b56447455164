using Approval.Workflow.Submissions;
using Wolverine.Http;

namespace Approval.Web.Submissions;

/// <summary>
/// A command on one submission. <see cref="Version"/> is the stream version the caller saw (a conflict is 409 with
/// <c>currentVersion</c>); <see cref="CommandId"/> is the idempotency key, also accepted as the standard
/// <c>Idempotency-Key</c> header: a repeat gets the first answer, the key with another request 422.
/// </summary>
public interface ISubmissionCommand
{
    Guid? CommandId { get; }
    long? Version { get; }
}

/// <summary>A command that starts a submission (起草): idempotent by the same key, without a version.</summary>
public interface IStartSubmission
{
    Guid? CommandId { get; }
}

/// <summary>What every accepted command answers: the stream's new version and what was recorded.</summary>
public sealed record CommandAccepted(Guid SubmissionId, long Version, IReadOnlyList<string> Events)
{
    public static CommandAccepted After(Submission before, IReadOnlyCollection<object> events) =>
        new(before.Id, before.Version + events.Count, events.Select(e => e.GetType().Name).ToList());
}

/// <summary>A started submission: 201 with its address in <c>Location</c>.</summary>
public sealed record SubmissionDraftedResponse(Guid SubmissionId, long Version, IReadOnlyList<string> Events)
    : CreationResponse($"/api/submissions/{SubmissionId}");

public static class Decision
{
    /// <summary>The answer and the events of a decision on <paramref name="before"/>: Wolverine appends the events and commits once.</summary>
    public static (CommandAccepted, Wolverine.Marten.Events) Record(Submission before, params object[] events) =>
        (CommandAccepted.After(before, events), new Wolverine.Marten.Events(events));
}
