using System.Globalization;
using Approval.Workflow.Disclosure;

namespace Approval.Workflow.Submissions;

/// <summary>
/// What changed in a 决算公开 package, cell by cell: "公开01表 收入支出决算总表「本年支出合计」决算数：1,664.55 → 1,664.67",
/// rows added or removed by their code and name, 06's stated totals, and the 情况说明 by changed passage.
/// </summary>
public static class DisclosureDiff
{
    /// <summary>A re-import can change every cell: past this many, the rest is counted, not listed (the audit's full diff has them).</summary>
    public const int MaxCellChanges = 200;

    public static void Between(DisclosurePackage before, DisclosurePackage after, List<string> changes)
    {
        if (before.BudgetApprovedOn != after.BudgetApprovedOn)
            changes.Add($"批复日期：{Publishing.PublicationDeadline.Iso(before.BudgetApprovedOn)} → {Publishing.PublicationDeadline.Iso(after.BudgetApprovedOn)}");
        var cells = new List<string>();
        foreach (var table in after.Tables)
        {
            var old = before.Tables.FirstOrDefault(t => t.Kind == table.Kind);
            if (old is null) changes.Add($"{table.DisplayName}：新增（{table.Rows.Count} 行）");
            else Table(old, table, cells);
        }
        foreach (var removed in before.Tables.Where(t => after.Tables.All(n => n.Kind != t.Kind))) changes.Add($"{removed.DisplayName}：删除");
        changes.AddRange(cells.Take(MaxCellChanges));
        if (cells.Count > MaxCellChanges) changes.Add($"公开表：另有 {cells.Count - MaxCellChanges} 处数据变化");
        NarrativeDiff.Between(before.Narrative, after.Narrative, changes);
    }

    private static void Table(DisclosureTable a, DisclosureTable b, List<string> changes)
    {
        var name = b.DisplayName;
        if (a.Title != b.Title || a.Number != b.Number) changes.Add($"{a.DisplayName}：表名改为「{name}」");
        if (!a.Columns.SequenceEqual(b.Columns)) changes.Add($"{name} 栏目：{string.Join("、", a.Columns)} → {string.Join("、", b.Columns)}");
        if (a.Heading != b.Heading) changes.Add($"{name} 表头：{Heading(a.Heading)} → {Heading(b.Heading)}");

        var (pairs, removed, added) = RowMatching.Match(a.Rows, b.Rows);
        foreach (var (o, n) in pairs)
        {
            var label = RowLabel(b, n);
            if (o.Name != n.Name || o.Code != n.Code) changes.Add($"{name}：行「{RowLabel(a, o)}」改为「{label}」");
            if (o.LineNo != n.LineNo) changes.Add($"{name}「{label}」行次：{o.LineNo ?? "—"} → {n.LineNo ?? "—"}");
            var count = CountRows.IsCount(b, n);
            for (var c = 0; c < Math.Max(o.Values.Count, n.Values.Count); c++)
                if (o.Value(c) != n.Value(c))
                    changes.Add($"{name}「{label}」{Column(b, c)}：{Figure(o.Value(c), count)} → {Figure(n.Value(c), count)}");
        }
        foreach (var row in removed) changes.Add($"{name}：删除行「{RowLabel(a, row)}」");
        foreach (var row in added) changes.Add($"{name}：新增行「{RowLabel(b, row)}」（{string.Join("、", row.Values.Select((v, c) => $"{Column(b, c)} {Figure(v, CountRows.IsCount(b, row))}"))}）");

        foreach (var key in a.StatedTotals.Keys.Union(b.StatedTotals.Keys))
        {
            decimal? o = a.StatedTotals.TryGetValue(key, out var x) ? x : null, n = b.StatedTotals.TryGetValue(key, out var y) ? y : null;
            if (o != n) changes.Add($"{name}「{key}」：{Figure(o, false)} → {Figure(n, false)}");
        }
    }

    /// <summary>The row as a reader finds it: code and name, the side when the name occurs on both (01's 总计), the 行次 when it has no name.</summary>
    public static string RowLabel(DisclosureTable table, TableRow row)
    {
        if (string.IsNullOrWhiteSpace(row.Name) && row.Code is null) return row.LineNo is { } line ? $"第 {line} 行（空）" : "（空行）";
        var label = row.Label.Trim();
        var twice = table.Rows.Count(r => r.Name.Trim() == row.Name.Trim() && r.Code == row.Code) > 1;
        return twice && !string.IsNullOrEmpty(row.Section) ? $"{row.Section} {label}" : label;
    }

    public static string Column(DisclosureTable table, int c) => c < table.Columns.Count ? table.Columns[c] : $"第 {c + 1} 栏";

    /// <summary>万元 with thousands and two decimals, more when entered more precisely; counts as whole numbers; empty as —.</summary>
    public static string Figure(decimal? value, bool count) => value switch
    {
        null => "—",
        { } v when count => v.ToString("#,##0.######", CultureInfo.InvariantCulture),
        { } v => v.ToString("#,##0.00####", CultureInfo.InvariantCulture),
    };



    private static string Heading(DisclosureTableHeading? h) => h is null ? "—"
        : string.Join(" ", new[] { h.PreparingUnit is { } u ? $"编制单位：{u}" : null, h.Year is { } y ? $"{y}年度" : null, h.Unit is { } m ? $"单位：{m}" : null }.Where(p => p is not null));
}
