using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Approval.LocalDatabase;
using Approval.Web.Tests.Infrastructure;
using Approval.Workflow.Submissions.Drafting;
using Approval.Workflow.Submissions.Reviewing;

namespace Approval.Web.Tests;

/// <summary>
/// The OpenAPI document tells the truth: every operation summarised with its security and its refusals, bounds equal
/// to what the server enforces, and Spectral (spectral:oas + the OWASP ruleset, exemptions written down in
/// tools/openapi-lint/.spectral.yaml) finds no error.
/// </summary>
public class OpenApiLintTests(AppFixture app) : IClassFixture<AppFixture>
{
    private async Task<string> Document()
    {
        using var http = app.Host.Server.CreateClient();
        return await http.GetStringAsync("/openapi/v1.json");
    }

    [Fact]
    public async Task Every_operation_is_summarised_secured_and_declares_its_refusals()
    {
        var document = JsonNode.Parse(await Document())!;
        Assert.NotNull(document["components"]?["securitySchemes"]?["bearer"]);
        Assert.NotNull(document["components"]?["securitySchemes"]?["cookie"]);
        foreach (var (path, item) in document["paths"]!.AsObject())
            foreach (var (method, operation) in item!.AsObject())
            {
                var name = $"{method.ToUpperInvariant()} {path}";
                Assert.True(operation!["summary"]?.GetValue<string>().Any(c => c is >= '\u4E00' and <= '\u9FFF') == true, $"{name} has no summary");
                var responses = operation["responses"]!.AsObject();
                Assert.True(responses.Any(r => r.Key.StartsWith('2') && r.Value!["content"] is not null), $"{name} declares no success schema");
                foreach (var status in new[] { "400", "404", "500", "503" })
                    Assert.True(responses[status]?["content"]?["application/problem+json"] is not null, $"{name} does not declare {status} as a problem");
                var anonymous = path is "/api/auth/login" or "/api/auth/refresh" || path.StartsWith("/api/public/", StringComparison.Ordinal);
                Assert.Equal(anonymous, operation["security"]!.AsArray().Count == 0);
            }
        var import = document["paths"]!["/api/submissions/import"]!["post"]!["requestBody"]!["content"]!["multipart/form-data"]!["schema"]!["properties"]!;
        Assert.NotNull(import["file"]);
    }

    [Fact]
    public async Task Declared_bounds_are_the_ones_the_server_enforces()
    {
        var schemas = JsonNode.Parse(await Document())!["components"]!["schemas"]!;
        Assert.Equal(DraftRules.MaxTitleLength, schemas["DraftSubmission"]!["properties"]!["title"]!["maxLength"]!.GetValue<int>());
        Assert.Equal(ReviewRules.MaxRowRemarks, schemas["ReturnForRevision"]!["properties"]!["rowRemarks"]!["maxItems"]!.GetValue<int>());
        Assert.Equal(ReviewRules.MaxTextLength, schemas["ReturnForRevision"]!["properties"]!["reason"]!["maxLength"]!.GetValue<int>());
        Assert.Equal(ContentValidation.MaxIndicators, schemas["ProjectSelfEvaluationForm"]!["properties"]!["indicators"]!["maxItems"]!.GetValue<int>());
        // the grade is optional in the schema, and says when it is required (never for a 部门决算公开 package)
        Assert.Contains("部门决算公开（FinalAccountsDisclosure）只作通过或退回，不得填写", schemas["ApproveSubmission"]!["properties"]!["grade"]!["description"]!.GetValue<string>());
        Assert.DoesNotContain("grade", schemas["ApproveSubmission"]!["required"]?.AsArray().Select(n => n!.GetValue<string>()) ?? []);

        // Query parameters too: every list's pageSize says the 1–200 the server refuses outside of.
        var paths = JsonNode.Parse(await Document())!["paths"]!.AsObject();
        var pageSizes = paths.SelectMany(p => p.Value!.AsObject().Select(o => (Name: $"{o.Key} {p.Key}", Parameters: o.Value!["parameters"]?.AsArray() ?? [])))
            .SelectMany(o => o.Parameters.Where(q => q!["name"]!.GetValue<string>() == "pageSize").Select(q => (o.Name, Schema: q!["schema"]!))).ToList();
        Assert.NotEmpty(pageSizes);
        Assert.All(pageSizes, p =>
        {
            Assert.True(p.Schema["maximum"]?.GetValue<long>() == Approval.Web.Paging.MaxSize, $"{p.Name}: pageSize maximum {p.Schema["maximum"]}");
            Assert.True(p.Schema["minimum"]?.GetValue<long>() == 1, $"{p.Name}: pageSize minimum {p.Schema["minimum"]}");
        });
    }

    [Fact]
    public async Task Required_fields_are_the_ones_the_server_refuses_without()
    {
        var document = JsonNode.Parse(await Document())!;
        var schemas = document["components"]!["schemas"]!;
        string[] Required(string schema) => schemas[schema]!["required"]?.AsArray().Select(n => n!.GetValue<string>()).ToArray() ?? [];

        // the version is required (400 version-required); the idempotency key and the optional reasons are not
        Assert.Equal(["version"], Required("ReleaseReview"));
        Assert.Equal(["version"], Required("WithdrawSubmission"));
        Assert.Equal(["version"], Required("ClaimReview"));
        Assert.Equal(["version", "reason"], Required("ReturnForRevision"));
        Assert.Equal(["version", "text"], Required("CommentOnSubmission"));
        Assert.DoesNotContain("commandId", Required("DraftSubmission"));
        // a refusal naming several fields (the publish gates) lists them as errors: [{ field, code, message }]
        var errors = schemas["Problem"]!["properties"]!["errors"]!;
        Assert.Equal("array", errors["type"]!.GetValue<string>());
        Assert.Equal(["code", "field", "message"], errors["items"]!["required"]!.AsArray().Select(n => n!.GetValue<string>()).Order().ToArray());
    }

    [Fact]
    public async Task Spectral_finds_no_error()
    {
        var lint = Path.Combine(RepositoryRoot.Find()!, "tools", "openapi-lint");
        var spectral = Path.Combine(lint, "node_modules", ".bin", "spectral");
        Assert.True(File.Exists(spectral), "Spectral is not installed: run scripts/prerequisites.sh (./test.sh does)");
        var file = Path.Combine(Path.GetTempPath(), $"openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, await Document());
        try
        {
            var psi = new ProcessStartInfo(spectral, ["lint", file, "--ruleset", Path.Combine(lint, ".spectral.yaml"), "--format", "json", "--quiet"])
            {
                WorkingDirectory = lint, RedirectStandardOutput = true, RedirectStandardError = true,
            };
            using var process = Process.Start(psi)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
            var text = (await output).Trim();
            Assert.True(text.StartsWith('['), $"spectral did not report (exit {process.ExitCode}): {text} {await error}");
            var errors = JsonDocument.Parse(text).RootElement.EnumerateArray().Where(r => r.GetProperty("severity").GetInt32() == 0)
                .Select(r => $"{r.GetProperty("code")}: {r.GetProperty("message")} at {string.Join('.', r.GetProperty("path").EnumerateArray())}").ToList();
            Assert.True(errors.Count == 0, $"{errors.Count} Spectral errors:\n{string.Join('\n', errors.Take(20))}");
        }
        finally { File.Delete(file); }
    }
}
