using Approval.Web.Auth;
using Approval.Workflow.Submissions;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Approval.Web.Notifications;

/// <summary>
/// One page of what a reconnecting client missed: the notifications it may see among the events after its sequence up
/// to <see cref="Through"/>; when <see cref="More"/>, it asks again after <see cref="Through"/>.
/// </summary>
public sealed record MissedPage(IReadOnlyList<ReviewNotification> Notifications, long Through, bool More);

public interface IReviewClient
{
    Task Notify(ReviewNotification notification);
}

/// <summary>
/// Live updates for the review UI. On connecting, a user joins the groups of their role: a preparer their
/// unit's, a reviewer their sections', auditors and admins everything — all within their own 财政局: every group name
/// starts with the tenant, so the same unit or section id in two bureaus never shares a group. A page may also watch one
/// submission it is allowed to see. After a dropped connection the client asks for what it missed by sequence.
/// Sessions are opened for the caller's tenant claim (a hub method has no request of its own to take it from).
/// </summary>
[Authorize]
public sealed class ReviewHub(IDocumentStore store) : Hub<IReviewClient>
{
    public static string UnitGroup(string tenantId, string unitId) => $"{tenantId}/unit:{unitId}";
    public static string SectionGroup(string tenantId, string sectionId) => $"{tenantId}/section:{sectionId}";
    public static string SubmissionGroup(string tenantId, Guid id) => $"{tenantId}/submission:{id}";
    public static string Everything(string tenantId) => $"{tenantId}/all";

    public override async Task OnConnectedAsync()
    {
        var actor = Context.User?.ToActor();
        if (actor is null || Context.User.TenantOf() is not { } tenant)
        {
            Context.Abort();
            return;
        }
        foreach (var group in GroupsOf(tenant, actor)) await Groups.AddToGroupAsync(Context.ConnectionId, group);
        await base.OnConnectedAsync();
    }

    /// <summary>Joins one submission's group; false (and nothing joined) when the caller may not see it.</summary>
    public async Task<bool> WatchSubmission(Guid submissionId)
    {
        if (Context.User.TenantOf() is not { } tenant) return false;
        await using var session = store.QuerySession(tenant);
        var submission = await session.LoadAsync<Submission>(submissionId);
        if (submission is null || !SubmissionAccess.CanSee(Context.User?.ToActor(), submission)) return false;
        await Groups.AddToGroupAsync(Context.ConnectionId, SubmissionGroup(tenant, submissionId));
        return true;
    }

    /// <summary>Events read per <see cref="Missed"/> call: bounded, so that a client long gone pages through the backlog.</summary>
    public const int MissedPageSize = 500;

    /// <summary>
    /// What the caller missed while disconnected: among the next <see cref="MissedPageSize"/> events after
    /// <paramref name="afterSequence"/>, the notifications it may see, as they were at each event's sequence. Nothing is
    /// dropped: a full page says <c>More</c> and the client asks again after <c>Through</c>.
    /// </summary>
    public async Task<MissedPage> Missed(long afterSequence)
    {
        var actor = Context.User?.ToActor();
        if (actor is null || Context.User.TenantOf() is not { } tenant) return new MissedPage([], afterSequence, false);
        await using var session = store.QuerySession(tenant);
        // Every committed event is shown: the read models are written in the transaction that appends it.
        var read = await session.Events.QueryAllRawEvents().Where(e => e.Sequence > afterSequence).OrderBy(e => e.Sequence)
            .Take(MissedPageSize + 1).ToListAsync(Context.ConnectionAborted);
        var more = read.Count > MissedPageSize;
        var events = read.Take(MissedPageSize).ToList();
        var submissions = await NotificationSubject.LoadAsync(session, events.Select(e => e.StreamId), Context.ConnectionAborted);
        var groups = GroupsOf(tenant, actor).ToList();
        var result = new List<ReviewNotification>();
        foreach (var e in events)
        {
            if (!submissions.TryGetValue(e.StreamId, out var s)) continue;
            if (s.NotificationOf(e) is { } notification && ReviewAudience.Of(notification).Intersect(groups).Any()) result.Add(notification);
        }
        return new MissedPage(result, events.Count == 0 ? afterSequence : events[^1].Sequence, more);
    }

    public static IEnumerable<string> GroupsOf(string tenantId, Actor actor) => actor.Role switch
    {
        Role.Preparer when actor.UnitId is not null => [UnitGroup(tenantId, actor.UnitId)],
        Role.Reviewer => actor.ReviewSectionIds.Select(s => SectionGroup(tenantId, s)),
        Role.Auditor or Role.Admin => [Everything(tenantId)],
        _ => [],
    };
}
