using System.Globalization;
using System.Text.RegularExpressions;
using Approval.Workflow.Checking;
using Approval.Workflow.Disclosure;

namespace Approval.Workflow.Import;

/// <summary>Reads one 公开表 from the tab-separated lines of a report, by the table's own layout.</summary>
internal static partial class DisclosureTableParser
{
    public static DisclosureTable Parse(DisclosureTableKind kind, string title, IReadOnlyList<(int Line, string Text)> region, List<ImportIssue> issues,
        IReadOnlySet<int>? spaced = null)
    {
        var shortRows = new ShortRows(spaced);
        if (kind == DisclosureTableKind.ThreePublicExpenses && OneCellPerLine.Regroup(region) is { } regrouped) region = regrouped;
        var number = region.Select(l => NumberPattern().Match(l.Text)).FirstOrDefault(m => m.Success)?.Groups[1].Value.PadLeft(2, '0');
        var lines = region.Where(l => l.Text.Contains('\t')).Select(l => (l.Line, Cells: Cells.Split(l.Text))).ToList();
        // Editors and pastes strip a row's trailing tabs: give every row the table's width again, so figures keep their columns.
        var width = lines.Count == 0 ? 0 : lines.Max(l => l.Cells.Length);
        lines = lines.Select(l => (l.Line, Cells: l.Cells.Length < width ? [.. l.Cells, .. Enumerable.Repeat("", width - l.Cells.Length)] : l.Cells)).ToList();
        // Text extracted with single spaces (seed 003): runs of spaces split only its headings, no row of figures.
        var spacedHeadingsOnly = spaced is not null && lines.All(l => spaced.Contains(l.Line) && l.Cells.Count(Money.IsNumber) < 2);
        if (spacedHeadingsOnly && kind is DisclosureTableKind.ThreePublicExpenses or DisclosureTableKind.StateAssets)
            lines = SpaceSeparated(region.Skip(1));
        var table = kind switch
        {
            DisclosureTableKind.IncomeExpenditureSummary or DisclosureTableKind.FiscalAppropriationSummary => TwoSided(kind, number, title, lines, issues, shortRows),
            DisclosureTableKind.GeneralBudgetBasicExpenditure => BasicExpenditure(number, title, lines, issues),
            DisclosureTableKind.ThreePublicExpenses or DisclosureTableKind.StateAssets => Numbered(kind, number, title, lines, issues, shortRows),
            _ => Coded(kind, number, title, lines, issues, shortRows),
        };
        // A table some of whose rows could not be placed is not checked on the rest: its sums would be false alarms.
        if (shortRows.Report(title, issues)) table = table with { Rows = [] };
        return table with { Heading = Heading(region) };
    }

