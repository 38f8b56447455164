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
    /// <summary>
    /// The answer, the events and the notifications of a decision on <paramref name="before"/>: Wolverine appends the events
    /// (the read models are written inline with them), commits once, and only then sends the notifications (its outbox).
    /// </summary>
    public static (CommandAccepted, Wolverine.Marten.Events, Wolverine.OutgoingMessages) Record(Submission before, params object[] events) =>
        (CommandAccepted.After(before, events), new Wolverine.Marten.Events(events), Notify(before, before.Id, events));

    /// <summary>The notifications of <paramref name="events"/> as one message, delivered after the commit.</summary>
    public static Wolverine.OutgoingMessages Notify(Submission? before, Guid submissionId, IEnumerable<object> events) =>
        [SubmissionNotices.Of(before, submissionId, events)];
}
