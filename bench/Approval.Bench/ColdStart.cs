using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Approval.Workflow.SelfEvaluation;
using Approval.Workflow.Submissions;

namespace Approval.Bench;

/// <summary>
/// A fresh app process on a database that already has its schema and people (as after a restart or a deployment):
/// time to its "已启动" line, then from that line to the first successful sign-in and command (a 起草), with a new
/// HTTP connection as a user's browser would open. Target: ≤ 2 s from "已启动" to the command's answer.
/// </summary>
public static class ColdStart
{
    public sealed record Sample(double StartedSeconds, double LoginMs, double FirstCommandMs)
    {
        public double UntilCommandMs => LoginMs + FirstCommandMs;
    }

    public static async Task<List<Sample>> MeasureAsync(string dll, string appConnection, string ownerConnection, ProjectSelfEvaluationForm form, int runs)
    {
        var samples = new List<Sample>();
        for (var run = 0; run < runs; run++)
        {
            await using var app = await AppProcess.StartAsync(dll, appConnection, ownerConnection);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
            var login = await http.PostAsJsonAsync($"{app.Url}/api/auth/login", new { userName = BenchOrganization.Preparer(0), password = BenchOrganization.Password });
            login.EnsureSuccessStatusCode();
            var loginMs = app.SinceStarted.Elapsed.TotalMilliseconds;
            var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
            var draft = new HttpRequestMessage(HttpMethod.Post, $"{app.Url}/api/submissions")
            {
                Content = JsonContent.Create(new { fiscalYear = 2021, kind = SubmissionKind.ProjectSelfEvaluation, title = "冷启动测量", content = new { projectForm = form } }, options: ProductLoad.Json),
            };
            draft.Headers.Authorization = new("Bearer", token);
            var watch = Stopwatch.StartNew();
            (await http.SendAsync(draft)).EnsureSuccessStatusCode();
            samples.Add(new Sample(app.StartedAfter.TotalSeconds, loginMs, watch.Elapsed.TotalMilliseconds));
        }
        return samples;
    }
}
