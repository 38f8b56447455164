using Approval.Workflow.Disclosure;
using Approval.Workflow.Submissions;

namespace Approval.Workflow.Tests;

/// <summary>What "与上一轮相比的修改" says of a 决算公开 package: each changed cell with its old and new figure, rows by name, the 情况说明 by passage.</summary>
public class DisclosureDiffTests
{
    private static SubmissionContent Package()
    {
        var report = Seeds.Import(Seeds.ShangraoBigData2021);
        return new SubmissionContent { Disclosure = new DisclosurePackage(report.Tables, report.Narrative) };
    }

    private static SubmissionContent With(SubmissionContent content, DisclosureTableKind kind, Func<DisclosureTable, DisclosureTable> change) =>
        content with { Disclosure = content.Disclosure! with { Tables = content.Disclosure.Tables.Select(t => t.Kind == kind ? change(t) : t).ToList() } };

    private static DisclosureTable SetCell(DisclosureTable table, Func<TableRow, bool> which, int column, decimal? value) =>
        table with
        {
            Rows = table.Rows.Select(r => which(r) ? r with { Values = r.Values.Select((v, c) => c == column ? value : v).ToList() } : r).ToList(),
        };

    [Fact]
    public void A_changed_cell_is_named_by_table_row_and_column_with_old_and_new_figure()
    {
        var before = Package();
        var after = With(before, DisclosureTableKind.IncomeExpenditureSummary, t => SetCell(t, r => r.Name == "本年支出合计", 0, 1664.67m));

        var changes = ContentDiff.Between(before, after);

        Assert.Equal(["公开01表 收入支出决算总表「本年支出合计」决算数：1,664.55 → 1,664.67"], changes);
    }

    [Fact]
    public void The_same_name_on_both_sides_says_which_side_and_counts_stay_whole_numbers()
    {
        var before = Package();
        var after = With(before, DisclosureTableKind.IncomeExpenditureSummary, t => SetCell(t, r => r.Name.Contains("总计", StringComparison.Ordinal) && r.Section == "支出", 0, 1700m));
        after = With(after, DisclosureTableKind.ThreePublicExpenses, t => SetCell(t, r => r.Name.StartsWith("5.国内公务接待批次", StringComparison.Ordinal), 1, 75m));

        var changes = ContentDiff.Between(before, after);

        Assert.Contains(changes, c => c.StartsWith("公开01表 收入支出决算总表「支出 总计」决算数：", StringComparison.Ordinal) && c.EndsWith("→ 1,700.00", StringComparison.Ordinal));
        Assert.Contains(changes, c => c.EndsWith("「5.国内公务接待批次（个）」决算数：74 → 75", StringComparison.Ordinal));
    }

    [Fact]
    public void Rows_added_and_removed_are_named_and_stated_totals_are_compared()
    {
        var before = Package();
        var after = With(before, DisclosureTableKind.Expenditure, t => t with
        {
            Rows = [.. t.Rows.Where(r => r.Code != "2150599"), new TableRow(null, "", "2010499", "其他发展与改革事务支出", null, [1.5m, 1.5m, 0m])],
        });
        after = With(after, DisclosureTableKind.GeneralBudgetBasicExpenditure, t => t with
        {
            StatedTotals = t.StatedTotals.ToDictionary(p => p.Key, p => p.Key == "人员经费合计" ? p.Value + 1 : p.Value),
        });
        var removedRow = before.Disclosure!.Tables.Single(t => t.Kind == DisclosureTableKind.Expenditure).Rows.Single(r => r.Code == "2150599");
        var personnel = before.Disclosure.Tables.Single(t => t.Kind == DisclosureTableKind.GeneralBudgetBasicExpenditure).StatedTotals["人员经费合计"];

        var changes = ContentDiff.Between(before, after);

        Assert.Contains($"公开03表 支出决算表：删除行「2150599 {removedRow.Name}」", changes);
        Assert.Contains("公开03表 支出决算表：新增行「2010499 其他发展与改革事务支出」（本年支出合计 1.50、基本支出 1.50、项目支出 0.00）", changes);
        Assert.Contains($"公开06表 一般公共预算财政拨款基本支出决算表「人员经费合计」：{DisclosureDiff.Figure(personnel, false)} → {DisclosureDiff.Figure(personnel + 1, false)}", changes);
    }

    [Fact]
    public void A_sentence_of_the_narrative_changed_shows_its_paragraph_and_old_and_new_text_around_the_change()
    {
        var before = Package();
        var narrative = before.Disclosure!.Narrative;
        var sentence = narrative.Split('。').First(s => s.Contains("1,664.55", StringComparison.Ordinal) || s.Contains("1664.55", StringComparison.Ordinal));
        var fixedSentence = sentence.Replace("1,664.55", "1,664.67").Replace("1664.55", "1664.67");
        var after = before with { Disclosure = before.Disclosure with { Narrative = narrative.Replace(sentence, fixedSentence) } };

        var changes = ContentDiff.Between(before, after);

        var change = Assert.Single(changes);
        Assert.StartsWith("情况说明第 ", change);
        Assert.Contains("1,664.55", change.Replace("1664.55", "1,664.55"));
        Assert.Contains("→「", change);
        Assert.True(change.Length < 400, change);
    }

    [Fact]
    public void Added_and_removed_paragraphs_of_the_narrative_are_named()
    {
        var changes = new List<string>();
        NarrativeDiff.Between("第一段。\n第二段有两句。第二句。", "第一段。\n第二段有两句。改过的第二句。\n新的第三段。", changes);
        Assert.Equal(["情况说明第 2 段：「第二句。」→「改过的第二句。新的第三段。」"], changes);

        changes.Clear();
        NarrativeDiff.Between("第一段。\n第二段。\n第三段。", "第一段。\n第三段。", changes);
        Assert.Equal(["情况说明第 2 段：删除「第二段。」"], changes);

        changes.Clear();
        NarrativeDiff.Between("第一段。", "第一段。 \r\n", changes);
        Assert.Equal(["情况说明：空白或换行调整"], changes);
    }

    [Fact]
    public void A_long_changed_sentence_is_cut_around_the_change()
    {
        var head = new string('甲', 200);
        var tail = new string('乙', 200);
        var changes = new List<string>();
        NarrativeDiff.Between($"{head}支出 10.00 万元{tail}。", $"{head}支出 12.00 万元{tail}。", changes);
        var change = Assert.Single(changes);
        Assert.Contains("支出 10.00 万元", change);
        Assert.Contains("支出 12.00 万元", change);
        Assert.True(change.Length < 260, change);
    }
}
