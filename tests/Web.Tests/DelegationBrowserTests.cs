using Approval.Web.Tests.Infrastructure;
using Approval.Workflow.Submissions;
using static Microsoft.Playwright.Assertions;

namespace Approval.Web.Tests;

/// <summary>
/// 委托 in a real browser: 张经办 hands his queue to 钱经办 (another section of the bureau) for today; 钱经办 signs in, finds
/// the report 张经办 holds in his queue marked 代 张经办, approves it, and the signature block and the history show both names.
/// Screenshots: delegation-*.png.
/// </summary>
[Collection(HeavyCollection.Name)]
public class DelegationBrowserTests(LiveApp app) : BrowserTest(app)
{
    [Fact]
    public async Task A_reviewer_grants_a_delegation_and_the_stand_in_approves_the_held_item_with_both_names_in_the_history()
    {
        const string title = "委托代审项目（浏览器测试）";
        var content = Samples.InYear(Samples.YiyangProject(title, 100m, 95m, 91.5m), 2042);
        var id = (await PostAs("prep", "/api/submissions", new { fiscalYear = 2042, kind = SubmissionKind.ProjectSelfEvaluation, title, content })).GetProperty("submissionId").GetGuid();
        await PostAs("prep", $"/api/submissions/{id}/score", new { version = 1 });
        await PostAs("prep", $"/api/submissions/{id}/submit", new { version = 2 });
        await PostAs("rev", $"/api/submissions/{id}/claim", new { version = 3 });

        // 张经办 grants today to 钱经办.
        var delegator = await SignIn("rev");
        await delegator.GotoAsync("/review");
        await delegator.ClickAsync("#delegations-link");
        await Expect(delegator.Locator("h1")).ToHaveTextAsync("委托代审");
        await delegator.SelectOptionAsync("#delegation-stand-in", "rev-other");
        await delegator.FillAsync("#delegation-reason", "外出培训");
        await Shot(delegator, "delegation-01-grant-form");
        await delegator.ClickAsync("#delegation-grant");
        await Expect(delegator.Locator("#admin-note")).ToContainTextAsync("已委托 钱经办");
        var row = delegator.Locator("#delegations tbody tr", new() { HasText = "钱经办" });
        await Expect(row.Locator(".delegation-standing")).ToHaveTextAsync("生效中");
        await Expect(row).ToContainTextAsync("经济建设股");
        await Shot(delegator, "delegation-02-granted");

        // 钱经办 sees 张经办's item in his queue, marked 代 张经办, and approves it.
        var standIn = await SignIn("rev-other");
        await standIn.GotoAsync("/review");
        var item = standIn.Locator("#queue tbody tr", new() { HasText = title });
        await Expect(item.Locator(".delegated-for")).ToHaveTextAsync("代 张经办");
        await Expect(item.Locator(".holder")).ToContainTextAsync("张经办");
        await Shot(standIn, "delegation-03-stand-in-queue");
        await item.Locator("a").First.ClickAsync();
        await Expect(standIn.Locator("#signature")).ToHaveTextAsync("钱经办（代 张经办）");
        await Shot(standIn, "delegation-04-stand-in-approve");
        await standIn.ClickAsync("#approve");
        await Expect(standIn.Locator("#confirm-dialog")).ToContainTextAsync("审核通过");
        await standIn.ClickAsync("#confirm-ok");
        await Expect(standIn.Locator("#review-officer")).ToHaveTextAsync("钱经办（代 张经办）");
        await Shot(standIn, "delegation-05-approved");

        // The history (the audit trail page) names both.
        await standIn.GotoAsync($"/audit/{id}");
        await Expect(standIn.Locator("body")).ToContainTextAsync("钱经办（代 张经办）");
        await Expect(standIn.Locator("body")).ToContainTextAsync("审核通过");
        await Shot(standIn, "delegation-06-history");
    }
}
