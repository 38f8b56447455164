using System.Diagnostics;
using System.Globalization;
using Alba;
using Approval.Web.Tests.Infrastructure;
using Approval.Workflow.Submissions;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Approval.Web.Tests;

/// <summary>The backup procedure of docs/security.md: pg_dump, pg_restore into an empty database, rebuild — same documents, intact chains.</summary>
public class BackupRestoreTests(WorkflowFixture app) : IClassFixture<WorkflowFixture>
{
    private static async Task Run(string tool, string connectionString, params string[] args)
    {
        var c = new NpgsqlConnectionStringBuilder(connectionString);
        var psi = new ProcessStartInfo(Path.Combine(await TestDatabase.ToolsDirectory(), tool))
        {
            RedirectStandardError = true, RedirectStandardOutput = true,
            Environment = { ["PGPASSWORD"] = c.Password },
        };
        foreach (var a in new[] { "-h", c.Host!, "-p", c.Port.ToString(CultureInfo.InvariantCulture), "-U", c.Username!, "-d", c.Database! }.Concat(args)) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} failed: {error}");
    }

    [Fact]
    public async Task A_restored_database_rebuilds_the_same_projections()
    {
        var ids = new List<Guid>();
        foreach (var title in new[] { "备份一", "备份二" })
        {
            var created = await app.Command("prep", "/api/submissions", new { fiscalYear = 2021, kind = SubmissionKind.ProjectSelfEvaluation, title, content = Samples.Ganfutong() }, 201);
            var id = created.GetProperty("submissionId").GetGuid();
            ids.Add(id);
            await app.Command("prep", $"/api/submissions/{id}/score", new { version = 1 });
            await app.Command("prep", $"/api/submissions/{id}/submit", new { version = 2 });
            await app.Command("rev", $"/api/submissions/{id}/claim", new { version = 3 });
            await app.Command("rev", $"/api/submissions/{id}/approve", new { version = 4, grade = "良", opinion = "同意", signature = "张", stamp = "章" });
        }
        await app.Command("rev", $"/api/submissions/{ids[0]}/publish", new { version = 5, indexNumber = "B-1", publisher = "单位", confidentialityReviewed = true, principalSigned = true });
        var original = await ReadModel.SnapshotAsync(app.Store, includeSubmissions: true);

        var dump = Path.Combine(Path.GetTempPath(), $"approval-{Guid.NewGuid():N}.dump");
        var restored = await TestDatabase.CreateAsync("restored");
        try
        {
            await Run("pg_dump", app.ConnectionString, "--format=custom", "--file", dump);
            await Run("pg_restore", restored, "--no-owner", "--exit-on-error", dump);

            await using var host = await AlbaHost.For<Program>(builder =>
            {
                builder.UseEnvironment("Testing");
                builder.UseSetting("ConnectionStrings:Approval", restored);
                builder.UseSetting("Approval:Demo", "false");
                builder.UseSetting("Approval:ChainKey", "test-chain-key");
            });
            var store = host.Services.GetRequiredService<IDocumentStore>();
            await ReadModel.RebuildAllAsync(store, includeSubmissions: true);
            Assert.Equal(original, await ReadModel.SnapshotAsync(store, includeSubmissions: true));

            await using var session = store.QuerySession(TestOrganization.Tenant);
            foreach (var id in ids)
            {
                var verification = await Integrity.EventChainStamp.VerifyAsync(session, new Integrity.ChainKey(System.Text.Encoding.UTF8.GetBytes("test-chain-key")), id, CancellationToken.None);
                Assert.True(verification.Intact, verification.Summary);
            }
        }
        finally
        {
            File.Delete(dump);
            await TestDatabase.DropAsync(restored);
        }
    }
}
