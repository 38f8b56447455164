using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Approval.Workflow.SelfEvaluation;
using Approval.Workflow.Submissions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Approval.Bench;

/// <summary>`clients` SignalR clients in their section's group; commit (the submit's 200) → each client's receipt.</summary>
public static class Notifications
{
    public static async Task<(Summary Latency, int Connected)> MeasureAsync(HttpClient http, string url, BenchOrganization org, int unit,
        ProjectSelfEvaluationForm form, int clients, int samples)
    {
        var prep = BenchOrganization.Preparer(unit);
        var token = org.Tokens[org.Reviewer(unit)];
        var received = new ConcurrentDictionary<Guid, ConcurrentBag<long>>();
        var connections = new List<HubConnection>();
        foreach (var batch in Enumerable.Range(0, clients).Chunk(50))
        {
            var started = await Task.WhenAll(batch.Select(async _ =>
            {
                var connection = new HubConnectionBuilder()
                    .WithUrl($"{url}/hubs/review", o =>
                    {
                        o.Transports = HttpTransportType.WebSockets;
                        o.SkipNegotiation = true;
                        o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                    })
                    .Build();
                connection.On<ReviewNotification>("Notify", n =>
                {
                    if (n.Type == "submitted") received.GetOrAdd(n.SubmissionId, _ => []).Add(Stopwatch.GetTimestamp());
                });
                await connection.StartAsync();
                return connection;
            }));
            connections.AddRange(started);
        }

        Task<JsonElement> Send(HttpMethod method, string path, object body) => BenchApi.SendAsync(http, url, org.Tokens[prep], method, path, body);

        var latencies = new ConcurrentBag<double>();
        for (var i = 0; i < samples; i++)
        {
            var created = await Send(HttpMethod.Post, "/api/submissions", new { fiscalYear = 2021, kind = SubmissionKind.ProjectSelfEvaluation, title = "通知测量", content = new SubmissionContent { ProjectForm = form } });
            var id = created.GetProperty("submissionId").GetGuid();
            await Send(HttpMethod.Post, $"/api/submissions/{id}/score", new { version = 1 });
            await Send(HttpMethod.Post, $"/api/submissions/{id}/submit", new { version = 2 });
            var committed = Stopwatch.GetTimestamp();
            var deadline = Stopwatch.StartNew();
            while ((received.TryGetValue(id, out var bag) ? bag.Count : 0) < connections.Count && deadline.Elapsed.TotalSeconds < 10) await Task.Delay(5);
            foreach (var at in received.GetValueOrDefault(id) ?? []) latencies.Add(Math.Max(0, Stopwatch.GetElapsedTime(committed, at).TotalMilliseconds));
            await Task.Delay(Random.Shared.Next(50, 200));
        }
        var connected = connections.Count;
        await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
        return (Summary.Of(latencies), connected);
    }
}
