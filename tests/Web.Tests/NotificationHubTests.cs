using System.Collections.Concurrent;
using Approval.Web.Notifications;
using Approval.Web.Tests.Infrastructure;
using Approval.Workflow.Submissions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Approval.Web.Tests;

/// <summary>The hub at the protocol level: a .NET client per person, exactly the expected messages, nothing for other units.</summary>
[Collection(ApiLane.Name)]
public class NotificationHubTests(WorkflowFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.BeginClassAsync(GetType());
    public Task DisposeAsync() => Task.CompletedTask;

    private sealed class Listener(string user) : IAsyncDisposable
    {
        public readonly ConcurrentQueue<ReviewNotification> Received = new();
        public HubConnection Connection { get; private set; } = null!;

        public async Task Start(WorkflowFixture app)
        {
            Connection = await app.HubFor(user);
            Connection.On<ReviewNotification>("Notify", n => Received.Enqueue(n));
            await Connection.StartAsync();
        }

        public async Task WaitFor(int count)
        {
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (Received.Count < count && DateTime.UtcNow < deadline) await Task.Delay(50);
        }

        public ValueTask DisposeAsync() => Connection.DisposeAsync();
    }

    [Fact]
    public async Task Each_person_hears_exactly_what_concerns_them()
    {
        await using var preparer = new Listener("prep");
        await using var reviewer = new Listener("rev");
        await using var otherUnit = new Listener("prep-other");
        await using var otherSection = new Listener("rev-other");
        foreach (var l in new[] { preparer, reviewer, otherUnit, otherSection }) await l.Start(app);

        var id = await app.Reports.Draft(title: "通知测试");
        Task Do(string user, string action, object? extra = null) => app.Reports.Step(user, id, action, extra);
        await Do("prep", "score");
        await Do("prep", "submit");
        await Do("rev", "claim");
        await Do("rev", "return", new { reason = "请修改" });
        // The preparer renames the draft: what the section already heard keeps the title it had then.
        await app.Command("prep", $"/api/submissions/{id}/content", new { version = await app.StreamVersion(id), title = "通知测试（第二稿）", content = Samples.Ganfutong() }, method: HttpMethod.Put);
        await Do("prep", "score");
        await Do("prep", "submit");
        await Do("rev", "claim");
        await Do("rev", "approve", new { grade = "良", opinion = "同意", signature = "张经办", stamp = "章" });
        await Do("rev", "publish", new { indexNumber = "N-1", publisher = "单位", confidentialityReviewed = true, principalSigned = true });

        string[] all = ["drafted", "scored", "submitted", "claimed", "returned", "revised", "scored", "submitted", "claimed", "approved", "published"];
        string[] reviewStage = ["submitted", "claimed", "returned", "submitted", "claimed", "approved", "published"];
        await preparer.WaitFor(all.Length);
        await reviewer.WaitFor(reviewStage.Length);
        await Task.Delay(300); // a quiet moment for anything that should not arrive

        Assert.Equal(all, preparer.Received.Select(n => n.Type));
        Assert.Equal(reviewStage, reviewer.Received.Select(n => n.Type));
        Assert.Equal(preparer.Received.Count, preparer.Received.Select(n => n.Sequence).Distinct().Count());
        Assert.Empty(otherUnit.Received);
        Assert.Empty(otherSection.Received);

        var approved = preparer.Received.Single(n => n.Type == "approved");
        Assert.Equal(("良", "「通知测试（第二稿）」审核通过：良"), (approved.Grade, approved.Summary));
        string[] titles = ["通知测试", "通知测试", "通知测试", "通知测试（第二稿）", "通知测试（第二稿）", "通知测试（第二稿）", "通知测试（第二稿）"];
        Assert.Equal(titles, reviewer.Received.Select(n => n.Title));
        Assert.DoesNotContain(preparer.Received, n => n.Summary.Contains("企业满意度")); // ids and a summary, never the content

        // After a dropped connection a client asks for what it missed, and gets only what it may see.
        var missed = await reviewer.Connection.InvokeAsync<MissedPage>("Missed", 0L);
        Assert.False(missed.More);
        Assert.Equal(preparer.Received.Max(n => n.Sequence), missed.Through);
        Assert.Equal(reviewStage, missed.Notifications.Where(n => n.SubmissionId == id).Select(n => n.Type));
        Assert.Equal(titles, missed.Notifications.Where(n => n.SubmissionId == id).Select(n => n.Title));
        Assert.Empty((await otherSection.Connection.InvokeAsync<MissedPage>("Missed", 0L)).Notifications);
        var afterAll = await reviewer.Connection.InvokeAsync<MissedPage>("Missed", missed.Through);
        Assert.Equal((0, missed.Through, false), (afterAll.Notifications.Count, afterAll.Through, afterAll.More));
        Assert.False(await otherUnit.Connection.InvokeAsync<bool>("WatchSubmission", id));
    }

    [Fact]
    public async Task Anonymous_clients_cannot_connect()
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Host.Server.BaseAddress, "/hubs/review"), o =>
            {
                o.HttpMessageHandlerFactory = _ => app.Host.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
            })
            .Build();
        await Assert.ThrowsAnyAsync<Exception>(() => connection.StartAsync());
    }

    [Fact]
    public async Task A_notification_means_the_queue_already_shows_the_event()
    {
        await using var reviewer = new Listener("rev");
        await reviewer.Start(app);
        for (var round = 0; round < 8; round++)
        {
            var created = await app.Command("prep", "/api/submissions", new { fiscalYear = 2021, kind = SubmissionKind.ProjectSelfEvaluation, title = $"可读 {round}", content = Samples.Ganfutong() }, 201);
            var id = created.GetProperty("submissionId").GetGuid();
            await app.Command("prep", $"/api/submissions/{id}/score", new { version = 1 });
            var shown = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            // Read the queue from inside the notification callback itself: no polling, no delay.
            reviewer.Connection.On<ReviewNotification>("Notify", async n =>
            {
                if (n.SubmissionId != id || n.Type != "submitted") return;
                var queue = await app.Get<System.Text.Json.JsonElement>("rev", "/api/review-queue?pageSize=200");
                shown.TrySetResult(queue.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("id").GetGuid() == id && i.GetProperty("version").GetInt64() >= n.Version));
            });
            await app.Command("prep", $"/api/submissions/{id}/submit", new { version = 2 });
            Assert.True(await shown.Task.WaitAsync(TimeSpan.FromSeconds(20)), $"round {round}: notified before the queue showed the submission");
        }
    }
}
