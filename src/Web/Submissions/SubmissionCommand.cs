using Approval.Web.Auth;
using Approval.Workflow.Submissions;
using JasperFx;
using JasperFx.Events;
using Marten;
using Marten.Exceptions;

namespace Approval.Web.Submissions;

/// <summary>What every accepted command answers: the stream's new version and what was recorded.</summary>
public sealed record CommandAccepted(Guid SubmissionId, long Version, IReadOnlyList<string> Events);

/// <summary>
/// A command id already handled, stored in the same transaction as its events: a retried command returns
/// the first answer and appends nothing.
/// </summary>
public sealed class ProcessedCommand
{
    public Guid Id { get; set; }
    public Guid SubmissionId { get; set; }
    public string ActorId { get; set; } = "";
    public long Version { get; set; }
    public List<string> Events { get; set; } = [];
    /// <summary>Method, path and body of the request that used the key: the same key with another request is refused.</summary>
    public string? Fingerprint { get; set; }
    /// <summary>The first answer's status (201 for a draft, 200 otherwise), replayed with its Location.</summary>
    public int Status { get; set; } = 200;
}

/// <summary>
/// The shared path of every command on an existing submission, on Marten's FetchForWriting (the aggregate
/// handler workflow's own primitive): replay a known command id; load; hide what the actor may not see (404);
/// check the expected version (409); let the pure domain decide; append with optimistic concurrency; commit.
/// </summary>
public static class SubmissionCommand
{
    public static async Task<IResult> Run(IDocumentSession session, HttpContext http, Guid submissionId, long? expectedVersion, Guid? commandId,
        Func<Submission, Actor, object[]> decide, CancellationToken ct)
    {
        if (http.User.ToActor() is not { } actor) return Problems.Unauthorized();
        var (key, refused) = IdempotencyKey.Of(http, actor, commandId);
        if (refused is not null) return refused;
        var fingerprint = key is null ? "" : await IdempotencyKey.FingerprintAsync(http, ct); // only keyed requests are compared
        if (key is { } known && await session.LoadAsync<ProcessedCommand>(known, ct) is { } done)
            return Replay(done, actor, submissionId, fingerprint);
        if (expectedVersion is null)
            return Problems.BadRequest("version-required", "请求缺少 version（报告当前版本号）", "the expected stream version is required");

        var stream = await session.Events.FetchForWriting<Submission>(submissionId, ct);
        var submission = stream.Aggregate;
        if (submission is null || !SubmissionAccess.CanSee(actor, submission)) return Problems.NotFound();
        if (submission.Version != expectedVersion)
            // A duplicate of a command that committed meanwhile answers as the first one did, not with a conflict.
            return await ReplayIfDone(session, key, actor, submissionId, fingerprint, ct) ?? Problems.VersionConflict(expectedVersion, submission.Version);

        object[] events;
        try { events = decide(submission, actor); }
        catch (SubmissionRuleException e) { return Problems.From(e.Violation); }

        if (events.Length != 1) throw new InvalidOperationException("a command records exactly one event, so that each carries its own chain link");
        stream.AppendMany(events);
        var accepted = new CommandAccepted(submissionId, submission.Version + events.Length, events.Select(e => e.GetType().Name).ToList());
        return await Commit(session, http, actor, key, fingerprint, accepted, (submission.LastEventHash, events[0]), ct);
    }

    /// <summary>Starts a new stream (drafting): idempotent by command id like every other command.</summary>
    public static async Task<IResult> Start(IDocumentSession session, HttpContext http, Guid? commandId, Func<Actor, Guid, object> decide, CancellationToken ct)
    {
        if (http.User.ToActor() is not { } actor) return Problems.Unauthorized();
        var (key, refused) = IdempotencyKey.Of(http, actor, commandId);
        if (refused is not null) return refused;
        var fingerprint = key is null ? "" : await IdempotencyKey.FingerprintAsync(http, ct); // only keyed requests are compared
        if (key is { } known && await session.LoadAsync<ProcessedCommand>(known, ct) is { } done)
            return Replay(done, actor, done.SubmissionId, fingerprint);
        var id = Guid.CreateVersion7(); // time-ordered: index-friendly
        object drafted;
        try { drafted = decide(actor, id); }
        catch (SubmissionRuleException e) { return Problems.From(e.Violation); }
        session.Events.StartStream<Submission>(id, drafted);
        return await Commit(session, http, actor, key, fingerprint, new CommandAccepted(id, 1, [drafted.GetType().Name]), (null, drafted), ct, created: true);
    }

