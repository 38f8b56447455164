using System.Text.Json;
using Approval.Workflow.Submissions;

namespace Approval.Web.Tests.Infrastructure;

/// <summary>How a scenario reaches the API as one of the test organization's people.</summary>
public interface IScenarioApi
{
    /// <summary>A JSON request as <paramref name="user"/> that must answer <paramref name="status"/>; its body.</summary>
    Task<JsonElement> Send(string user, string url, object body, int status = 200, HttpMethod? method = null);

    /// <summary>The report's stream version now, read from the store (<see cref="ReportScenario.VersionAsync"/>).</summary>
    Task<long> StreamVersion(Guid id);
}

/// <summary>
/// The tests' one scenario builder: reports taken through the workflow by its API, each step at the stream's current
/// version, as the in-process app (<see cref="WorkflowFixture.Reports"/>) or the real process behind the browser
/// (<see cref="BrowserTest.Reports"/>). A test states only what its scene differs in: who, which content, which year.
/// </summary>
public sealed class ReportScenario(IScenarioApi api)
{
    /// <summary>What an approval sends unless told otherwise: 良, the band the sample 赣服通 form scores in.</summary>
    public static readonly object DefaultApproval = new { grade = "良", opinion = "同意", stamp = "章" };

    public static readonly object DefaultPublication = new { indexNumber = "TEST-2021-001", publisher = "测试单位", confidentialityReviewed = true, principalSigned = true };

    /// <summary>A stream's version in whichever 财政局 holds it (0 for none): the scene's people are of both bureaus.</summary>
    public static async Task<long> VersionAsync(string connectionString, Guid id)
    {
        await using var conn = new Npgsql.NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand("select coalesce(max(version), 0) from approval.mt_streams where id = $1", conn) { Parameters = { new() { Value = id } } };
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>A new draft (起草) of <paramref name="content"/> (the sample 赣服通 form) as of <paramref name="year"/>; its id.</summary>
    public async Task<Guid> Draft(string user = "prep", string title = "测试报告", SubmissionContent? content = null,
        SubmissionKind kind = SubmissionKind.ProjectSelfEvaluation, int year = 2021)
    {
        var body = new { fiscalYear = year, kind, title, content = Samples.InYear(content ?? Samples.Ganfutong(), year) };
        return (await api.Send(user, "/api/submissions", body, 201)).GetProperty("submissionId").GetGuid();
    }

    /// <summary>
    /// One step (<c>score</c>, <c>submit</c>, <c>claim</c>, <c>approve</c> …) at the stream's current version with the step's
    /// own <paramref name="fields"/>; the version it leads to (or, refused as <paramref name="status"/> says, the version it was tried at).
    /// </summary>
    public async Task<long> Step(string user, Guid id, string action, object? fields = null, int status = 200, HttpMethod? method = null)
    {
        var version = await api.StreamVersion(id);
        var body = new Dictionary<string, object?> { ["version"] = version };
        foreach (var p in fields?.GetType().GetProperties() ?? []) body[p.Name] = p.GetValue(fields);
        var answer = await api.Send(user, $"/api/submissions/{id}/{action}", body, status, method);
        return status == 200 ? answer.GetProperty("version").GetInt64() : version;
    }

    /// <summary>Drafted and 评分 by <paramref name="user"/>.</summary>
    public async Task<Guid> Scored(string user = "prep", string title = "测试报告", SubmissionContent? content = null,
        SubmissionKind kind = SubmissionKind.ProjectSelfEvaluation, int year = 2021)
    {
        var id = await Draft(user, title, content, kind, year);
        await Step(user, id, "score");
        return id;
    }

    /// <summary>Drafted, 评分 and 提交审核 by <paramref name="user"/>: waiting in the section's queue.</summary>
    public async Task<Guid> Submitted(string user = "prep", string title = "测试报告", SubmissionContent? content = null,
        SubmissionKind kind = SubmissionKind.ProjectSelfEvaluation, int year = 2021)
    {
        var id = await Scored(user, title, content, kind, year);
        await Step(user, id, "submit");
        return id;
    }

    /// <summary>Submitted, then 领取 and 审核通过 by <paramref name="reviewer"/> with <paramref name="approval"/> (<see cref="DefaultApproval"/>).</summary>
    public async Task<Guid> Approved(string user = "prep", string reviewer = "rev", string title = "测试报告", SubmissionContent? content = null,
        SubmissionKind kind = SubmissionKind.ProjectSelfEvaluation, int year = 2021, object? approval = null)
    {
        var id = await Submitted(user, title, content, kind, year);
        await Step(reviewer, id, "claim");
        await Step(reviewer, id, "approve", approval ?? DefaultApproval);
        return id;
    }

    /// <summary>Approved, then 公开 by <paramref name="reviewer"/> with <paramref name="publication"/> (<see cref="DefaultPublication"/>).</summary>
    public async Task<Guid> Published(string user = "prep", string reviewer = "rev", string title = "测试报告", SubmissionContent? content = null,
        SubmissionKind kind = SubmissionKind.ProjectSelfEvaluation, int year = 2021, object? approval = null, object? publication = null)
    {
        var id = await Approved(user, reviewer, title, content, kind, year, approval);
        await Step(reviewer, id, "publish", publication ?? DefaultPublication);
        return id;
    }
}
