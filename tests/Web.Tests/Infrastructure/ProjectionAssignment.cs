using System.Text.Json;

namespace Approval.Web.Tests.Infrastructure;

/// <summary>
/// Until Wolverine has assigned the async projections to the app's node (about a second). Events stored before then are
/// caught up from sequence 0 by a replay that raises no notifications (docs/architecture.md, Nodes, "Known gap"): a test
/// that listens for its first events — a hub client, a live page — must not race the assignment.
/// </summary>
public static class ProjectionAssignment
{
    public static async Task WaitAsync(HttpClient app)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            // A check that overran its second on a busy machine makes /health 503 for that moment: read the body all the same.
            using var response = await app.GetAsync("/health");
            using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            if (response.IsSuccessStatusCode && health.RootElement.GetProperty("node").GetProperty("runsProjections").GetBoolean()) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"the async projections did not start within 30 s: {(int)response.StatusCode} {health.RootElement}");
            await Task.Delay(100);
        }
    }
}
