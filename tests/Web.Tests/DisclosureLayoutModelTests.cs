using Approval.Web.Pages.Disclosure;
using Approval.Workflow.Disclosure;

namespace Approval.Web.Tests;

/// <summary>The layout model of the 公开表 over every seed that has them: rows of the two-sided forms, 06's groups, the 情况说明's paragraphs.</summary>
public class DisclosureLayoutModelTests
{
    [Theory]
    [InlineData("002_3e97706fd429c0f0.txt", 31, 32)]
    [InlineData("003_ba354a0d5473f1fe.txt", null, null)]
    [InlineData("004_00e7fe4b0ab0df23.txt", null, null)]
    public void Every_seed_lays_out_without_losing_a_row(string seed, int? lines01, int? lines04)
    {
        var report = Samples.Seed(seed);
        var view = new DisclosurePackageView(report.Tables, report.Narrative, 2021);
        foreach (var t in view.TableViews)
        {
            var shown = t.Layout switch
            {
                DisclosureLayout.TwoSided => t.TwoSidedLines().SelectMany(l => new[] { l.Left, l.Right }).OfType<int>().ToList(),
                DisclosureLayout.BasicExpenditure => [.. t.BasicGroups().SelectMany(g => g)],
                _ => [.. t.Indexed().Select(p => p.Index)],
            };
            Assert.Equal(Enumerable.Range(0, t.Table.Rows.Count), shown.Order()); // each row exactly once
            if (t.Table.Kind == DisclosureTableKind.IncomeExpenditureSummary && lines01 is { } n01) Assert.Equal(n01, t.TwoSidedLines().Count);
            if (t.Table.Kind == DisclosureTableKind.FiscalAppropriationSummary && lines04 is { } n04) Assert.Equal(n04, t.TwoSidedLines().Count);
        }
        Assert.NotEmpty(view.NarrativeBlocks);
    }

    [Fact]
    public void Narrative_joins_hard_breaks_and_keeps_numbered_headings_apart()
    {
        var blocks = NarrativeText.Blocks("### 一、收入决算情况说明\n\n本部门收入\n总计 1664.55 万元，较2020年增加\n\n11.06 万元，增长 84%。\n\n（一）工资福利支出294.39万元。\n");
        Assert.Equal(
        [
            new NarrativeBlock(true, "一、收入决算情况说明"),
            new NarrativeBlock(false, "本部门收入总计 1664.55 万元，较2020年增加11.06 万元，增长 84%。"),
            new NarrativeBlock(false, "（一）工资福利支出294.39万元。"),
        ], blocks);
    }
}
