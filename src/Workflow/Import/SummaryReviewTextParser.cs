using System.Globalization;
using System.Text.RegularExpressions;
using Approval.Workflow.Checking;
using Approval.Workflow.Summary;

namespace Approval.Workflow.Import;

/// <summary>
/// The 项目支出绩效自评情况汇总审核表 (附件4-1) in a report's text, as a PDF's text layer gives it (seed 001): one cell per line,
/// headers wrapped over several lines, a row as its 序号, the lines of 预算单位 and 项目名称, then one line of its figures.
/// A line of figures names no columns, so blanks are placed by rule: of a row's 年初预算数, 年中追加/追减数, 小计, 全年执行数 and
/// 得分 the 追加 is left out first (seed 001: "70 70 63 95.38"); of the 合计's four the 追加, then the 全年执行数 ("77.42 77.42").
/// A grid (a row per tab-separated line, as an xlsx sheet gives it) is read by <see cref="SummaryReviewGridParser"/>.
/// </summary>
public static partial class SummaryReviewTextParser
{
    public const string Title = "项目支出绩效自评情况汇总审核表";

    public static SummaryReviewTable? Parse(IReadOnlyList<(int Line, string Text)> lines)
    {
        var start = -1;
        for (var i = 0; i < lines.Count; i++)
            if (Compact(lines[i].Text) is var c && c.Contains(Title, StringComparison.Ordinal) && c.Length <= 40) start = i;
        if (start < 0) return null;
        var year = YearPattern().Match(Compact(lines[start].Text)) is { Success: true } y ? int.Parse(y.Groups[1].Value, CultureInfo.InvariantCulture) : (int?)null;
        if (SummaryReviewGridParser.Parse([.. lines.Skip(start + 1).Select(l => l.Text)], year) is { } grid) return grid;
        var cells = lines.Skip(start + 1).Select(l => l.Text.Trim()).Where(t => t.Length > 0).ToList();

        var rows = new List<(int Sequence, List<string> Words, decimal?[] Figures)>();
        var i2 = cells.FindIndex(c => c == "1");
        if (i2 < 0) return null;
        SummaryTotals? totals = null;
        decimal? average = null;
        while (i2 < cells.Count)
        {
            var cell = cells[i2];
            if (int.TryParse(cell, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) && sequence == rows.Count + 1)
            {
                var words = new List<string>();
                var j = i2 + 1;
                while (j < cells.Count && Figures(cells[j]) is null) words.Add(cells[j++]);
                if (j >= cells.Count) break;
                rows.Add((sequence, words, Figures(cells[j])!));
                i2 = j + 1;
                continue;
            }
            if (Compact(cell).Contains("合计", StringComparison.Ordinal) && i2 + 1 < cells.Count && Figures(cells[i2 + 1]) is { } t)
            {
                totals = TotalsOf(t);
                i2 += 2;
                continue;
            }
            if (Compact(cell).Contains("平均分", StringComparison.Ordinal) && i2 + 1 < cells.Count && Figures(cells[i2 + 1]) is [{ } a])
            {
                average = a;
                break;
            }
            if (!cell.Contains("平均", StringComparison.Ordinal) && Compact(cell) != "自评价") break;
            i2++;
        }
        if (rows.Count == 0) return null;

        var unitLines = CommonPrefix(rows.Select(r => r.Words).ToList());
        return new SummaryReviewTable
        {
            Unit = string.Concat(unitLines),
            Year = year,
            Rows = [.. rows.Select(r => RowOf(r.Sequence, string.Concat(unitLines), string.Concat(r.Words.Skip(unitLines.Count)), r.Figures))],
            StatedTotals = totals,
            StatedAverage = average,
        };
    }

    private static SummaryRow RowOf(int sequence, string unit, string project, decimal?[] f) => f.Length switch
    {
        >= 5 => new SummaryRow(sequence, unit, project, f[0], f[1], f[2], f[3], f[4]),
        4 => new SummaryRow(sequence, unit, project, f[0], null, f[1], f[2], f[3]),
        3 => new SummaryRow(sequence, unit, project, f[0], null, f[0], f[1], f[2]),
        _ => new SummaryRow(sequence, unit, project, null, null, null, null, f.LastOrDefault()),
    };

    private static SummaryTotals TotalsOf(decimal?[] f) => f.Length switch
    {
        >= 4 => new SummaryTotals(f[0], f[1], f[2], f[3]),
        3 => new SummaryTotals(f[0], null, f[1], f[2]),
        2 => new SummaryTotals(f[0], null, f[1], null),
        _ => new SummaryTotals(f.FirstOrDefault(), null, null, null),
    };

    /// <summary>The lines every row begins with: the 预算单位 (of one row alone, the lines up to one that ends like a unit's name).</summary>
    private static List<string> CommonPrefix(List<List<string>> rows)
    {
        if (rows.Count == 1)
        {
            var end = rows[0].FindIndex(w => UnitEnding().IsMatch(w));
            return end >= 0 && end < rows[0].Count - 1 ? rows[0].Take(end + 1).ToList() : [];
        }
        var prefix = new List<string>();
        for (var k = 0; rows.All(r => r.Count > k + 1 && r[k] == rows[0][k]); k++) prefix.Add(rows[0][k]);
        return prefix;
    }

    /// <summary>A line of figures only ("70 70 63 95.38", tab- or space-separated; "-" or blank cells are nulls); null for any other line.</summary>
    private static decimal?[]? Figures(string line)
    {
        var tokens = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length == 0) return null;
        var values = new decimal?[tokens.Length];
        for (var k = 0; k < tokens.Length; k++)
        {
            if (!Money.TryParse(tokens[k], out var v) || v is null || !Number().IsMatch(tokens[k])) return null;
            values[k] = v;
        }
        // A lone integer is a 序号, not a figure line.
        return tokens.Length == 1 && !tokens[0].Contains('.') && values[0] < 1000 && !line.Contains("平均", StringComparison.Ordinal) ? (decimal.IsInteger(values[0]!.Value) ? null : values) : values;
    }

    private static string Compact(string text) => Whitespace().Replace(text, "").Replace("#", "").Replace("*", "");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(\d{4})\s*年")]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"^-?[\d,]+(?:\.\d+)?%?$")]
    private static partial Regex Number();

    [GeneratedRegex("(中心|局|委|办|院|所|站|队|会|室|馆|处|部|校|厅|委员会)$")]
    private static partial Regex UnitEnding();
}
