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

    [Theory]
    [InlineData("002_3e97706fd429c0f0.txt")]
    [InlineData("003_ba354a0d5473f1fe.txt")]
    [InlineData("004_00e7fe4b0ab0df23.txt")]
    public void The_情况说明_is_its_parts_in_order_and_the_tables_01_to_10(string seed)
    {
        var report = Samples.Seed(seed);
        var view = new DisclosurePackageView(report.Tables, report.Narrative, 2021);
        var positions = view.TableViews.Select(t => t.OfficialPosition).ToList();
        Assert.Equal(positions.Order(), positions);
        var (explanation, others) = view.ArrangedNarrative;
        Assert.Equal(view.NarrativeBlocks.Count, explanation.Count + others.Count); // nothing lost, nothing twice
        var parts = explanation.Select(b => System.Text.RegularExpressions.Regex.Match(b.Text.Replace(" ", ""), "^([一二三四五六七八九])、.*情况说明"))
            .Where(m => m.Success).Select(m => "一二三四五六七八九".IndexOf(m.Groups[1].Value, StringComparison.Ordinal) + 1).ToList();
        Assert.True(parts.Count >= 3, string.Join(",", parts));
        Assert.Equal(parts.Order().Distinct(), parts); // each part once, in its order
        Assert.Equal(1, parts[0]);
    }

    [Fact]
    public void A_part_listed_in_the_contents_and_stated_later_is_taken_where_its_text_is()
    {
        var blocks = NarrativeText.Blocks("目录\n- 一、收入决算情况说明\n- 二、支出决算情况说明\n# 概况\n本部门……\n### 二、支出决算情况说明\n支出总计 10 万元。\n### 一、收入决算情况说明\n收入总计 10 万元。\n第四部分 名词解释\n1.财政拨款收入。");
        var (explanation, others) = NarrativeParts.Arrange(blocks);
        Assert.Equal(["一、收入决算情况说明", "收入总计 10 万元。", "二、支出决算情况说明", "支出总计 10 万元。"], explanation.Select(b => b.Text));
        Assert.Equal(["目录", "一、收入决算情况说明", "二、支出决算情况说明", "概况", "本部门……", "第四部分 名词解释", "1.财政拨款收入。"], others.Select(b => b.Text));
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
