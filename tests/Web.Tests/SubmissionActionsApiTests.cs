using System.Text.Json;
using Approval.Web.Tests.Infrastructure;
using Approval.Workflow.Submissions;

namespace Approval.Web.Tests;

/// <summary>
/// <c>GET /api/submissions/{id}</c> lists in <c>actions</c> the steps the caller may take now; for every state of a report's
/// life and every caller, each listed step then succeeds (tried on a fresh report in that state) and each unlisted one is
/// refused (403, 404 or 409), never by a malformed request.
/// </summary>
[Collection(ApiLane.Name)]
public class SubmissionActionsApiTests(WorkflowFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.BeginClassAsync(GetType());
    public Task DisposeAsync() => Task.CompletedTask;

    private static readonly string[] Users = ["prep", "prep-other", "rev", "rev-other", "audit", "admin"];

    private static readonly Dictionary<string, string[]> Life = new()
    {
        ["draft"] = [],
        ["scored"] = ["score"],
        ["submitted"] = ["score", "submit"],
        ["claimed"] = ["score", "submit", "claim"],
        ["returned"] = ["score", "submit", "claim", "return"],
        ["approved"] = ["score", "submit", "claim", "approve"],
        ["published"] = ["score", "submit", "claim", "approve", "publish"],
    };

    [Fact]
    public async Task Each_listed_step_succeeds_and_each_other_is_refused_in_every_state()
    {
        var every = Enum.GetValues<SubmissionAction>().Select(a => a.ApiName()).ToArray();
        var offered = new Dictionary<(string State, string User), string[]>();
        foreach (var state in Life.Keys)
        {
            var shared = await Reach(state);
            foreach (var user in Users)
            {
                var listed = await ActionsOf(user, shared);
                offered[(state, user)] = listed;
                foreach (var action in every)
                {
                    if (listed.Contains(action))
                    {
                        var status = await Try(user, action, await Reach(state));
                        Assert.True(status is >= 200 and < 300, $"{state}: {user} is offered {action} but got {status}");
                    }
                    else
                    {
                        var status = await Try(user, action, shared);
                        Assert.True(status is 403 or 404 or 409, $"{state}: {user} is not offered {action} but got {status}");
                    }
                }
            }
        }

        // The table is what the rules say, not merely consistent: spot-check the well-known cells.
        Assert.Equal(["edit", "score", "discard"], offered[("draft", "prep")]);
        Assert.Equal(["edit", "score", "submit", "discard"], offered[("scored", "prep")]);
        Assert.Equal(["withdraw"], offered[("submitted", "prep")]);
        Assert.Equal(["claim", "comment"], offered[("submitted", "rev")]);
        Assert.Equal(["release", "comment", "return", "approve"], offered[("claimed", "rev")]);
        Assert.Equal(["publish"], offered[("approved", "admin")]);
        Assert.Equal(["correct"], offered[("published", "rev")]);
        Assert.All(Life.Keys, state => Assert.Empty(offered[(state, "audit")]));
        Assert.All(Life.Keys, state => Assert.Empty(offered[(state, "prep-other")]));
        Assert.All(Life.Keys, state => Assert.Empty(offered[(state, "rev-other")]));
    }

    [Fact]
    public async Task The_answer_keeps_the_report_and_adds_the_steps()
    {
        var id = await Reach("submitted");
        var response = await app.Send("rev", HttpMethod.Get, $"/api/submissions/{id}");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(id, body.GetProperty("id").GetGuid());
        Assert.Equal(3, body.GetProperty("version").GetInt64());
        Assert.Equal("S-1", body.GetProperty("sectionId").GetString());
        Assert.True(body.TryGetProperty("content", out _));
        Assert.Equal(["claim", "comment"], body.GetProperty("actions").EnumerateArray().Select(a => a.GetString()!));
    }

    private async Task<string[]> ActionsOf(string user, Guid id)
    {
        var response = await app.Send(user, HttpMethod.Get, $"/api/submissions/{id}");
        if ((int)response.StatusCode == 404) return [];
        Assert.True(response.IsSuccessStatusCode, $"GET as {user}: {(int)response.StatusCode}");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return [.. body.GetProperty("actions").EnumerateArray().Select(a => a.GetString()!)];
    }

    /// <summary>A new report of the unit, taken through the steps to <paramref name="state"/> by whom each step belongs to.</summary>
    private async Task<Guid> Reach(string state)
    {
        var id = await app.Reports.Draft(title: "操作清单");
        foreach (var step in Life[state])
        {
            var status = await Try(step is "score" or "submit" ? "prep" : "rev", step, id);
            Assert.True(status is >= 200 and < 300, $"reaching {state}: {step} got {status}");
        }
        return id;
    }

    /// <summary>Sends the step with a well-formed request at the report's current version; answers the status.</summary>
    private async Task<int> Try(string user, string action, Guid id)
    {
        var s = await app.Load(id);
        var version = s.Version;
        var form = Samples.GanfutongForm();
        var corrected = form with { Funds = form.Funds with { Total = form.Funds.Total with { Executed = 330m } } };
        var (method, path, body) = action switch
        {
            "edit" => (HttpMethod.Put, "content", (object)new { version, title = "操作清单（修订）", content = Samples.Ganfutong() }),
            "discard" => (HttpMethod.Post, "discard", new { version, reason = "重复起草" }),
            "comment" => (HttpMethod.Post, "comments", new { version, text = "请核对" }),
            "return" => (HttpMethod.Post, "return", new { version, reason = "请补充佐证" }),
            "approve" => (HttpMethod.Post, "approve", new { version, grade = (s.Score?.SuggestedGrade ?? Workflow.Templates.Grade.良).ToString(), opinion = "同意", stamp = "业务专用章" }),
            "publish" => (HttpMethod.Post, "publish", new { version, indexNumber = "IDX-1", publisher = "上饶市大数据发展管理局", confidentialityReviewed = true, principalSigned = true }),
            "correct" => (HttpMethod.Post, "corrections", new { version, content = new { projectForm = corrected }, reason = "更正执行数", confidentialityReviewed = true, principalSigned = true }),
            _ => (HttpMethod.Post, action, new { version }),
        };
        var response = await app.Send(user, method, $"/api/submissions/{id}/{path}", body);
        return (int)response.StatusCode;
    }
}
