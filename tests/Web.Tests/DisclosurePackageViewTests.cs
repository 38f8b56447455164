using System.Text.RegularExpressions;
using Approval.Web.Tests.Infrastructure;
using Approval.Workflow.Submissions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Web.Tests;

/// <summary>
/// Seed 002's 部门决算公开 package imported by the 填报人, scored and opened: each 公开表 in the layout the seed prints
/// (01 two-sided, 06 in three groups, 07 counting 74 not 74.00, 08/09 本表无数据), findings on their cells and
/// sentences, reachable from the findings list; on paper one sheet per table, the wide ones landscape.
/// </summary>
[Collection(SecondBrowserLane.Name)]
public class DisclosurePackageViewTests(LiveApp app) : BrowserTest(app)
{
    private async Task<Guid> ImportAndScoreSeed002()
    {
        var id = await Import("prep", SubmissionKind.FinalAccountsDisclosure, "002.txt", await File.ReadAllTextAsync(SeedPath("002_3e97706fd429c0f0.txt")), "2021年度部门决算公开");
        await Score("prep", id, version: 1);
        return id;
    }

    [Fact]
    public async Task Seed_002_package_shows_each_table_in_its_layout_with_findings_on_cells_and_prints_a_sheet_per_table()
    {
        var id = await ImportAndScoreSeed002();
        var page = await SignIn("prep");
        await page.SetViewportSizeAsync(1440, 900);
        await page.GotoAsync($"/submissions/{id}");

        var tables = page.Locator("section.disclosure-table");
        await Expect(tables).ToHaveCountAsync(10);
        await Expect(page.Locator("#disclosure-toc li")).ToHaveCountAsync(13); // ten tables, the 情况说明, 附件2 and 附件4
        await Expect(page.Locator("#disclosure-toc li").Nth(12)).ToHaveTextAsync("附件4 项目支出绩效自评表「“赣服通”上饶分厅4.0版项目」");

        // 01: two-sided, 收入 beside 支出 — 行次 27 beside 58, the empty left lines keep their 行次, 总计 once per side.
        var t01 = Section(0);
        await Expect(t01.Locator(".paper-unit-line")).ToContainTextAsync("编制单位：大数据发展管理局");
        await Expect(t01.Locator(".paper-unit-line")).ToContainTextAsync("2021年度");
        await Expect(t01.Locator(".paper-unit-line")).ToContainTextAsync("公开01表　金额单位：万元");
        var totalsRow = t01.Locator("tbody tr", new() { Has = page.Locator("td[data-section='收入']", new() { HasText = "本年收入合计" }) });
        await Expect(totalsRow.Locator("td[data-section='支出']")).ToHaveTextAsync("本年支出合计");
        await Expect(totalsRow.Locator("td.line")).ToHaveTextAsync(["27", "58"]);
        await Expect(t01.Locator("tbody tr").Nth(8).Locator("td")).ToHaveTextAsync(["", "9", "", "九、卫生健康支出", "40", "0.00"]);
        await Expect(t01.Locator("tbody td.name", new() { HasText = "总计" })).ToHaveCountAsync(2);
        await Expect(t01.Locator("tbody tr")).ToHaveCountAsync(31);

        // 04: the income side one amount column, the expense side four, each with its own 栏次.
        var t04 = Section(3);
        await Expect(t04.Locator("thead tr.column-numbers th")).ToHaveTextAsync(["栏　次", "", "1", "栏　次", "", "2", "3", "4", "5"]);
        var fiscalRow = t04.Locator("tbody tr", new() { Has = page.Locator("td", new() { HasText = "年初财政拨款结转和结余" }) });
        await Expect(fiscalRow.Locator("td")).ToHaveCountAsync(9);
        await Expect(fiscalRow.Locator("td[data-cell]")).ToHaveCountAsync(5);

        // 03: codes with 类 bold and 项 indented.
        var t03 = Section(1);
        await Expect(t03.Locator("tr.lvl-1 td.name").First).ToHaveTextAsync("一般公共服务支出");
        await Expect(t03.Locator("tr.lvl-3 td.name").First).ToHaveTextAsync("行政运行");

        // 06: three groups of 编码 | 名称 | 金额, 人员经费合计 and 公用经费合计 at the foot.
        var t06 = Section(5);
        await Expect(t06.Locator("thead tr").Nth(1).Locator("th")).ToHaveCountAsync(9);
        var first06 = t06.Locator("tbody tr").First.Locator("td");
        await Expect(first06).ToHaveTextAsync(["301", "工资福利支出", "281.27", "302", "商品和服务支出", "33.65", "307", "债务利息及费用支出", "0.00"]);
        await Expect(t06.Locator("[data-total='5:人员经费合计']")).ToHaveTextAsync("294.39");
        await Expect(t06.Locator("[data-total='5:公用经费合计']")).ToHaveTextAsync("33.86");

        // 07: counts as counts, "-" where the form prints "-"; 10 in 台、辆、套.
        var t07 = Section(6);
        var foreign = t07.Locator("tbody tr", new() { Has = page.Locator("td.name", new() { HasText = "国内公务接待批次" }) });
        await Expect(foreign.Locator("td.num")).ToHaveTextAsync(["-", "74"]);
        await Expect(t07.Locator("tbody tr", new() { Has = page.Locator("td.name", new() { HasText = "国内公务接待人次" }) }).Locator("td.num")).ToHaveTextAsync(["-", "562"]);
        await Expect(t07.Locator("tbody")).Not.ToContainTextAsync("74.00");
        // each count with the unit its row states, beside the figure (the cell's text stays the figure)
        await Expect(foreign.Locator("td.num").Nth(1)).ToHaveAttributeAsync("data-unit", "个");
        await Expect(foreign.Locator("td.num").Nth(0)).Not.ToHaveAttributeAsync("data-unit", new Regex("."));
        Assert.Equal("个", await foreign.Locator("td.num").Nth(1).EvaluateAsync<string>("c => getComputedStyle(c, '::after').content.replace(/[\"\u00a0]/g, '')"));
        await Expect(t07.Locator("tbody tr", new() { Has = page.Locator("td.name", new() { HasText = "国内公务接待人次" }) }).Locator("td.num").Nth(1)).ToHaveAttributeAsync("data-unit", "人");
        var t10 = Section(9);
        await Expect(t10.Locator(".paper-unit-line")).ToContainTextAsync("单位：台、辆、套");
        await Expect(t10.Locator("tbody tr").First.Locator("td.num")).ToHaveTextAsync("1");
        await Expect(t10.Locator("tbody tr").First.Locator("td.num")).ToHaveAttributeAsync("data-unit", "台/辆");

        // 08 and 09: nothing to publish.
        await Expect(Section(7).Locator("td.no-data")).ToHaveTextAsync("本表无数据");
        await Expect(Section(8).Locator("td.no-data")).ToHaveTextAsync("本表无数据");

        // Findings on their cells: 06's 301 does not add up to its lines by 0.02 (尾差), the 公用经费合计 by 0.01.
        var cell301 = t06.Locator("td[data-cell]", new() { HasText = "281.27" });
        await Expect(cell301).ToHaveClassAsync(new Regex(@"\bflag-rounding\b"));
        Assert.Contains("DT06-HEADING", await cell301.GetAttributeAsync("title"));
        await Expect(t06.Locator("[data-total='5:公用经费合计']")).ToHaveClassAsync(new Regex(@"\bflag-rounding\b"));
        var link = page.Locator("#findings a.finding-link", new() { HasText = "301 工资福利支出" });
        await page.EvaluateAsync("window.scrollTo(0, document.body.scrollHeight)");
        await link.ClickAsync();
        await Expect(cell301).ToHaveClassAsync(new Regex(@"\bfinding-focus\b"));
        await Expect(cell301).ToBeInViewportAsync();

        // The 情况说明 as paragraphs, with the sentence a narrative finding concerns highlighted and reachable from its entry.
        var narrative = page.Locator("#narrative");
        await Expect(narrative.Locator("h3.narr-heading", new() { HasText = "一、收入决算情况说明" })).ToHaveCountAsync(1);
        await Expect(narrative.Locator("p.narr", new() { HasText = "较2020年增加11.06 万元，增长 84%" })).ToHaveCountAsync(1); // joined across the PDF's break
        var mark = narrative.Locator("mark.finding-mark", new() { HasText = "增长 84%" });
        await Expect(mark).ToHaveCountAsync(1);
        await Expect(mark).ToHaveClassAsync(new Regex(@"\bflag-error\b"));
        var marks = await narrative.Locator("mark.finding-mark[id^='narrative-finding-']").EvaluateAllAsync<string[]>("ms => ms.map(m => m.id)");
        Assert.Equal(marks.Length, marks.Distinct().Count());
        var narrativeLink = page.Locator("#findings a.finding-link", new() { HasText = "增长84%" });
        await narrativeLink.ClickAsync();
        await Expect(mark).ToHaveClassAsync(new Regex(@"\bfinding-focus\b"));
        await Expect(mark).ToBeInViewportAsync();

        // markFindings is idempotent: a second call with the same findings leaves the same marks.
        var before = await page.Locator("#disclosure").InnerHTMLAsync();
        await page.EvaluateAsync(@"async () => {
            const { markFindings } = await import('/js/disclosure-findings.js');
            const data = JSON.parse(document.getElementById('submission-data').textContent);
            markFindings(document.getElementById('disclosure'), data.score.findings);
            markFindings(document.getElementById('disclosure'), data.score.findings); }");
        Assert.Equal(Regex.Replace(before, " finding-focus", ""), Regex.Replace(await page.Locator("#disclosure").InnerHTMLAsync(), " finding-focus", ""));

        for (var i = 0; i < 10; i++)
            await Section(i).ScreenshotAsync(new() { Path = Path.Combine(Shots, $"disclosure-seed002-table-{i + 1:00}.png") });
        await narrative.ScreenshotAsync(new() { Path = Path.Combine(Shots, "disclosure-seed002-narrative.png") });

        // On paper: each table on a sheet of its own (01, 02, 03, 04, 06, 08 landscape), then the 情况说明 (seed 002's runs long).
        var pngs = await PrintedPages.PrintAsync(page, "disclosure-seed002");
        var (pages, _) = await PrintedPages.InfoAsync("disclosure-seed002");
        Assert.Equal(pngs.Count, pages);
        var sizes = await PrintedPages.SizesAsync("disclosure-seed002");
        Assert.Equal(pages, sizes.Count);
        var sheets = (await PrintedPages.TextAsync("disclosure-seed002")).Split('\f');
        string[] titles = ["收入支出决算总表", "收入决算表", "支出决算表", "财政收支决算表", "一般公共预算财政拨款支出决算表", "一般公共预算财政拨款基本支出决算表",
            "一般公共预算财政拨款“三公”经费支出决算表", "政府性基金预算财政拨款收入支出决算表", "国有资本经营预算财政拨款支出决算表", "国有资产占用情况表"];
        bool[] landscape = [true, true, true, true, false, true, false, true, false, false];
        for (var k = 0; k < titles.Length; k++)
        {
            // Sheet k is table k: one sheet each, titled at its top, in its orientation.
            Assert.Equal(titles[k], sheets[k].Trim().Split('\n')[0].Trim());
            Assert.True(landscape[k] == sizes[k].Width > sizes[k].Height, $"{titles[k]}: {sizes[k]}");
        }
        // 公开01表 … 公开10表 in their order though seed 002 prints 03 before 02; each sheet's notes under its own table.
        for (var k = 0; k < titles.Length; k++)
            Assert.Contains($"公开{k + 1:00}表", sheets[k]);
        Assert.Contains("注：本表反映部门本年度取得的各项收入情况。", sheets[1]);
        Assert.Contains("注：本表反映部门本年度各项支出情况。", sheets[2]);
        Assert.Matches(@"说明：当此表数据为空时，即本部门（单位）无\s*相关资产。", sheets[9]);
        Assert.Matches(@"公用支出合计\s+33\.86", sheets[5]); // as seed 002 prints it
        Assert.Contains("本年支出合计", sheets[0]);
        Assert.Contains("1,664.55", sheets[0]);
        Assert.Contains("人员经费合计", sheets[5]);
        Assert.Contains("562", sheets[6]);
        Assert.Contains("本表无数据", sheets[7]);
        Assert.StartsWith("部门决算情况说明", sheets[10].Trim(), StringComparison.Ordinal);
        // The 情况说明 in its parts, 一 … 九 in order, before the rest of the text (目录, 概况, 名词解释); no table's note in it.
        var explanation = string.Concat(sheets.Skip(10));
        string[] parts = ["一、收入决算情况说明", "二、支出决算情况说明", "三、财政拨款支出决算情况说明", "四、一般公共预算财政拨款基本支出决算情况说明",
            "五、一般公共预算财政拨款“三公”经费支出决算情况说明", "六、机关运行经费支出情况说明", "七、政府采购支出情况说明", "八、国有资产占用情况说明", "九、预算绩效情况说明"];
        var at = parts.Select(part => explanation.IndexOf(part, StringComparison.Ordinal)).ToList();
        Assert.All(at, position => Assert.True(position >= 0));
        Assert.Equal(at.Order(), at);
        Assert.True(at[0] < explanation.IndexOf("第一部分", StringComparison.Ordinal), "the 情况说明 comes before the rest of the text");
        Assert.DoesNotContain("本表反映", explanation);
        Assert.DoesNotContain("评分并检查", string.Concat(sheets));
        // then the attached 自评表, each starting a sheet of its own under its 附件 label
        Assert.Contains(sheets.Skip(11), s => s.Trim().StartsWith("附件2", StringComparison.Ordinal) && s.Contains("项目支出绩效自评表", StringComparison.Ordinal));
        Assert.Contains(sheets.Skip(11), s => s.Trim().StartsWith("附件4", StringComparison.Ordinal));

        ILocator Section(int index) => page.Locator($"section#table-{index}[data-table='{index}']");
    }
}