    /// <summary>
    /// "编制单位：大数据发展管理局 2021年度 公开01表 金额单位：万元", on one line or spread over the lines above the
    /// header (05, 06 print the pieces on two lines); null when none of the pieces is printed.
    /// </summary>
    internal static DisclosureTableHeading? Heading(IReadOnlyList<(int Line, string Text)> region)
    {
        var pieces = region.Skip(1).Where(l => l.Text.Trim().Length > 0).Take(4)
            .TakeWhile(l => !l.Text.Contains("项目") && !l.Text.Contains("项 目") && !l.Text.Contains("人员经费"))
            .SelectMany(l => l.Text.Split('\t'))
            .Select(c => Money.Clean(c).Trim()).Where(c => c.Length > 0).ToList();
        string? unit = null, preparer = null;
        int? year = null;
        foreach (var piece in pieces)
        {
            if (PreparerPattern().Match(piece) is { Success: true } p) preparer ??= p.Groups[1].Value.Trim();
            if (YearPattern().Match(piece) is { Success: true } y) year ??= int.Parse(y.Groups[1].Value, CultureInfo.InvariantCulture);
            if (UnitPattern().Match(piece) is { Success: true } u) unit ??= u.Groups[1].Value.Trim();
        }
        return preparer is null && year is null && unit is null ? null : new DisclosureTableHeading(NullIfEmpty(preparer), year, NullIfEmpty(unit));
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static DisclosureTable Coded(DisclosureTableKind kind, string? number, string title, List<(int Line, string[] Cells)> lines, List<ImportIssue> issues,
        ShortRows shortRows)
    {
        var columns = DisclosureTableKinds.Columns(kind);
        RequireHeader(columns, lines, title, issues);
        var rows = new List<TableRow>();
        foreach (var (line, cells) in lines)
        {
            var codeIndex = Array.FindIndex(cells, c => Cells.IsCode(c, 3, 5, 7) || Cells.CodeWithName(c) is not null);
            if (codeIndex >= 0)
            {
                string code, name;
                int nameIndex;
                if (Cells.CodeWithName(cells[codeIndex]) is { } combined)
                {
                    (code, name, nameIndex) = (combined.Code, combined.Name, codeIndex);
                }
                else
                {
                    code = cells[codeIndex];
                    nameIndex = Array.FindIndex(cells, codeIndex + 1, c => c.Length > 0 && !Money.IsNumber(c));
                    if (nameIndex < 0) { issues.Add(new ImportIssue(line, $"第 {line} 行科目编码 {code} 缺少科目名称")); nameIndex = codeIndex; name = ""; }
                    else name = cells[nameIndex];
                }
                if (shortRows.Skip(line, cells, nameIndex + 1, columns.Count)) continue;
                rows.Add(new TableRow(line, "", code, name, null, Cells.Figures(cells, nameIndex + 1, columns.Count, line, issues)));
                continue;
            }

            var labelIndex = Array.FindIndex(cells, c => c.Length > 0);
            if (labelIndex < 0) continue;
            var label = Cells.Compact(cells[labelIndex]);
            if (Money.IsNumber(label)) continue;
            if ((label.Contains("合计") || label == "栏次") && shortRows.Skip(line, cells, labelIndex + 1, columns.Count)) continue;
            var values = Cells.Figures(cells, labelIndex + 1, columns.Count, line, []);
            var isColumnNumbers = values.Select((v, i) => v == i + 1).All(b => b) || values.All(v => v is null);
            if (label.Contains("合计") && values.Any(v => v is not null))
                rows.Add(new TableRow(line, "", null, "合计", null, values));
            else if (label == "栏次" && !isColumnNumbers)
                rows.Add(new TableRow(line, "", null, "合计", null, values)); // the 合计 figures printed on the 栏次 line
        }
        return new DisclosureTable(kind, number, title, columns, rows);
    }

    private static readonly Dictionary<int, string> SummaryLeftByLine = new()
    {
        [27] = "本年收入合计", [28] = "使用非财政拨款结余", [29] = "年初结转和结余", [31] = "总计",
    };

    private static readonly Dictionary<int, string> FiscalLeftByLine = new()
    {
        [27] = "本年收入合计", [28] = "年初财政拨款结转和结余", [32] = "总计",
    };

    private static DisclosureTable TwoSided(DisclosureTableKind kind, string? number, string title, List<(int Line, string[] Cells)> lines, List<ImportIssue> issues,
        ShortRows shortRows)
    {
        var rightColumns = DisclosureTableKinds.Columns(kind);
        var leftNames = kind == DisclosureTableKind.IncomeExpenditureSummary ? SummaryLeftByLine : FiscalLeftByLine;
        var rows = new List<TableRow>();
        var gap = LineGap(lines);
        foreach (var (line, cells) in lines)
        {
            if (cells.Any(c => Cells.Compact(c) is "栏次" or "行次")) continue;
            // The left 行次 is the first figure of the row (after the left name, if any); the right 行次 follows the right
            // name. Amounts may look like 行次 ("0" once Excel has dropped "0.00"), so position decides, not the look.
            var first = Array.FindIndex(cells, c => c.Length > 0 && Money.IsNumber(c));
            if (first < 0 || !Cells.IsLineNumber(cells[first])) continue;
            var rightNameIndex = LastTextIndex(cells, first + 1, cells.Length);
            var second = RightLineIndex(cells, first, rightNameIndex);
            if (second < 0) rightNameIndex = -1;
            // Both names blank ("\t30\t\t\t61\t"): the right 行次 is the cell holding the left 行次 plus the table's gap, not an amount.
            if (second < 0 && gap is { } g)
                second = Array.FindLastIndex(cells, c => c == (int.Parse(cells[first], CultureInfo.InvariantCulture) + g).ToString(CultureInfo.InvariantCulture)) is var j && j > first ? j : -1;

            var leftName = LastText(cells, 0, first);
            var leftLine = int.Parse(cells[first], CultureInfo.InvariantCulture);
            var leftEnd = second >= 0 ? second : cells.Length;
            var amountCells = Enumerable.Range(first + 1, Math.Max(0, (rightNameIndex >= 0 ? rightNameIndex : leftEnd) - first - 1))
                .Select(i => cells[i]).Where(c => c.Length > 0).ToList();
            decimal? leftAmount = null;
            if (amountCells.Count > 0 && !Money.TryParse(amountCells[0], out leftAmount))
                issues.Add(new ImportIssue(line, $"第 {line} 行「{amountCells[0]}」不是数值"));
            if (leftName.Length == 0 && leftAmount is not null && leftNames.TryGetValue(leftLine, out var byLine)) leftName = byLine;
            if (leftName.Length > 0)
                rows.Add(new TableRow(line, "收入", null, leftName, leftLine.ToString(CultureInfo.InvariantCulture), [leftAmount]));
            else if (leftAmount is not null)
                issues.Add(new ImportIssue(line, $"第 {line} 行收入方第 {leftLine} 行有金额但无项目名称"));

            if (second < 0) continue;
            var rightName = rightNameIndex >= 0 ? cells[rightNameIndex] : "";
            if (rightName.Length == 0 || shortRows.Skip(line, cells, second + 1, rightColumns.Count)) continue;
            rows.Add(new TableRow(line, "支出", null, rightName, cells[second], Cells.Figures(cells, second + 1, rightColumns.Count, line, issues)));
        }
        return new DisclosureTable(kind, number, title, rightColumns, rows);
    }

    private static int RightLineIndex(string[] cells, int first, int rightNameIndex) =>
        rightNameIndex >= 0 && rightNameIndex + 1 < cells.Length && Cells.IsLineNumber(cells[rightNameIndex + 1]) ? rightNameIndex + 1 : -1;

    /// <summary>How far the right 行次 runs ahead of the left one (31 in 01, 32 or 31 in 04), read from the rows that name both sides.</summary>
    private static int? LineGap(List<(int Line, string[] Cells)> lines)
    {
        var gaps = new List<int>();
        foreach (var (_, cells) in lines)
        {
            var first = Array.FindIndex(cells, c => c.Length > 0 && Money.IsNumber(c));
            if (first < 0 || !Cells.IsLineNumber(cells[first])) continue;
            var second = RightLineIndex(cells, first, LastTextIndex(cells, first + 1, cells.Length));
            if (second >= 0)
                gaps.Add(int.Parse(cells[second], CultureInfo.InvariantCulture) - int.Parse(cells[first], CultureInfo.InvariantCulture));
        }
        return gaps.Count == 0 ? null : gaps.GroupBy(g => g).OrderByDescending(g => g.Count()).First().Key;
    }

    private static DisclosureTable BasicExpenditure(string? number, string title, List<(int Line, string[] Cells)> lines, List<ImportIssue> issues)
    {
        var rows = new List<TableRow>();
        var totals = new Dictionary<string, decimal>();
        Dictionary<string, string>? labels = null;
        foreach (var (line, cells) in lines)
        {
            for (var i = 0; i < cells.Length; i++)
            {
                var compact = Cells.Compact(cells[i]);
                if (compact is "人员经费合计" or "公用经费合计" or "公用支出合计")
                {
                    var valueCell = cells.Skip(i + 1).FirstOrDefault(c => c.Length > 0);
                    var key = compact == "人员经费合计" ? "人员经费合计" : "公用经费合计";
                    if (valueCell is not null && Money.TryParse(valueCell, out var v) && v is not null)
                        totals[key] = v.Value;
                    if (compact != key) (labels ??= [])[key] = compact; // printed as the source says it: 公用支出合计
                    continue;
                }
                if (!Cells.IsCode(cells[i], 3, 5)) continue;
                var code = cells[i];
                var name = i + 1 < cells.Length ? cells[i + 1] : "";
                var amountCell = i + 2 < cells.Length ? cells[i + 2] : "";
                decimal? amount = null;
                if (!Cells.IsCode(amountCell, 3, 5) && !Money.TryParse(amountCell, out amount))
                    issues.Add(new ImportIssue(line, $"第 {line} 行科目 {code} 的金额「{amountCell}」不是数值"));
                var section = code.StartsWith("301", StringComparison.Ordinal) || code.StartsWith("303", StringComparison.Ordinal) ? "人员经费" : "公用经费";
                rows.Add(new TableRow(line, section, code, name, null, [amount]));
                // With spaces for separators an empty amount leaves no cell: the next code stands right after the name.
                i += Cells.IsCode(amountCell, 3, 5) ? 1 : 2;
            }
        }
        return new DisclosureTable(DisclosureTableKind.GeneralBudgetBasicExpenditure, number, title, ["金额"], rows) { StatedTotals = totals, PrintedTotalLabels = labels };
    }

    private static DisclosureTable Numbered(DisclosureTableKind kind, string? number, string title, List<(int Line, string[] Cells)> lines, List<ImportIssue> issues,
        ShortRows shortRows)
    {
        var columns = DisclosureTableKinds.Columns(kind);
        // The header may take two rows under merged cells (预算数 over 年初预算数 / 全年预算数, 决算数 spanning both): each column
        // is named by the lower row's word where it has one.
        static bool IsColumnWord(string c) => c is "年初预算数" or "全年预算数" or "决算数";
        var headers = lines.Where(l => l.Cells.Any(c => IsColumnWord(Cells.Compact(c)))).Take(2).ToList();
        if (headers.Count == 2 && headers[1].Line - headers[0].Line != 1) headers.RemoveAt(1);
        if (headers.Count > 0)
        {
            var named = Enumerable.Range(0, headers.Max(h => h.Cells.Length))
                .Select(i => headers.Select(h => i < h.Cells.Length ? Cells.Compact(h.Cells[i]) : "").LastOrDefault(IsColumnWord))
                .OfType<string>().ToList();
            if (named.Count > 0) columns = named;
        }
        var rows = new List<TableRow>();
        var skipped = new List<int>();
        foreach (var (line, cells) in lines)
        {
            var nameIndex = Array.FindIndex(cells, c => c.Length > 0);
            if (nameIndex < 0) continue;
            var lineIndex = Array.FindIndex(cells, nameIndex + 1, c => c.Length > 0);
            var name = cells[nameIndex];
            if (Cells.Compact(name) is "行次" or "项目" or "栏次") continue;
            if (lineIndex >= 0 && Cells.IsLineNumber(cells[lineIndex]))
            {
                if (shortRows.Skip(line, cells, lineIndex + 1, columns.Count)) continue;
                rows.Add(new TableRow(line, "", null, name, cells[lineIndex], Cells.Figures(cells, lineIndex + 1, columns.Count, line, issues)));
                continue;
            }
            // No 行次 printed: a 三公 line is known by its label (合 计, 3.公务用车费, 其中：国内接待费 …).
            if (kind == DisclosureTableKind.ThreePublicExpenses && lineIndex >= 0 && ThreePublicLabels.LineOf(name) is { } byLabel
                && rows.All(r => r.LineNo != byLabel))
            {
                if (shortRows.Skip(line, cells, nameIndex + 1, columns.Count)) continue;
                rows.Add(new TableRow(line, "", null, name, byLabel, Cells.Figures(cells, nameIndex + 1, columns.Count, line, issues)));
                continue;
            }
            if (cells.Skip(nameIndex + 1).Any(Money.IsNumber) && !Money.IsNumber(name)) skipped.Add(line);
        }
        if (skipped.Count > 0)
            issues.Add(new ImportIssue(skipped[0], $"「{title}」中 {skipped.Count} 行含数字但未能读取（第 {string.Join("、", skipped)} 行：没有行次，标签也不是已知的项目）")
            {
                UnreadTable = true,
            });
        return new DisclosureTable(kind, number, title, columns, rows);
    }

    /// <summary>
    /// Best effort for reports extracted with spaces instead of tabs (seed 003): "名称 行次 数值 …" rows, where
    /// the name may itself contain spaces and the line number is the first 1–2 digit token followed only by figures.
    /// </summary>
    private static List<(int Line, string[] Cells)> SpaceSeparated(IEnumerable<(int Line, string Text)> region)
    {
        var result = new List<(int, string[])>();
        foreach (var (line, text) in region)
        {
            var tokens = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(Money.Clean).ToArray();
            if (tokens.Length == 0) continue;
            if (tokens.Any(t => t is "年初预算数" or "决算数")) { result.Add((line, tokens)); continue; }
            var placed = false;
            for (var i = 1; i < tokens.Length; i++)
            {
                if (!Cells.IsLineNumber(tokens[i]) || !tokens.Skip(i + 1).All(t => Money.IsNumber(t) || t.Trim('-', '—').Length == 0)) continue;
                result.Add((line, [string.Concat(tokens.Take(i)), .. tokens.Skip(i)]));
                placed = true;
                break;
            }
            // No 行次: cells split by pipes or runs of spaces, a label then its figures ("合 计    12.50    10.20", "| 3.公务接待费 | 4.50 | 3.20 |").
            if (!placed && Checking.UnreadTables.SplitCells(text) is { Length: >= 2 } cells && cells.Skip(1).All(c => Money.IsNumber(Money.Clean(c))))
                result.Add((line, [.. cells.Select(Money.Clean)]));
        }
        return result;
    }

    private static void RequireHeader(IReadOnlyList<string> columns, List<(int Line, string[] Cells)> lines, string title, List<ImportIssue> issues)
    {
        var headerText = string.Concat(lines.Take(6).SelectMany(l => l.Cells).Select(Cells.Compact));
        var missing = columns.Where(c => !headerText.Contains(c.Replace("本年支出小计", "小计"), StringComparison.Ordinal)).ToList();
        if (lines.Count > 0 && missing.Count > 0 && lines.Any(l => l.Cells.Any(c => Cells.IsCode(c, 3, 5, 7) || Cells.CodeWithName(c) is not null)))
            issues.Add(new ImportIssue(lines[0].Line, $"《{title}》表头缺少列：{string.Join("、", missing)}", Fatal: true));
    }

    private static string LastText(string[] cells, int from, int to)
    {
        var index = LastTextIndex(cells, from, to);
        return index >= 0 ? cells[index] : "";
    }

    private static int LastTextIndex(string[] cells, int from, int to)
    {
        for (var i = to - 1; i >= from; i--)
            if (cells[i].Length > 0 && !Money.IsNumber(cells[i]) && cells[i] is not ("-" or "—")) return i;
        return -1;
    }

    [GeneratedRegex(@"编制单位\s*[：:]\s*(.*?)(?=\s*(?:\d{4}\s*年|公开\s*\d|金额单位|$))")]
    private static partial Regex PreparerPattern();

    [GeneratedRegex(@"(\d{4})\s*年度")]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"(?<!编制)单位\s*[：:]\s*(\S.*?)\s*$")]
    private static partial Regex UnitPattern();

    [GeneratedRegex(@"公开\s*(\d{1,2})\s*表")]
    private static partial Regex NumberPattern();

    /// <summary>
    /// Rows laid out with runs of spaces that hold fewer figures than the table has columns: an empty cell left no trace,
    /// so which column each figure belongs to cannot be told. Such a row is not guessed at: it is named as unread.
    /// </summary>
    private sealed class ShortRows(IReadOnlySet<int>? spaced)
    {
        private readonly List<int> lines = [];

        public bool Skip(int line, string[] cells, int start, int columns)
        {
            if (spaced?.Contains(line) != true) return false;
            var figures = cells.Skip(start).Count(c => c.Length > 0);
            if (figures == 0 || figures >= columns) return false;
            lines.Add(line);
            return true;
        }

        public bool Report(string title, List<ImportIssue> issues)
        {
            if (lines.Count == 0) return false;
            issues.Add(new ImportIssue(lines[0], $"「{title}」中 {lines.Count} 行以空格分列且少于表格的列数（第 {string.Join("、", lines)} 行）：空单元格没有留下位置，无法确定各数字属于哪一列，整张表未核对（请用制表符或竖线分列，空单元格留空位）")
            {
                UnreadTable = true,
            });
            return true;
        }
    }
}
