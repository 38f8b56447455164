using Approval.Workflow.Checking;

namespace Approval.Workflow.Import;

/// <summary>
/// A 三公 table copied from a web page as one cell per line ("3.公务接待费", "6", "4.50", "3.20", …): read back into rows where
/// that can be done without guessing — its column words (年初预算数, 全年预算数, 决算数) say how many figures a row holds, each
/// row starts at its label and takes the 行次 and figures after it. A row with another count of figures (a blank dropped) cannot
/// be placed: then nothing is regrouped, and the table is named unread as a whole.
/// </summary>
internal static class OneCellPerLine
{
    private static readonly string[] ColumnWords = ["年初预算数", "全年预算数", "决算数"];

    public static List<(int Line, string Text)>? Regroup(IReadOnlyList<(int Line, string Text)> region)
    {
        var cells = region.Skip(1).Where(l => l.Text.Trim().Length > 0).ToList();
        if (cells.Count < 6 || cells.Any(l => l.Text.Contains('\t'))) return null;
        var figures = cells.Count(l => IsFigure(l.Text));
        if (figures * 2 < cells.Count) return null; // not a column of short cells, most of them figures (seed 003's rows hold several)
        var columns = cells.Select(l => Cells.Compact(Money.Clean(l.Text))).Where(ColumnWords.Contains).Distinct().ToList();
        if (columns.Count == 0) return null;

        var result = new List<(int Line, string Text)> { region[0] };
        var at = cells.FindIndex(l => ColumnWords.Contains(Cells.Compact(Money.Clean(l.Text))));
        result.AddRange(cells.Take(at).Where(l => !IsHeaderWord(l.Text)));
        result.Add((cells[at].Line, string.Join('\t', ["项目", "行次", .. columns])));
        (int Line, List<string> Cells)? row = null;
        var withLineNumber = 0;
        var without = 0;
        var other = 0;
        foreach (var (line, text) in cells.Skip(at))
        {
            var cell = Money.Clean(text);
            if (IsHeaderWord(cell)) continue;
            if (!IsFigure(cell))
            {
                Flush();
                row = (line, [cell]);
                continue;
            }
            row?.Cells.Add(cell);
        }
        Flush();
        // Every row alike — all with their 行次, or none: a row of one figure fewer among rows with 行次 lost a blank cell.
        return other == 0 && (withLineNumber == 0 || without == 0) ? result : null;

        void Flush()
        {
            if (row is not { } r) return;
            // label + 行次 + one figure a column, or label + one figure a column (no 行次 printed): anything else is left short.
            var count = r.Cells.Count - 1;
            if (count == columns.Count + 1 && Cells.IsLineNumber(r.Cells[1])) withLineNumber++;
            else if (count == columns.Count) without++;
            else other++;
            result.Add((r.Line, string.Join('\t', r.Cells)));
        }
    }

    private static bool IsHeaderWord(string text) => Cells.Compact(Money.Clean(text)) is "项目" or "栏次" or "行次" or "年初预算数" or "全年预算数" or "决算数" or "金额单位：万元";

    private static bool IsFigure(string text) => Money.TryParse(text.Replace("────", "-", StringComparison.Ordinal), out _) && Money.Clean(text).Length > 0;
}
