using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using Microsoft.AspNetCore.SignalR;

namespace Approval.Web.Notifications;

/// <summary>
/// A Marten subscription: the daemon hands it committed events in order and records its progress, so every
/// committed event is notified once per node (a crash may repeat a page; clients ignore sequences they have).
/// </summary>
public sealed class NotificationSubscription(IHubContext<ReviewHub, IReviewClient> hub, ILogger<NotificationSubscription> logger) : SubscriptionBase
{
    public override async Task<IChangeListener> ProcessEventsAsync(EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken ct)
    {
        var submissions = await NotificationSubject.LoadAsync(operations, page.Events.Select(e => e.StreamId), ct);
        foreach (var e in page.Events)
        {
            if (!submissions.TryGetValue(e.StreamId, out var submission)) continue;
            var notification = NotificationFactory.From(e, submission);
            if (notification is null) continue;
            try
            {
                await hub.Clients.Groups(NotificationFactory.Audience(notification, e.Data).ToList()).Notify(notification);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A notification that cannot be sent must not stop the daemon; clients catch up with Missed().
                logger.LogWarning(ex, "Could not send notification for event {Sequence}", e.Sequence);
            }
        }
        return NullChangeListener.Instance;
    }
}
