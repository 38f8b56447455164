using System.Diagnostics;
using System.Text.Json;
using Approval.Workflow.SelfEvaluation;
using Approval.Workflow.Submissions;
using Npgsql;

namespace Approval.Bench;

/// <summary>Commit (the command's 200) → the async review-queue and 汇总审核表 documents show the change.</summary>
public static class Lag
{
    public static async Task<(Summary Queue, Summary Summary)> MeasureAsync(HttpClient http, string url, BenchOrganization org, int unit,
        ProjectSelfEvaluationForm form, string ownerConnection, int samples)
    {
        var prep = BenchOrganization.Preparer(unit);
        Task<JsonElement> Send(HttpMethod method, string path, object body) => BenchApi.SendAsync(http, url, org.Tokens[prep], method, path, body);
        SubmissionContent Content(decimal executed) => new() { ProjectForm = form with { Funds = form.Funds with { Total = form.Funds.Total with { Executed = executed } } } };

        var created = await Send(HttpMethod.Post, "/api/submissions", new { fiscalYear = 2021, kind = SubmissionKind.ProjectSelfEvaluation, title = "延迟测量", content = Content(1m) });
        var id = created.GetProperty("submissionId").GetGuid();
        var version = 1L;
        var queueLag = new List<double>();
        var summaryLag = new List<double>();
        await using var conn = new NpgsqlConnection(ownerConnection);
        await conn.OpenAsync();
        await Task.Delay(500);
        for (var i = 0; i < samples; i++)
        {
            var executed = 1000m + i;
            var result = await Send(HttpMethod.Put, $"/api/submissions/{id}/content", new { version, content = Content(executed) });
            var committed = Stopwatch.GetTimestamp();
            version = result.GetProperty("version").GetInt64();
            double? queue = null, summary = null;
            while (queue is null || summary is null)
            {
                if (Stopwatch.GetElapsedTime(committed).TotalSeconds > 10) throw new TimeoutException("projection did not catch up in 10 s");
                if (queue is null)
                {
                    await using var q = new NpgsqlCommand("select (data->>'Version')::bigint from approval.mt_doc_reviewqueueitem where id = @id", conn);
                    q.Parameters.AddWithValue("id", id);
                    if (await q.ExecuteScalarAsync() is long v && v >= version) queue = Stopwatch.GetElapsedTime(committed).TotalMilliseconds;
                }
                if (summary is null)
                {
                    await using var s = new NpgsqlCommand("select (data->>'Executed')::numeric from approval.mt_doc_unitsummaryentry where id = @id", conn);
                    s.Parameters.AddWithValue("id", id);
                    if (await s.ExecuteScalarAsync() is decimal e && e == executed) summary = Stopwatch.GetElapsedTime(committed).TotalMilliseconds;
                }
                if (queue is null || summary is null) await Task.Delay(2);
            }
            queueLag.Add(queue.Value);
            summaryLag.Add(summary.Value);
            await Task.Delay(Random.Shared.Next(20, 120)); // commits at random moments of the daemon's polling cycle
        }
        return (Summary.Of(queueLag), Summary.Of(summaryLag));
    }
}
