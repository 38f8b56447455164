using System.Text.RegularExpressions;

namespace Approval.Workflow.Checking;

/// <summary>A stretch of the text left to the narrative that holds a table the readers did not take: its first line and why it looks like one.</summary>
public sealed record UnreadTable(int Line, string Title, string Reason, int Rows);

/// <summary>
/// Finds tables among the lines no reader took (they fell through to the narrative): rows of cells separated by tabs,
/// `|`, or runs of spaces with figures in them; one cell per line (a column of short lines, several of them figures);
/// a table's title (…决算表, …自评表, …情况表) on its own line names the table that follows; a title without rows holds no figures and is no finding. An unread table is never a clean report
/// (rule RD-UNREAD-TABLE, exit code 2).
/// </summary>
public static partial class UnreadTables
{
    public const string Rule = "RD-UNREAD-TABLE";
    public const string Kind = "未能识别的表格";

    /// <param name="narrative">The text no reader took.</param>
    /// <param name="read">Lines (1-based) of it a narrative reader took after all (a rate table of a 评价报告).</param>
    public static IReadOnlyList<UnreadTable> Find(string narrative, IReadOnlySet<int>? read = null)
    {
        var lines = (narrative ?? "").Replace("\r\n", "\n").Replace('\r', '\n').Split('\n')
            .Select((t, i) => (Line: i + 1, Text: read?.Contains(i + 1) == true ? "" : t.Trim())).Where(l => l.Text.Length > 0).ToList();
        var found = new List<UnreadTable>();
        string? title = null;
        var titleLine = 0;
        for (var i = 0; i < lines.Count;)
        {
            var (line, text) = lines[i];
            if (IsTableTitle(text))
            {
                (title, titleLine) = (Compact(text), line);
                i++;
                continue;
            }
            var rows = 0;
            var j = i;
            while (j < lines.Count && IsRow(lines[j].Text)) { rows++; j++; }
            if (rows > 0)
            {
                found.Add(new UnreadTable(title is null ? line : titleLine, title ?? Excerpt(text), "以制表符、竖线或连续空格分列、含数字的行", rows));
                title = null;
                i = j;
                continue;
            }
            var cells = 0;
            var figures = 0;
            j = i;
            while (j < lines.Count && IsLoneCell(lines[j].Text))
            {
                cells++;
                if (IsFigure(lines[j].Text)) figures++;
                j++;
            }
            if (cells >= 6 && figures >= 3)
            {
                found.Add(new UnreadTable(title is null ? line : titleLine, title ?? Excerpt(text), "每行一格的表格（短行中多个数字）", cells));
                title = null;
                i = j;
                continue;
            }
            // A title followed by prose (a contents list, "详见附表"): no figures, nothing unread; it names no later table.
            if (!IsLoneCell(text)) title = null;
            i++;
        }
        return found;
    }

    /// <summary>Cells split on tabs, pipes (|, │, ｜) or runs of two or more spaces (ASCII or 全角).</summary>
    public static string[] SplitCells(string line) =>
        [.. CellSeparator().Split(line.Trim().Trim('|', '│', '｜')).Select(c => c.Trim()).Where(c => c.Length > 0)];

    private static bool IsRow(string text)
    {
        if (!CellSeparator().IsMatch(text)) return false;
        var cells = SplitCells(text);
        return cells.Length >= 3 && cells.Count(IsFigure) >= 2;
    }

    private static bool IsLoneCell(string text) => text.Length <= 20 && !SentenceEnd().IsMatch(text) && !CellSeparator().IsMatch(text);

    private static bool IsFigure(string cell) => Money.IsNumber(cell.TrimEnd('%', '％').Replace("万元", "", StringComparison.Ordinal));

    private static bool IsTableTitle(string text)
    {
        var compact = Compact(text);
        return compact.Length is >= 4 and <= 50 && TitleWords().IsMatch(compact) && !compact.Contains("详见", StringComparison.Ordinal)
            && !compact.Contains("见附", StringComparison.Ordinal) && !SentenceEnd().IsMatch(compact);
    }

    private static string Compact(string text) => Whitespace().Replace(Money.Clean(text), "").Trim('#', '*');

    private static string Excerpt(string text) => text.Length > 40 ? text[..40] + "…" : text;

    [GeneratedRegex(@"\t|[|│｜]|[ \u3000]{2,}")]
    private static partial Regex CellSeparator();

    [GeneratedRegex(@"[。；;！？]$|[，,：:]$")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"(决算|预算|自评|评价|情况|汇总|明细|统计|经费|指标|审核)表(?:[（(][^（）()]{0,12}[）)])?$|^公开\s*0?\d{1,2}\s*表")]
    private static partial Regex TitleWords();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