    private static async Task<IResult> Commit(IDocumentSession session, HttpContext http, Actor actor, Guid? key, string fingerprint, CommandAccepted accepted,
        (string? Previous, object Event) link, CancellationToken ct, bool created = false)
    {
        Stamp(session, http, actor, key);
        Integrity.EventChainStamp.Stamp(session, http.RequestServices.GetRequiredService<Integrity.ChainKey>(), accepted.SubmissionId, accepted.Version,
            link.Previous, link.Event, http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow());
        if (key is { } id)
            session.Insert(new ProcessedCommand
            {
                Id = id, SubmissionId = accepted.SubmissionId, ActorId = actor.UserId, Version = accepted.Version, Events = accepted.Events.ToList(),
                Fingerprint = fingerprint, Status = created ? 201 : 200,
            });
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is ConcurrencyException or EventStreamUnexpectedMaxEventIdException or DocumentAlreadyExistsException or JasperFx.Events.ExistingStreamIdCollisionException or Marten.Exceptions.ExistingStreamIdCollisionException)
        {
            // Wolverine saves the session once more after the endpoint: nothing of this attempt may remain in it.
            session.EjectAllPendingChanges();
            // Either another command on the same version won, or the same command raced itself.
            if (await ReplayIfDone(session, key, actor, created ? null : accepted.SubmissionId, fingerprint, ct) is { } replay) return replay;
            await using var query = session.DocumentStore.QuerySession();
            var state = await query.Events.FetchStreamStateAsync(accepted.SubmissionId, ct);
            return Problems.VersionConflict(accepted.Version - accepted.Events.Count, state?.Version ?? 0);
        }
        return Answer(accepted, created ? 201 : 200);
    }

    private static async Task<IResult?> ReplayIfDone(IDocumentSession session, Guid? key, Actor actor, Guid? submissionId, string fingerprint, CancellationToken ct)
    {
        if (key is not { } known) return null;
        await using var fresh = session.DocumentStore.QuerySession();
        return await fresh.LoadAsync<ProcessedCommand>(known, ct) is { } done ? Replay(done, actor, submissionId ?? done.SubmissionId, fingerprint) : null;
    }

    /// <summary>A repeated key answers as the first request did — status, body and Location — if it is the same request.</summary>
    private static IResult Replay(ProcessedCommand done, Actor actor, Guid submissionId, string fingerprint)
    {
        if (done.ActorId != actor.UserId || done.SubmissionId != submissionId)
            return Problems.Of(409, "command-id-reused", "该命令编号已用于另一操作", "this command id was already used for another command");
        if (done.Fingerprint is { } first && first != fingerprint)
            return Problems.Of(422, "idempotency-key-reused", "该幂等键已用于内容不同的请求，请为新操作使用新的键",
                "This idempotency key was used for a different request; use a new key for a new operation.");
        return Answer(new CommandAccepted(done.SubmissionId, done.Version, done.Events), done.Status);
    }

    private static IResult Answer(CommandAccepted accepted, int status) =>
        status == 201 ? Results.Created($"/api/submissions/{accepted.SubmissionId}", accepted) : Results.Ok(accepted);

    /// <summary>Who, and in answer to what: Marten metadata on every appended event.</summary>
    private static void Stamp(IDocumentSession session, HttpContext http, Actor actor, Guid? key)
    {
        session.CorrelationId = http.Request.Headers.TryGetValue("X-Correlation-Id", out var correlation) && correlation.ToString().Length is > 0 and <= 100
            ? correlation.ToString()
            : http.TraceIdentifier;
        session.CausationId = key?.ToString() ?? http.TraceIdentifier;
        session.LastModifiedBy = actor.UserId;
        session.SetHeader("role", actor.Role.ToString());
        if (actor.UnitId is not null) session.SetHeader("unit", actor.UnitId);
    }
}
