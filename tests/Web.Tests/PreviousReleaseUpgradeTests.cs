using Alba;
using Approval.Web.Integrity;
using Approval.Web.Tests.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using static Approval.Web.Tests.PreTenancyUpgradeTests;

namespace Approval.Web.Tests;

/// <summary>
/// A database written by the release before the read models moved inline (Fixtures/previous-release.sql.gz: pg_dump of
/// 537c0e9's demo, one 自评表 submitted and waiting, one approved and published) starts under this version, keeps every
/// queue line, 汇总 entry and published report, and takes new work on the old streams. Inline, Marten had given the
/// queue item and the 汇总 entry Guid revisions, and the start-up migration failed on the old integer column.
/// </summary>
public class PreviousReleaseUpgradeTests
{
    private const string WaitingId = "01a24dfc-61f1-7a83-b190-54e6f8a6ce88";
    private const string PublishedId = "01a24dfc-6150-720d-9528-28fde3abe24c";
    private const string ChainKeySetting = "previous-release-chain-key";

    [Fact]
    public async Task The_earlier_release_database_starts_with_its_read_models_and_takes_new_work()
    {
        var owner = await RestoreDumpAsync("previous-release");
        try
        {
            var app = await TestDatabase.AppConnectionStringAsync(owner);
            await using var host = await AlbaHost.For<Program>(builder =>
            {
                builder.UseEnvironment("Testing");
                builder.UseSetting("ConnectionStrings:ApprovalOwner", owner);
                builder.UseSetting("ConnectionStrings:Approval", app);
                builder.UseSetting("Approval:Demo", "false");
                builder.UseSetting("Approval:ChainKey", ChainKeySetting);
            });

            var reviewer = await SignInAsync(host, "jingban");
            var queue = await GetAsync(host, reviewer, "/api/review-queue?state=all");
            var items = queue.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetString()!, i => i.GetProperty("state").GetString());
            Assert.Equal("Submitted", items[WaitingId]);
            Assert.Equal("Published", items[PublishedId]);
            var catalogue = await GetAsync(host, null, "/api/public/reports");
            Assert.Contains(catalogue.GetProperty("items").EnumerateArray(), r => r.GetProperty("submissionId").GetString() == PublishedId);

            // The old queue line (an integer revision written by the earlier version) is updated in the command's transaction.
            await Command(host, reviewer, $"/api/submissions/{WaitingId}/claim", new { version = 3, commandId = Guid.NewGuid() });
            var claimed = await GetAsync(host, reviewer, "/api/review-queue?mine=true");
            Assert.Contains(claimed.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == WaitingId && i.GetProperty("state").GetString() == "InReview");

            var store = host.Services.GetRequiredService<IDocumentStore>();
            await using var query = store.QuerySession("shangrao");
            var verification = await EventChainStamp.VerifyAsync(query, new ChainKey(System.Text.Encoding.UTF8.GetBytes(ChainKeySetting)), Guid.Parse(WaitingId), CancellationToken.None);
            Assert.True(verification.Intact && verification.EventsChecked == 4, verification.Summary);
        }
        finally
        {
            await TestDatabase.DropAsync(owner);
        }
    }
}
