using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Approval.Web.Tests.Infrastructure;
using Approval.Workflow.Submissions;
using Approval.Workflow.Templates;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Web.Tests;

/// <summary>
/// Every endpoint of the route table × every kind of caller → the expected outcome. The endpoint list comes
/// from the running app, so a new endpoint without a rule here fails this test.
/// </summary>
[Collection(ApiLane.Name)]
public class AuthorizationMatrixTests(WorkflowFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.BeginClassAsync(GetType());
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>U: not signed in (401 or a redirect to /login); F: forbidden (403, or a page sending them home); H: hidden (404); A: allowed through to the rules.</summary>
    private static readonly (string Name, string? User)[] Callers =
        [("anonymous", null), ("own preparer", "prep"), ("other unit's preparer", "prep-other"), ("section's reviewer", "rev"),
         ("other section's reviewer", "rev-other"), ("auditor", "audit"), ("admin", "admin")];

    private static readonly Dictionary<string, string> Rules = new()
    {
        ["GET /api/auth/me"] = "UAAAAAA",
        ["POST /api/auth/login"] = "UUUUUUU", // the probe's credentials are wrong: 401 whoever asks
        ["POST /api/auth/refresh"] = "UUUUUUU", // so is its refresh token
        ["POST /api/auth/password"] = "UAAAAAA", // signed in: through to the rules (the probe's current password is wrong: 400)
        ["PUT /api/admin/accounts/{id}"] = "UFFFFFA",
        ["GET /api/public/reports"] = "AAAAAAA",
        ["GET /api/public/reports/{id}"] = "AAAAAAA",
        ["GET /api/public/reports/{id}/csv"] = "AAAAAAA",
        ["GET /api/public/reports/{id}/xlsx"] = "AAAAAAA",
        ["GET /api/review-queue"] = "UFFAAAA",
        ["GET /api/statistics"] = "UFFAAAA",
        ["GET /api/statistics/credibility"] = "UFFAAAA",
        ["POST /api/delegations"] = "UFFAAFF", // reviewers through to the rules (the probe's body is incomplete: 400)
        ["POST /api/delegations/{id}/revoke"] = "UHHHHHH", // no 委托 has a submission's id
        ["GET /api/delegations"] = "UFFAAAA",
        ["GET /api/delegations/colleagues"] = "UFFAAFF",
        ["GET review/delegations"] = "UFFAAAA",
        ["GET /api/work-counts"] = "UAAAAAA",
        ["GET /api/submissions"] = "UAAAAAA",
        ["GET /api/submissions/{id}"] = "UAHAHAA",
        ["GET /api/submissions/{id}/as-of"] = "UAHAHAA",
        ["GET /api/submissions/{id}/diff"] = "UAHAHAA",
        ["GET /api/submissions/{id}/history"] = "UAHAHAA",
        ["GET /api/submissions/{id}/history.csv"] = "UAHAHAA",
        ["GET /api/province/submissions"] = "UFFFFFF", // 省级审计 only (ProvinceAuditTests)
        ["GET /api/province/bureaus/{bureau}/submissions/{id}/history"] = "UFFFFFF",
        ["GET /api/audit/province-reads"] = "UFFFFAA",
        ["GET /api/submissions/{id}/score"] = "UAHAHAA",
        ["GET /api/submissions/{id}/credibility"] = "UAHAHAA",
        ["GET /api/submissions/{id}/verify"] = "UAHAHAA",
        ["GET /api/submissions/{id}/xlsx"] = "UAHAHAA",
        ["GET /api/spot-checks"] = "UFFAAAA", // 抽查复核 (SpotCheckTests): the bureau's reviewers, auditors and admins
        ["GET /api/spot-checks/{id}"] = "UHHHHHH", // a report's id is no draw's
        ["POST /api/spot-checks"] = "UFFAAFF", // drawn by reviewers only (the probe's body lacks the year: 400)
        ["POST /api/spot-checks/{id}/forms/{submissionId}/rescore"] = "UHHHHHH",
        ["POST /api/spot-checks/{id}/forms/{submissionId}/release"] = "UHHHHHH",
        ["GET /api/submissions/{id}/spot-check"] = "UHHHHHH", // not drawn: the same 404 for all
        ["GET /api/spot-check-results/{year}"] = "UFFAAAA",
        ["GET spot-checks"] = "UFFAAAA",
        ["GET spot-checks/{id:guid}"] = "UFFHHHH",
        ["GET spot-checks/results"] = "UFFAAAA",
        ["GET /api/templates"] = "UAAAAAA",
        ["GET /api/templates/self-evaluation.xlsx"] = "UAAAAAA",
        ["GET /api/units/{unitId}/summary/{year}"] = "UAHHHAA",
        ["GET /api/units/{unitId}/reconciliation/{year}"] = "UAHHHAA", // as the 汇总审核表
        ["GET units/{unitId}/summary/{year}"] = "UAHHHAA",
        ["GET /api/units/{unitId}/summary/{year}/xlsx"] = "UAHHHAA",
        ["GET /openapi/{documentName}.json"] = "AAAAAAA",
        ["POST /api/admin/accounts"] = "UFFFFFA",
        ["POST /api/admin/sections"] = "UFFFFFA",
        ["POST /api/admin/templates"] = "UFFFFFA",
        ["PUT /api/admin/templates/{key}"] = "UFFFFFA", // a built-in version: 409 for the admin, through the rules
        ["POST /api/admin/units"] = "UFFFFFA",
        ["PUT /api/admin/sections/{id}"] = "UFFFFFA",
        ["PUT /api/admin/units/{id}"] = "UFFFFFA",
        ["POST /api/submissions"] = "UAAFFFF",
        ["POST /api/submissions/import"] = "UAAFFFF",
        ["PUT /api/submissions/{id}/content"] = "UAHFHFF",
        ["POST /api/submissions/{id}/score"] = "UAHFHFF",
        ["POST /api/submissions/{id}/check-content"] = "UAHFHFF",
        ["POST /api/submissions/{id}/submit"] = "UAHFHFF",
        ["POST /api/submissions/{id}/withdraw"] = "UAHFHFF",
        ["POST /api/submissions/{id}/discard"] = "UAHFHFF",
        ["POST /api/submissions/{id}/claim"] = "UFHAHFF",
        ["POST /api/submissions/{id}/release"] = "UFHAHFF",
        ["POST /api/submissions/{id}/comments"] = "UFHAHFF",
        ["POST /api/submissions/{id}/return"] = "UFHAHFF",
        ["POST /api/submissions/{id}/approve"] = "UFHAHFF",
        ["POST /api/submissions/{id}/publish"] = "UFHAHFA",
        ["POST /api/submissions/{id}/corrections"] = "UFHAHFA",
        ["GET /api/deadlines"] = "UAAAAAA", // the bureau's rules, readable by all its roles
        ["GET /api/deadlines/overdue"] = "UFFAAAA",
        ["GET /api/deadlines/reminders"] = "UAAAAAA", // each sees only their own (DeadlineTests)
        ["POST /api/deadlines/reminders/reporting"] = "UFFAAFA", // nothing is overdue here: 409 for those let through
        ["POST /api/deadlines/reminders/review"] = "UFFAAFA",
        ["PUT /api/admin/deadlines/calendar/{year}"] = "UFFFFFA",
        ["PUT /api/admin/deadlines/due-dates/{year}/{kind}"] = "UFFFFFA",
        ["DELETE /api/admin/deadlines/due-dates/{year}/{kind}"] = "UFFFFFA",
        ["PUT /api/admin/deadlines/settings"] = "UFFFFFA",
        ["GET deadlines"] = "UFFAAAA",
        ["GET admin/deadlines"] = "UFFFFFA",
        ["GET /health"] = "AAAAAAA",
        ["POST /hubs/review/negotiate"] = "UAAAAAA",
        ["GET /hubs/review"] = "UAAAAAA",
        ["GET /"] = "AAAAAAA",
        ["GET Index"] = "AAAAAAA",
        ["GET login"] = "AAAAAAA",
        ["GET logout"] = "UAAAAAA",
        ["GET public"] = "AAAAAAA",
        ["GET public/{id:guid}"] = "AAAAAAA",
        ["GET submissions"] = "UAAFFFF",
        ["GET submissions/{id:guid}"] = "UAHAHAA",
        ["GET review"] = "UFFAAAA",
        ["GET dashboard"] = "UFFAAAA",
        ["GET audit"] = "UFFFFAA",
        ["GET audit/{id:guid}"] = "UAHAHAA",
        ["GET audit/province-reads"] = "UFFFFAA",
        ["GET admin"] = "UFFFFFA", // 系统管理: the bureau's 管理员 only (AdminBrowserTests)
        ["GET admin/sections"] = "UFFFFFA",
        ["GET admin/units"] = "UFFFFFA",
        ["GET admin/accounts"] = "UFFFFFA",
        ["GET admin/roles"] = "UFFFFFA",
        ["GET admin/templates"] = "UFFFFFA",
        ["GET province"] = "UFFFFFF", // 省级审计 only (ProvinceAuditTests)
        ["GET province/{bureau}/{id:guid}"] = "UFFFFFF",
        ["GET errors/{status:int}"] = "HHHHHHH", // the 404 page, opened directly, answers 404 to everyone
    };

    private static object Body(string route, long version, int n) => route switch
    {
        "POST /api/auth/login" => new { userName = "nobody", password = "x" },
        "POST /api/auth/refresh" => new { refreshToken = "not-a-refresh-token" },
        "POST /api/auth/password" => new { currentPassword = "not the password", newPassword = "Matrix#password2" },
        "PUT /api/admin/accounts/{id}" => new { displayName = $"矩阵目标{n}" },
        "POST /api/admin/accounts" => new { id = $"matrix-{n}", displayName = "矩阵测试", password = "Matrix#password1", role = "Auditor" },
        "POST /api/admin/sections" => new { id = $"S-M{n}", name = "测试股" },
        "POST /api/admin/units" => new { id = $"U-M{n}", name = "测试单位", sectionId = "S-1" },
        "PUT /api/admin/sections/{id}" => new { name = $"测试股{n}" },
        "PUT /api/admin/units/{id}" => new { name = $"测试单位{n}" },
        "POST /api/admin/templates" => BuiltInTemplates.Ministry2020 with { Id = $"matrix-{n}" },
        "PUT /api/admin/templates/{key}" => new { disabled = true },
        "PUT /api/admin/deadlines/calendar/{year}" => new { daysOff = new[] { "2021-10-01" } },
        "PUT /api/admin/deadlines/due-dates/{year}/{kind}" => new { fixedOn = "2022-06-30" },
        "PUT /api/admin/deadlines/settings" => new { reviewHoldWorkingDays = 5 },
        "POST /api/deadlines/reminders/review" => new { submissionId = Guid.NewGuid() },
        "POST /api/submissions" => new { fiscalYear = 2021, kind = SubmissionKind.ProjectSelfEvaluation, title = "矩阵", content = Samples.Ganfutong() },
        "PUT /api/submissions/{id}/content" => new { version, content = Samples.Ganfutong() },
        "POST /api/submissions/{id}/check-content" => new { content = Samples.Ganfutong() },
        "POST /api/submissions/{id}/approve" => new { version, grade = "良", opinion = "同意", signature = "张", stamp = "章" },
        "POST /api/submissions/{id}/publish" => new { version, indexNumber = "X", publisher = "X", confidentialityReviewed = true, principalSigned = true },
        "POST /api/submissions/{id}/corrections" => new { version, content = Samples.Ganfutong(), reason = "x", confidentialityReviewed = true, principalSigned = true },
        "POST /api/submissions/{id}/comments" => new { version, text = "意见" },
        "POST /api/submissions/{id}/return" => new { version, reason = "退回" },
        _ => new { version },
    };

    private static char Classify(HttpResponseMessage response, string route)
    {
        var status = (int)response.StatusCode;
        if (status >= 500) throw new Xunit.Sdk.XunitException($"{route}: {status}");
        if (status == 401) return 'U';
        if (status == 403) return 'F';
        if (status == 404) return 'H';
        if (status is 302 or 301)
        {
            var location = response.Headers.Location?.ToString() ?? "";
            if (location.Contains("/login")) return 'U';
            if (location == "/" && !route.EndsWith(" /", StringComparison.Ordinal) && !route.EndsWith(" Index", StringComparison.Ordinal)) return 'F';
        }
        return 'A';
    }

    [Fact]
    public async Task Every_endpoint_answers_every_caller_as_the_rules_say()
    {
        var endpoints = app.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [e.RoutePattern.RawText!.StartsWith("/hubs/review/negotiate", StringComparison.Ordinal) ? "POST" : "GET"])
                .Select(m => $"{m} {(string.IsNullOrEmpty(e.RoutePattern.RawText) ? "/" : e.RoutePattern.RawText)}"))
            .Distinct().ToList();
        var missing = endpoints.Where(e => !Rules.ContainsKey(e)).ToList();
        Assert.True(missing.Count == 0, "endpoints without an authorization rule: " + string.Join(", ", missing));

        await app.Command("admin", "/api/admin/accounts", new { id = "matrix-target", displayName = "矩阵目标", password = "Matrix#password1", role = "Auditor" });
        var published = await app.Reports.Published(title: "权限矩阵", approval: new { grade = "良", opinion = "同意", signature = "张", stamp = "章" }, publication: new { indexNumber = "M-1", publisher = "单位", confidentialityReviewed = true, principalSigned = true });
        var readable = await app.Reports.Submitted(title: "权限矩阵");
        var failures = new List<string>();
        var n = 0;
        using var client = app.Host.Server.CreateClient();
        foreach (var route in endpoints)
        {
            for (var c = 0; c < Callers.Length; c++)
            {
                var (callerName, user) = Callers[c];
                var mutating = route.StartsWith("POST /api/submissions/{id}", StringComparison.Ordinal) || route.StartsWith("PUT /api/submissions/{id}", StringComparison.Ordinal);
                var id = route.Contains("public/") ? published : mutating ? await app.Reports.Submitted(title: "权限矩阵") : readable;
                var version = await app.StreamVersion(id);
                var method = route[..route.IndexOf(' ')];
                var url = "/" + route[(route.IndexOf(' ') + 1)..].TrimStart('/')
                    .Replace("admin/accounts/{id}", "admin/accounts/matrix-target")
                    .Replace("admin/sections/{id}", "admin/sections/S-2").Replace("admin/units/{id}", "admin/units/U-OT").Replace("{key}", "ganzhou-2023@1")
                    .Replace("{id}", id.ToString()).Replace("{id:guid}", id.ToString()).Replace("{unitId}", "U-BD").Replace("{year}", "2021")
                    .Replace("{kind}", "FinalAccountsDisclosure").Replace("{documentName}", "v1").Replace("{status:int}", "404").Replace("Index", "");
                if (route.EndsWith("/as-of", StringComparison.Ordinal)) url += "?version=1";
                if (route.EndsWith("/diff", StringComparison.Ordinal)) url += "?from=1&to=2";
                var request = new HttpRequestMessage(new HttpMethod(method), url);
                request.Headers.Add(ClientAddressFromTestHeader.Header, $"10.77.0.{c + 1}"); // each caller at a desk of their own
                if (user is not null) request.Headers.Authorization = new("Bearer", await app.TokenFor(user));
                if (route == "POST /api/submissions/import")
                {
                    var form = new MultipartFormDataContent { { new StringContent("ProjectSelfEvaluation"), "kind" }, { new StringContent("2021"), "fiscalYear" } };
                    form.Add(new StringContent(BadInputTextForm()), "text");
                    request.Content = form;
                }
                else if (method is "POST" or "PUT" && !route.Contains("/hubs/")) request.Content = JsonContent.Create(Body(route, version, ++n), options: WorkflowFixture.Json);
                var response = await client.SendAsync(request);
                var actual = Classify(response, route);
                var expected = Rules[route][c];
                if (actual != expected) failures.Add($"{route} as {callerName}: expected {expected}, got {actual} ({(int)response.StatusCode})");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>
    /// 系统管理 is refused to everyone but the bureau's 管理员 before the body is read: an unreadable body is 403 for the
    /// others (not a 400 about a body they may not send) and 400 for the 管理员. Every /api/admin route of the running app.
    /// </summary>
    [Fact]
    public async Task Administration_is_refused_to_others_before_their_body_is_read()
    {
        var routes = app.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/admin/", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => (Method: m, Route: e.RoutePattern.RawText!)))
            .ToList();
        Assert.True(routes.Count >= 12, $"only {routes.Count} admin routes");
        using var client = app.Host.Server.CreateClient();
        var failures = new List<string>();
        var c = 0;
        foreach (var (method, route) in routes)
        {
            var url = route.Replace("{id}", "S-2").Replace("{key}", "ganzhou-2023@1").Replace("{year}", "2021").Replace("{kind}", "FinalAccountsDisclosure");
            foreach (var user in new[] { "prep", "rev", "audit", "admin" })
            {
                var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent("{\"id\":", System.Text.Encoding.UTF8, "application/json") };
                request.Headers.Add(ClientAddressFromTestHeader.Header, $"10.78.0.{++c % 250 + 1}");
                request.Headers.Authorization = new("Bearer", await app.TokenFor(user));
                var response = await client.SendAsync(request);
                if (user == "admin" && method == "DELETE") // no body to read: through to the rules
                {
                    if ((int)response.StatusCode is 403 or >= 500) failures.Add($"{method} {route} as admin: {(int)response.StatusCode}");
                    continue;
                }
                var expected = user != "admin" ? HttpStatusCode.Forbidden : HttpStatusCode.BadRequest;
                if (response.StatusCode != expected) failures.Add($"{method} {route} as {user}: expected {(int)expected}, got {(int)response.StatusCode}");
                else if (user != "admin")
                {
                    var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
                    Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                    Assert.Equal("forbidden", problem.GetProperty("code").GetString());
                    Assert.StartsWith("只有管理员可以进行系统管理", problem.GetProperty("message").GetString());
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string BadInputTextForm() => Samples.GanfutongFormText();

    [Fact]
    public async Task A_draft_is_invisible_outside_its_unit_even_to_its_section()
    {
        var created = await app.Command("prep", "/api/submissions", new { fiscalYear = 2021, kind = SubmissionKind.ProjectSelfEvaluation, title = "草稿", content = Samples.Ganfutong() }, 201);
        var id = created.GetProperty("submissionId").GetGuid();
        foreach (var user in new[] { "rev", "prep-other", "rev-other" })
            Assert.Equal(HttpStatusCode.NotFound, (await app.Send(user, HttpMethod.Get, $"/api/submissions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Send("audit", HttpMethod.Get, $"/api/submissions/{id}")).StatusCode);
        Assert.DoesNotContain((await app.Get<JsonElement>("rev", "/api/submissions")).GetProperty("items").EnumerateArray(), s => s.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task Hub_methods_follow_the_same_visibility()
    {
        var id = await app.Reports.Submitted(title: "权限矩阵");
        foreach (var (user, expected) in new[] { ("prep", true), ("prep-other", false), ("rev", true), ("rev-other", false), ("audit", true), ("admin", true) })
        {
            await using var connection = await app.HubFor(user);
            await connection.StartAsync();
            Assert.Equal(expected, await connection.InvokeAsync<bool>("WatchSubmission", id));
        }
    }
}
