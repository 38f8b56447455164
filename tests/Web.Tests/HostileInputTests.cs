using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Approval.Web.Tests.Infrastructure;
using Approval.Workflow.Submissions;
using Marten;

namespace Approval.Web.Tests;

/// <summary>Bad and hostile input: a clear 4xx problem, nothing appended, never a 500; script stays text everywhere.</summary>
[Collection(ApiLane.Name)]
public class HostileInputTests(WorkflowFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.BeginClassAsync(GetType());
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(int Status, JsonElement Body)> Post(string user, string url, HttpContent content)
    {
        using var client = app.Host.Server.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.Authorization = new("Bearer", await app.TokenFor(user));
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.StartsWith('{') ? JsonDocument.Parse(text).RootElement.Clone() : default);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string DraftWith(Func<string, string> edit)
    {
        var body = JsonSerializer.Serialize(new { fiscalYear = 2021, kind = "ProjectSelfEvaluation", title = "hostile", content = Samples.Ganfutong() }, WorkflowFixture.Json);
        return edit(body);
    }

    public static TheoryData<string, string> BadDrafts => new()
    {
        { "absurd amount", "\"executed\":321.00|\"executed\":1e30" },
        { "too large amount", "\"executed\":321.00|\"executed\":100000000000000" },
        { "too many decimals", "\"executed\":321.00|\"executed\":321.1234567" },
        { "negative amount", "\"executed\":321.00|\"executed\":-5" },
        { "negative weight", "\"weight\":4,|\"weight\":-4," },
        { "wrong type", "\"fiscalYear\":2021|\"fiscalYear\":\"二〇二一\"" },
        { "missing content", "\"content\":|\"nothing\":" },
        { "control characters", "\"title\":\"hostile\"|\"title\":\"host\\u0000\\u0007ile\"" },
        { "over-long title", "\"title\":\"hostile\"|\"title\":\"" + new string('x', 300) + "\"" },
        { "unknown kind", "\"ProjectSelfEvaluation\"|\"Whatever\"" },
        { "zero weights", "__zero__|" },
        { "bidirectional override in the title", "\"title\":\"hostile\"|\"title\":\"host\\u202Eile\"" },
        { "zero-width character in the title", "\"title\":\"hostile\"|\"title\":\"host\\u200Bile\"" },
        { "stated score above its weight", "__over__|" },
        { "absurd stated score", "__absurd__|" },
    };

    [Theory]
    [MemberData(nameof(BadDrafts))]
    public async Task Bad_drafts_are_refused_with_a_problem_and_append_nothing(string what, string edit)
    {
        var body = DraftWith(json =>
        {
            if (edit.StartsWith("__zero__", StringComparison.Ordinal))
                return System.Text.RegularExpressions.Regex.Replace(json, "\"weight\":\\d+(\\.\\d+)?", "\"weight\":0");
            if (edit.StartsWith("__over__", StringComparison.Ordinal) || edit.StartsWith("__absurd__", StringComparison.Ordinal))
                return new System.Text.RegularExpressions.Regex("\"statedScore\":\\d+(\\.\\d+)?").Replace(json, edit.StartsWith("__over__", StringComparison.Ordinal) ? "\"statedScore\":99" : "\"statedScore\":1e20", 1);
            var (from, to) = (edit[..edit.IndexOf('|')], edit[(edit.IndexOf('|') + 1)..]);
            Assert.Contains(from, json);
            return json.Replace(from, to);
        });
        var before = await app.TotalEvents();
        var (status, problem) = await Post("prep", "/api/submissions", Json(body));
        Assert.True(status == 400, $"{what}: {status}");
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.Equal(before, await app.TotalEvents());
    }

    [Theory]
    [InlineData("{\"fiscalYear\":2021,\"kind\":\"ProjectSelfEvaluation\",\"title\":5}", "请求内容中「title」的值无法读取：应为文本")]
    [InlineData("{\"fiscalYear\":\"x\",\"kind\":\"ProjectSelfEvaluation\",\"title\":\"t\"}", "请求内容中「fiscalYear」的值无法读取：应为数字")]
    [InlineData("{\"fiscalYear\":2021,\"kind\":\"ProjectSelfEvaluation\",\"title\":\"\\ud800\"}", "请求内容中「title」的值无法读取：应为文本（不含单独的代理项")]
    [InlineData("{\"fiscalYear\":2021,", "请求内容不是有效的 JSON")]
    [InlineData("{\"fiscalYear\":2021,\"title\":", "请求内容不是有效的 JSON（读到「title」时出错")]
    public async Task An_unreadable_body_is_said_in_Chinese_naming_its_field(string body, string expected)
    {
        app.ErrorLog.Errors.Clear();
        var before = await app.TotalEvents();
        var (status, problem) = await Post("prep", "/api/submissions", Json(body));
        Assert.Equal(400, status);
        Assert.True(problem.GetProperty("title").GetString()!.Contains(expected, StringComparison.Ordinal), problem.ToString());
        Assert.DoesNotContain("System.", problem.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Approval.", problem.ToString(), StringComparison.Ordinal); // our type names are not the caller's business
        Assert.Equal(before, await app.TotalEvents());
        Assert.Empty(app.ErrorLog.Errors); // the caller's mistake, not the server's: no error (with a stack trace) in the log
    }

    [Fact]
    public async Task A_word_where_true_or_false_belongs_is_told_so()
    {
        var (status, problem) = await Post("rev", $"/api/submissions/{Guid.NewGuid()}/publish", Json("{\"version\":5,\"confidentialityReviewed\":\"是\"}"));
        Assert.Equal(400, status);
        Assert.Equal("请求内容中「confidentialityReviewed」的值无法读取：应为 true 或 false", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_50_megabyte_body_is_413()
    {
        var (status, problem) = await Post("prep", "/api/submissions", new ByteArrayContent(new byte[50 * 1024 * 1024]) { Headers = { ContentType = new("application/json") } });
        Assert.Equal(413, status);
        Assert.Equal("too-large", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_wrong_content_type_is_a_4xx()
    {
        var (status, _) = await Post("prep", "/api/submissions", new StringContent("fiscalYear=2021", Encoding.UTF8, "text/plain"));
        Assert.InRange(status, 400, 499);
        var (importStatus, problem) = await Post("prep", "/api/submissions/import", Json("{}"));
        Assert.Equal(415, importStatus);
        Assert.Equal("form-required", problem.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("/api/public/reports?unit=%00")]
    [InlineData("/api/submissions?unit=U%07BD")]
    [InlineData("/api/review-queue?grade=%1B")]
    public async Task Control_characters_in_a_query_are_a_400_problem(string url)
    {
        app.ErrorLog.Errors.Clear();
        var response = await app.Send("rev", HttpMethod.Get, url);
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("bad-query", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());
        Assert.Empty(app.ErrorLog.Errors); // refused before PostgreSQL sees it: nothing logged as a failure
    }

    [Theory]
    [InlineData("/api/public/reports?bureau=")]
    [InlineData("/api/submissions?q=")]
    public async Task An_address_over_8_KB_is_a_414_problem_from_the_app(string url)
    {
        var response = await app.Send("rev", HttpMethod.Get, url + new string('a', RequestGuards.MaxTargetLength));
        Assert.Equal(414, (int)response.StatusCode);
        Assert.Equal("uri-too-long", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());
        // just under the limit it is read: a filter matching nothing
        Assert.Equal(200, (int)(await app.Send("rev", HttpMethod.Get, url + new string('a', RequestGuards.MaxTargetLength - url.Length - 10))).StatusCode);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("%%%=&&=%zz")]
    [InlineData("--xx\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nProjectSelf")]
    public async Task A_garbled_multipart_body_is_a_400_problem(string body)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=xx");
        var before = await app.TotalEvents();
        var (status, problem) = await Post("prep", "/api/submissions/import", content);
        Assert.Equal(400, status);
        Assert.Equal("form-invalid", problem.GetProperty("code").GetString());
        Assert.Equal(before, await app.TotalEvents());
    }

    [Theory]
    [InlineData("bomb")]
    [InlineData("not-xlsx")]
    [InlineData("binary")]
    public async Task Hostile_uploads_are_refused(string kind)
    {
        byte[] bytes;
        if (kind == "bomb")
        {
            using var stream = new MemoryStream();
            using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            {
                zip.CreateEntry("[Content_Types].xml").Open().Dispose();
                using var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
                var zeros = new byte[1024 * 1024];
                for (var i = 0; i < 100; i++) entry.Write(zeros);
            }
            bytes = stream.ToArray();
        }
        else if (kind == "not-xlsx") bytes = Encoding.UTF8.GetBytes("PK\u0003\u0004 but not really a zip");
        else bytes = [0x00, 0xFF, 0x10, 0x00, 0x89];
        var before = await app.TotalEvents();
        var form = new MultipartFormDataContent { { new StringContent("ProjectSelfEvaluation"), "kind" }, { new StringContent("2021"), "fiscalYear" } };
        form.Add(new ByteArrayContent(bytes), "file", "report.xlsx");
        var (status, problem) = await Post("prep", "/api/submissions/import", form);
        Assert.Equal(400, status);
        Assert.StartsWith("无法读取", problem.GetProperty("title").GetString());
        Assert.Equal(before, await app.TotalEvents());
    }

    [Fact]
    public async Task Script_in_text_fields_is_shown_as_text_and_csv_is_formula_safe()
    {
        const string script = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        var form = Samples.GanfutongForm();
        var evil = form with
        {
            Header = form.Header with { ProjectName = script },
            Indicators = form.Indicators.Select((i, n) => n == 0 ? i with { Name = "=HYPERLINK(\"http://evil\",\"点我\")", Deviation = script } : i).ToList(),
        };
        var created = await app.Command("prep", "/api/submissions", new { fiscalYear = 2021, kind = SubmissionKind.ProjectSelfEvaluation, title = script, content = new SubmissionContent { ProjectForm = evil } }, 201);
        var id = created.GetProperty("submissionId").GetGuid();
        await app.Command("prep", $"/api/submissions/{id}/score", new { version = 1 });
        await app.Command("prep", $"/api/submissions/{id}/submit", new { version = 2 });
        await app.Command("rev", $"/api/submissions/{id}/claim", new { version = 3 });
        await app.Command("rev", $"/api/submissions/{id}/comments", new { version = 4, text = script });
        await app.Command("rev", $"/api/submissions/{id}/approve", new { version = 5, grade = "良", opinion = script, signature = "张", stamp = "章" });
        await app.Command("rev", $"/api/submissions/{id}/publish", new { version = 6, indexNumber = "=1+1", publisher = "@SUM(A1)", confidentialityReviewed = true, principalSigned = true });

        foreach (var (user, url) in new[] { ("prep", $"/submissions/{id}"), ("rev", $"/submissions/{id}"), ("audit", $"/audit/{id}"), ((string?)null, $"/public/{id}"), ((string?)null, "/public") })
        {
            var html = await (await app.Send(user, HttpMethod.Get, url)).Content.ReadAsStringAsync();
            Assert.DoesNotContain("<script>alert", html);
            Assert.DoesNotContain("<img src=x", html);
        }
        var detail = await (await app.Send("prep", HttpMethod.Get, $"/submissions/{id}")).Content.ReadAsStringAsync();
        Assert.Contains("&lt;script&gt;alert", detail);

        var csv = await (await app.Send(null, HttpMethod.Get, $"/api/public/reports/{id}/csv")).Content.ReadAsStringAsync();
        Assert.Contains("\"'=HYPERLINK(", csv);
        Assert.Contains("\"'=1+1\"", csv);
        Assert.Contains("\"'@SUM(A1)\"", csv);
        var audit = await (await app.Send("audit", HttpMethod.Get, $"/api/submissions/{id}/history.csv")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(",\"=", audit);
    }

    [Fact]
    public async Task The_public_never_sees_drafts_comments_or_unpublished_grades()
    {
        var draft = await app.Command("prep", "/api/submissions", new { fiscalYear = 2022, kind = SubmissionKind.ProjectSelfEvaluation, title = "未公开的草稿", content = Samples.InYear(Samples.Ganfutong(), 2022) }, 201);
        var draftId = draft.GetProperty("submissionId").GetGuid();
        var approved = await app.Command("prep", "/api/submissions", new { fiscalYear = 2022, kind = SubmissionKind.ProjectSelfEvaluation, title = "审核通过未公开", content = Samples.InYear(Samples.Ganfutong(), 2022) }, 201);
        var approvedId = approved.GetProperty("submissionId").GetGuid();
        await app.Command("prep", $"/api/submissions/{approvedId}/score", new { version = 1 });
        await app.Command("prep", $"/api/submissions/{approvedId}/submit", new { version = 2 });
        await app.Command("rev", $"/api/submissions/{approvedId}/claim", new { version = 3 });
        await app.Command("rev", $"/api/submissions/{approvedId}/comments", new { version = 4, text = "内部意见：不宜公开" });
        await app.Command("rev", $"/api/submissions/{approvedId}/approve", new { version = 5, grade = "良", opinion = "内部审核意见", signature = "张", stamp = "章" });

        var list = await (await app.Send(null, HttpMethod.Get, "/api/public/reports")).Content.ReadAsStringAsync();
        var page = await (await app.Send(null, HttpMethod.Get, "/public")).Content.ReadAsStringAsync();
        foreach (var text in new[] { list, page })
        {
            Assert.DoesNotContain("未公开的草稿", text);
            Assert.DoesNotContain("审核通过未公开", text);
        }
        foreach (var id in new[] { draftId, approvedId })
        {
            Assert.Equal(404, (int)(await app.Send(null, HttpMethod.Get, $"/api/public/reports/{id}")).StatusCode);
            Assert.Equal(404, (int)(await app.Send(null, HttpMethod.Get, $"/public/{id}")).StatusCode);
            Assert.Equal(401, (int)(await app.Send(null, HttpMethod.Get, $"/api/submissions/{id}")).StatusCode);
        }

        await app.Command("rev", $"/api/submissions/{approvedId}/publish", new { version = 6, indexNumber = "P-1", publisher = "单位", confidentialityReviewed = true, principalSigned = true });
        var published = await (await app.Send(null, HttpMethod.Get, $"/api/public/reports/{approvedId}")).Content.ReadAsStringAsync();
        Assert.Contains("审核通过未公开", published);
        Assert.DoesNotContain("内部意见", published);
        Assert.DoesNotContain("内部审核意见", published);
        Assert.DoesNotContain("rounds", published, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_empty_id_a_negative_version_a_null_remark_and_a_long_row_are_refused_without_a_500()
    {
        var before = await app.TotalEvents();
        var empty = await app.Send("prep", HttpMethod.Post, $"/api/submissions/{Guid.Empty}/score", new { version = 1 });
        Assert.Equal(System.Net.HttpStatusCode.NotFound, empty.StatusCode);
        // every stream's id alike (Marten refuses to look for the empty id at all), however the GUID is spelled
        foreach (var (user, url) in new[]
        {
            ("rev", $"/api/spot-checks/{Guid.Empty}/forms/{Guid.NewGuid()}/rescore"),
            ("rev", $"/api/spot-checks/{Guid.Empty:N}/forms/{Guid.NewGuid()}/release"),
            ("rev", $"/api/spot-checks/{Guid.NewGuid()}/forms/{Guid.Empty:B}/release"),
            ("admin", $"/api/delegations/{Guid.Empty}/revoke"),
        })
            Assert.Equal(System.Net.HttpStatusCode.NotFound, (await app.Send(user, HttpMethod.Post, url, new { version = 1, score = 80, reasons = "理由", reason = "理由" })).StatusCode);
        foreach (var year in new[] { "99999", "0", "-1", "1999" })
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await app.Send("rev", HttpMethod.Get, $"/api/spot-check-results/{year}")).StatusCode);

        var created = await app.Command("prep", "/api/submissions", new { fiscalYear = 2021, kind = SubmissionKind.ProjectSelfEvaluation, title = "边界", content = Samples.Ganfutong() }, 201);
        var id = created.GetProperty("submissionId").GetGuid();
        var negative = await app.Send("prep", HttpMethod.Post, $"/api/submissions/{id}/score", new { version = -1 });
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, negative.StatusCode);
        await app.Command("prep", $"/api/submissions/{id}/score", new { version = 1 });
        await app.Command("prep", $"/api/submissions/{id}/submit", new { version = 2 });
        await app.Command("rev", $"/api/submissions/{id}/claim", new { version = 3 });
        var nullRemark = await app.Send("rev", HttpMethod.Post, $"/api/submissions/{id}/return", new { version = 4, reason = "r", rowRemarks = new object?[] { null } });
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, nullRemark.StatusCode);
        var longRow = await app.Send("rev", HttpMethod.Post, $"/api/submissions/{id}/comments", new { version = 4, text = "意见", row = new string('行', 101) });
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, longRow.StatusCode);
        Assert.Equal(before + 4, await app.TotalEvents());
    }

    /// <summary>Ids an administrator chooses, hostile ones: each refused with a problem, none stored.</summary>
    public static TheoryData<string> HostileIds => new()
    {
        "<script>alert(1)</script>", "../../etc/passwd", "..", ".hidden", "编号-中文", "a/b", "a b", "a\u0000b", "a%00b",
        "\u202Eevil", "é", new string('a', 65), new string('a', 1_000_000),
    };

    [Theory]
    [MemberData(nameof(HostileIds))]
    public async Task Hostile_ids_are_refused_for_sections_units_accounts_and_templates_and_nothing_is_stored(string id)
    {
        var before = await OrganizationCounts();
        var bodies = new (string Url, object Body)[]
        {
            ("/api/admin/sections", new { id, name = "测试股" }),
            ("/api/admin/units", new { id, name = "测试单位", sectionId = "S-1" }),
            ("/api/admin/accounts", new { id, displayName = "测试", password = "Hostile#2026-pass", role = "Auditor" }),
            ("/api/admin/templates", Approval.Workflow.Templates.BuiltInTemplates.Ministry2020 with { Id = id }),
        };
        foreach (var (url, body) in bodies)
        {
            var (status, problem) = await Post("admin", url, Json(JsonSerializer.Serialize(body, WorkflowFixture.Json)));
            Assert.True(status == 400, $"{url} with id of {id.Length} characters: {status}");
            Assert.Equal("id-invalid", problem.GetProperty("code").GetString());
        }
        Assert.Equal(before, await OrganizationCounts());
    }

    [Fact]
    public async Task A_lone_surrogate_is_refused_wherever_an_id_or_a_key_is_read_and_nothing_is_stored()
    {
        var before = await OrganizationCounts();
        foreach (var url in new[] { "/api/admin/sections", "/api/admin/units", "/api/admin/accounts", "/api/admin/templates" })
        {
            var (status, _) = await Post("admin", url, Json("""{"id":"\ud800","name":"x","displayName":"x","password":"Hostile#2026-pass","role":"Auditor","sectionId":"S-1"}"""));
            Assert.Equal(400, status);
        }
        var (sectionStatus, _) = await Post("admin", "/api/admin/units", Json("""{"id":"U-SURROGATE","name":"x","sectionId":"\udfff"}"""));
        Assert.Equal(400, sectionStatus);
        var (sectionsStatus, _) = await Post("admin", "/api/admin/accounts", Json("""{"id":"surrogate-rev","displayName":"x","password":"Hostile#2026-pass","role":"Reviewer","sectionIds":[null,"S-1"]}"""));
        Assert.Equal(400, sectionsStatus);
        Assert.Equal(before, await OrganizationCounts());

        // The idempotency key of every command, in the body and as a header.
        var created = await app.Command("prep", "/api/submissions", new { fiscalYear = 2021, kind = SubmissionKind.ProjectSelfEvaluation, title = "代理项", content = Samples.Ganfutong() }, 201);
        var id = created.GetProperty("submissionId").GetGuid();
        var events = await app.TotalEvents();
        var commands = new[] { "score", "check-content", "submit", "withdraw", "discard", "claim", "release", "comments", "return", "approve", "publish", "corrections" }
            .Select(c => $"/api/submissions/{id}/{c}").Append("/api/submissions").Append("/api/auth/password");
        foreach (var url in commands)
            foreach (var key in new[] { "\\ud800", "x\\udc00y", "\\u0000", new string('k', 256) })
            {
                var (status, problem) = await Post("prep", url, Json($$"""{"commandId":"{{key}}","version":1,"fiscalYear":2021,"kind":"ProjectSelfEvaluation","title":"t"}"""));
                Assert.True(status == 400, $"{url} with commandId {key[..Math.Min(10, key.Length)]}: {status}");
                Assert.Equal("idempotency-key-invalid", problem.GetProperty("code").GetString());
            }
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/submissions/{id}/content") { Content = Json("""{"commandId":"\ud800","version":1}""") };
        put.Headers.Authorization = new("Bearer", await app.TokenFor("prep"));
        using var client = app.Host.Server.CreateClient();
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await client.SendAsync(put)).StatusCode);
        Assert.Equal(events, await app.TotalEvents());
    }

    /// <summary>A template whose parts are missing, null or absurd: a 400 naming what is wrong, never a 500, nothing stored.</summary>
    public static TheoryData<string, string> BrokenTemplates => new()
    {
        { "fundsRule null", "\"fundsRule\":{\"kind\":\"Proportional\",\"steps\":null}|\"fundsRule\":null" },
        { "levelOnes null", "\"levelOnes\":[|\"levelOnes\":null,\"x\":[" },
        { "tiers null", "\"tiers\":{|\"tiers\":null,\"x\":{" },
        { "grades null", "\"grades\":{|\"grades\":null,\"x\":{" },
        { "a null level one", "\"levelOnes\":[|\"levelOnes\":[null," },
        { "levelTwos null", "\"levelTwos\":[|\"levelTwos\":null,\"x\":[" },
        { "a null level two", "\"levelTwos\":[|\"levelTwos\":[null," },
        { "name null", "\"name\":\"|\"name\":null,\"x\":\"" },
        { "an overflowing weight", "\"fundsWeight\":10|\"fundsWeight\":79228162514264337593543950335" },
        { "a stepped rule with a null step", "\"fundsRule\":{\"kind\":\"Proportional\",\"steps\":null}|\"fundsRule\":{\"kind\":\"Stepped\",\"steps\":[null]}" },
        { "an unknown funds rule", "\"fundsRule\":{\"kind\":\"Proportional\",\"steps\":null}|\"fundsRule\":{\"kind\":7}" },
        { "inverted grade bands", "\"grades\":{\"excellent\":90,\"good\":80,\"fair\":60}|\"grades\":{\"excellent\":60,\"good\":80,\"fair\":90}" },
        { "version zero", "\"version\":1|\"version\":0" },
    };

    [Theory]
    [MemberData(nameof(BrokenTemplates))]
    public async Task A_broken_template_is_refused_with_a_reason_and_nothing_is_stored(string what, string edit)
    {
        var template = JsonSerializer.Serialize(Approval.Workflow.Templates.BuiltInTemplates.Ministry2020 with { Id = "broken" }, WorkflowFixture.Json);
        var parts = edit.Split('|');
        Assert.True(template.Contains(parts[0], StringComparison.Ordinal), $"{what}: the template JSON has no {parts[0]}: {template}");
        var before = await OrganizationCounts();
        var (status, problem) = await Post("admin", "/api/admin/templates", Json(template.Replace(parts[0], parts[1])));
        Assert.True(status == 400, $"{what}: {status} {problem}");
        Assert.Equal(before, await OrganizationCounts());
    }

    [Fact]
    public async Task A_sound_template_is_stored_once_and_its_location_is_a_plain_address()
    {
        using var client = app.Host.Server.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/templates")
        {
            Content = Json(JsonSerializer.Serialize(Approval.Workflow.Templates.BuiltInTemplates.Ministry2020 with { Id = "county-2024.v2", Version = 3 }, WorkflowFixture.Json)),
        };
        request.Headers.Authorization = new("Bearer", await app.TokenFor("admin"));
        var response = await client.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/templates/county-2024.v2@3", response.Headers.Location?.OriginalString);
    }

    private async Task<(int, int, int, int)> OrganizationCounts()
    {
        await using var session = app.Store.QuerySession(TestOrganization.Tenant);
        return (await session.Query<Approval.Web.Organization.ReviewSection>().CountAsync(), await session.Query<Approval.Web.Organization.BudgetUnit>().CountAsync(),
            await session.Query<Approval.Web.Auth.Account>().CountAsync(), await session.Query<Approval.Web.Templates.StoredTemplate>().CountAsync());
    }
}
