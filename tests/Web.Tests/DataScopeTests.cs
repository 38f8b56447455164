using System.Text.Json;
using System.Text.Json.Nodes;
using Approval.Web.Notifications;
using Approval.Web.Tests.Infrastructure;
using Approval.Workflow.Submissions;
using Microsoft.AspNetCore.SignalR.Client;

namespace Approval.Web.Tests;

/// <summary>
/// The authorization matrix at the level of data: drafts and reports of other units and sections, each with a title,
/// id and figure found nowhere else, are sought in the answer of every read endpoint of the OpenAPI document, every
/// page and every hub method, as every kind of caller. What a caller may not see appears in none of them.
/// </summary>
[Collection(ApiLane.Name)]
public class DataScopeTests(WorkflowFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.BeginClassAsync(GetType());
    public Task DisposeAsync() => Task.CompletedTask;

    private sealed record Secret(string Name, Guid Id, string Title, string Figure, string[] SeenBy);

    private static readonly string?[] Callers = [null, "prep", "prep-other", "rev", "rev-other", "audit", "admin"];

    private async Task<Secret> Seed(string name, string user, decimal executed, bool submit, string[] seenBy, bool summary = false)
    {
        var form = Samples.GanfutongForm();
        var title = $"{name}-{Guid.NewGuid():N}"[..24];
        var content = summary
            ? new SubmissionContent { Summary = new SummaryDeclaration(executed, 2) }
            : new SubmissionContent { ProjectForm = form with { Funds = form.Funds with { Total = form.Funds.Total with { Executed = executed } } } };
        var kind = summary ? SubmissionKind.SummaryReview : SubmissionKind.ProjectSelfEvaluation;
        var created = await app.Command(user, "/api/submissions", new { fiscalYear = 2021, kind, title, content }, 201);
        var id = created.GetProperty("submissionId").GetGuid();
        await app.Command(user, $"/api/submissions/{id}/score", new { version = 1 });
        if (submit) await app.Command(user, $"/api/submissions/{id}/submit", new { version = 2 });
        return new Secret(name, id, title, executed.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), seenBy);
    }

    [Fact]
    public async Task Nothing_a_caller_may_not_see_appears_in_any_answer_page_or_hub_message()
    {
        Secret[] secrets =
        [
            await Seed("本单位草稿", "prep", 311.17m, submit: false, ["prep", "audit", "admin"]),
            await Seed("他单位草稿", "prep-other", 312.29m, submit: false, ["prep-other", "audit", "admin"]),
            await Seed("他股室报告", "prep-other", 313.41m, submit: true, ["prep-other", "rev-other", "audit", "admin"]),
            // The unit's submitted 汇总审核表: its section reads the table, which must not carry the unit's draft above.
            await Seed("本单位汇总", "prep", 4321.09m, submit: true, ["prep", "rev", "audit", "admin"], summary: true),
        ];
        using var http = app.Host.Server.CreateClient();
        var document = JsonNode.Parse(await http.GetStringAsync("/openapi/v1.json"))!;
        var reads = document["paths"]!.AsObject().Where(p => p.Key.StartsWith("/api", StringComparison.Ordinal) && p.Value!["get"] is not null).Select(p => p.Key).ToList();
        var pages = new[] { "/", "/submissions", "/review", "/audit", "/dashboard", "/public", "/units/U-BD/summary/2021", "/units/U-OT/summary/2021" }
            .Concat(secrets.SelectMany(s => new[] { $"/submissions/{s.Id}", $"/audit/{s.Id}", $"/public/{s.Id}" })).ToList();

        var leaks = new List<string>();
        foreach (var user in Callers)
        {
            var hidden = secrets.Where(s => user is null || !s.SeenBy.Contains(user)).ToList();
            var visible = secrets.Except(hidden).ToList();
            void Look(string where, string text)
            {
                foreach (var s in hidden)
                    foreach (var mark in new[] { s.Id.ToString(), s.Title, s.Figure })
                        if (text.Contains(mark, StringComparison.OrdinalIgnoreCase)) leaks.Add($"{user ?? "anonymous"} sees {s.Name} ({mark}) in {where}");
            }

            var urls = reads.SelectMany(path => secrets.Select(s => path.Replace("{id}", s.Id.ToString())).Distinct()
                    .SelectMany(p => new[] { p.Replace("{unitId}", "U-BD"), p.Replace("{unitId}", "U-OT") }).Distinct()
                    .Select(p => p.Replace("{year}", "2021")))
                .SelectMany(u => new[] { u, u + (u.Contains('?') ? "&" : "?") + "year=2021&pageSize=200", u + "?version=3", u + "?from=1&to=3" })
                .Distinct();
            foreach (var url in urls.Concat(pages))
            {
                var response = await app.Send(user, HttpMethod.Get, url);
                // A refusal may echo the address the caller sent (a problem's "instance"): that is their own input.
                var text = (await response.Content.ReadAsStringAsync()).Replace(url.Split('?')[0], "«requested path»");
                Look($"GET {url} ({(int)response.StatusCode})", text);
            }

            if (user is null) continue;
            await using var hub = await app.HubFor(user);
            await hub.StartAsync();
            var missed = await hub.InvokeAsync<MissedPage>("Missed", 0L);
            Look("hub Missed(0)", JsonSerializer.Serialize(missed));
            foreach (var s in hidden)
                if (await hub.InvokeAsync<bool>("WatchSubmission", s.Id)) leaks.Add($"{user} may watch {s.Name}");
            foreach (var s in visible)
                Assert.True(await hub.InvokeAsync<bool>("WatchSubmission", s.Id), $"{user} cannot watch {s.Name}, which they may see");
        }
        Assert.True(leaks.Count == 0, string.Join('\n', leaks.Distinct().Take(30)));
    }
}
