using System.Globalization;
using Approval.Workflow.Checking;
using Approval.Workflow.Summary;

namespace Approval.Workflow.Import;

/// <summary>
/// The 汇总审核表 as a grid, one table row per tab-separated line (an xlsx sheet, or the text copied out of one): columns stand
/// where the row's 序号 stands — 预算单位, 项目名称, 年初预算数, 年中追加/追减数, 小计, 全年执行数, 绩效自评得分 — so a blank
/// cell is a blank, not guessed as in the one-cell-per-line text.
/// </summary>
internal static class SummaryReviewGridParser
{
    /// <summary>The table read from the lines after its title; null when they hold no grid row numbered 1.</summary>
    public static SummaryReviewTable? Parse(IReadOnlyList<string> lines, int? year)
    {
        var grid = lines.Where(l => l.Contains('\t')).Select(l => l.Split('\t').Select(c => Money.Clean(c).Trim()).ToArray()).ToList();
        var first = grid.FindIndex(c => SequenceColumn(c, 1) >= 0);
        if (first < 0) return null;
        var origin = SequenceColumn(grid[first], 1);

        var rows = new List<SummaryRow>();
        SummaryTotals? totals = null;
        decimal? average = null, expenditure = null, coverage = null;
        int? count = null;
        string? supervising = null;
        foreach (var cells in grid.Take(first))
            if (cells.FirstOrDefault(c => c.StartsWith("主管部门", StringComparison.Ordinal)) is { } s)
                supervising = s["主管部门".Length..].TrimStart('：', ':').Trim();
        foreach (var cells in grid.Skip(first))
        {
            string Cell(int offset) => origin + offset < cells.Length ? cells[origin + offset] : "";
            decimal? Figure(int offset) => Money.TryParse(Cell(offset), out var v) ? v : null;
            if (SequenceColumn(cells, rows.Count + 1) == origin)
            {
                rows.Add(new SummaryRow(rows.Count + 1, Cell(1), Cell(2), Figure(3), Figure(4), Figure(5), Figure(6), Figure(7)));
                continue;
            }
            var label = string.Concat(cells.Where(c => c.Length > 0 && !Money.IsNumber(c)));
            if (label.Contains("合计", StringComparison.Ordinal) && totals is null)
                totals = new SummaryTotals(Figure(3), Figure(4), Figure(5), Figure(6));
            else if (label.Contains("平均分", StringComparison.Ordinal))
                average = cells.LastOrDefault(c => c.Length > 0 && Money.IsNumber(c)) is { } a && Money.TryParse(a, out var v) ? v : null;
            else if (label.Contains("项目支出总额", StringComparison.Ordinal) && !label.Contains('占', StringComparison.Ordinal))
            {
                expenditure = FigureAfter(cells, c => c.Contains("项目支出总额", StringComparison.Ordinal));
                if (FigureAfter(cells, c => c.Contains("总个数", StringComparison.Ordinal)) is { } n && decimal.IsInteger(n)) count = (int)n;
            }
            else if (label.Contains("项目支出总额", StringComparison.Ordinal))
                coverage = cells.Select(Percent).LastOrDefault(v => v is not null);
        }
        var units = rows.Select(r => r.Unit).Where(u => u.Length > 0).Distinct().ToList();
        return new SummaryReviewTable
        {
            Unit = units.Count == 1 ? units[0] : supervising ?? "",
            Year = year,
            Rows = rows,
            StatedTotals = totals,
            StatedAverage = average,
            UnitProjectExpenditure = expenditure,
            UnitProjectCount = count,
            StatedCoveragePercent = coverage,
        };
    }

    /// <summary>The column of a row's 序号 <paramref name="sequence"/> when it is the row's first cell and text follows it; −1 otherwise.</summary>
    private static int SequenceColumn(string[] cells, int sequence)
    {
        var index = Array.FindIndex(cells, c => c.Length > 0);
        return index >= 0 && cells[index] == sequence.ToString(CultureInfo.InvariantCulture)
            && cells.Skip(index + 1).Any(c => c.Length > 0 && !Money.IsNumber(c)) ? index : -1;
    }

    /// <summary>The coverage as printed: "70.42%" (a cell formatted as a percentage reads so) or the bare 70.42 of a "%"-suffixed format.</summary>
    private static decimal? Percent(string cell) => Money.TryParse(cell.EndsWith('%') ? cell[..^1] : cell, out var v) ? v : null;

    private static decimal? FigureAfter(string[] cells, Func<string, bool> label)
    {
        var index = Array.FindIndex(cells, c => label(c));
        if (index < 0) return null;
        var next = cells.Skip(index + 1).FirstOrDefault(c => c.Length > 0);
        return next is not null && Money.TryParse(next, out var v) ? v : null;
    }
}
