using Approval.Web.Tests.Infrastructure;
using Approval.Workflow.Submissions;
using Microsoft.Playwright;

namespace Approval.Web.Tests;

/// <summary>
/// Every page, as the roles that may see it, on a desktop (1440 px) and a phone (390 px): axe-core finds no serious or
/// critical violation, and on the phone the page never scrolls sideways (wide official tables scroll in their own box).
/// Screenshots: TestResults/screenshots/a11y-{width}-{page}.png.
/// </summary>
[Collection(HeavyCollection.Name)]
public class AccessibilityBrowserTests(LiveApp app) : BrowserTest(app)
{
    /// <summary>The scene: a 自评表 as a draft, one in review, one published; a 决算公开 package; a 部门整体 report.</summary>
    private async Task<Dictionary<string, (string User, string Url)>> Scene()
    {
        var draft = await Reports.Scored(title: "无障碍测试 自评表草稿");
        var inReview = await Reports.Submitted(title: "无障碍测试 自评表审核中");
        await Reports.Step("rev", inReview, "claim");
        var published = await Reports.Published(title: "无障碍测试 自评表已公开",
            publication: new { indexNumber = "A11Y-1", publisher = "上饶市大数据发展管理局", confidentialityReviewed = true, principalSigned = true });
        var disclosure = await Import("prep", SubmissionKind.FinalAccountsDisclosure, "002_3e97706fd429c0f0.txt",
            await File.ReadAllTextAsync(SeedPath("002_3e97706fd429c0f0.txt")), "无障碍测试 决算公开");
        await Reports.Step("prep", disclosure, "score");
        var department = await Import("prep-yy", SubmissionKind.DepartmentSelfEvaluation, "001_de08246b7e89c2ac.txt",
            await File.ReadAllTextAsync(SeedPath("001_de08246b7e89c2ac.txt")), "无障碍测试 部门整体");
        await Reports.Step("prep-yy", department, "score");
        return new()
        {
            ["home"] = ("prep", "/"),
            ["login"] = ("", "/login"),
            ["submissions"] = ("prep", "/submissions"),
            ["form-draft"] = ("prep", $"/submissions/{draft}"),
            ["form-review"] = ("rev", $"/submissions/{inReview}"),
            ["disclosure"] = ("prep", $"/submissions/{disclosure}"),
            ["department"] = ("prep-yy", $"/submissions/{department}"),
            ["summary"] = ("prep", "/units/U-BD/summary/2021"),
            ["review"] = ("rev", "/review"),
            ["dashboard"] = ("rev", "/dashboard"),
            ["spot-checks"] = ("rev", "/spot-checks"),
            ["spot-check-results"] = ("rev", "/spot-checks/results"),
            ["deadlines"] = ("rev", "/deadlines"),
            ["admin-deadlines"] = ("admin", "/admin/deadlines"),
            ["audit"] = ("audit", "/audit"),
            ["audit-detail"] = ("audit", $"/audit/{published}"),
            ["public"] = ("", "/public"),
            ["public-report"] = ("", $"/public/{published}"),
            ["province"] = ("audit-province", "/province"),
            ["province-trail"] = ("audit-province", $"/province/{TestOrganization.Tenant}/{published}"),
            ["province-reads"] = ("audit", "/audit/province-reads"),
        };
    }

    [Fact]
    public async Task Every_page_is_accessible_and_fits_a_phone()
    {
        var pages = await Scene();
        var people = new Dictionary<string, IPage>();
        var failures = new List<string>();
        foreach (var (name, (user, url)) in pages)
        {
            if (!people.TryGetValue(user, out var page))
                people[user] = page = user == "" ? await (await People.NewPersonAsync()).NewPageAsync() : await SignIn(user);
            foreach (var width in new[] { 1440, 390 })
            {
                await page.SetViewportSizeAsync(width, width == 390 ? 844 : 1000);
                var response = await page.GotoAsync(url);
                Assert.True(response?.Ok == true, $"{url} as {user}: {response?.Status}");
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                await Shot(page, $"a11y-{width}-{name}");
                try { await AssertAccessible(page); } catch (Exception e) { failures.Add($"{name} @{width}: {e.Message}"); }
                if (name == "dashboard")
                    try { await AssertTablesInsideTheirCard(page, "#d-credibility"); } catch (Exception e) { failures.Add($"{name} @{width}: {e.Message}"); }
                if (width == 390)
                    try { await AssertNoSidewaysScroll(page); } catch (Exception e) { failures.Add($"{name} @{width}: {e.Message}"); }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    [Fact]
    public async Task The_check_itself_finds_a_planted_violation()
    {
        var page = await (await People.NewPersonAsync()).NewPageAsync();
        await page.SetContentAsync("<html lang=\"zh-CN\"><head><title>t</title></head><body><main><img src=\"x.png\"><input type=\"text\"></main></body></html>");
        var failure = await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(() => AssertAccessible(page));
        Assert.Contains("image-alt", failure.Message);
        Assert.Contains("label", failure.Message);
    }

    /// <summary>Every table of the card ends inside the card's box (a wider table scrolls within its .table-scroll), nothing cut off.</summary>
    private static async Task AssertTablesInsideTheirCard(IPage page, string card)
    {
        await page.Locator($"{card} tbody tr").First.WaitForAsync();
        var cut = await page.EvaluateAsync<string>($$"""
            () => {
              const card = document.querySelector("{{card}}").getBoundingClientRect();
              return [...document.querySelectorAll("{{card}} .table-scroll")].flatMap(box => {
                const b = box.getBoundingClientRect();
                const wide = box.scrollWidth > box.clientWidth + 1 && getComputedStyle(box).overflowX === "visible";
                return b.right > card.right + 1 || wide ? [box.getAttribute("aria-label")] : [];
              }).join("、");
            }
            """);
        Assert.True(cut == "", $"{card}: cut off on the right: {cut}");
    }
}
