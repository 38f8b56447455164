using System.Text.RegularExpressions;
using Approval.Workflow.Checking;

namespace Approval.Workflow.Import;

/// <summary>Helpers over one tab-separated line: cleaned cells, codes, line numbers, figures.</summary>
internal static partial class Cells
{
    public static string[] Split(string line) => line.Split('\t').Select(Money.Clean).ToArray();

    public static string Compact(string cell) => WhitespacePattern().Replace(cell, "");

    public static bool IsEmpty(string cell) => cell.Length == 0;

    public static bool IsLineNumber(string cell) => LineNumberPattern().IsMatch(cell);

    public static bool IsCode(string cell, params int[] lengths) => CodePattern().IsMatch(cell) && lengths.Contains(cell.Length);

    /// <summary>"201 一般公共服务支出" → ("201", "一般公共服务支出").</summary>
    public static (string Code, string Name)? CodeWithName(string cell)
    {
        var m = CodeWithNamePattern().Match(cell);
        return m.Success ? (m.Groups[1].Value, m.Groups[2].Value.Trim()) : null;
    }

    /// <summary>
    /// The last <paramref name="count"/> figure cells after <paramref name="start"/>: leading empty cells that only
    /// pad the layout are dropped while there are more cells than columns; missing trailing cells are null.
    /// </summary>
    public static List<decimal?> Figures(string[] cells, int start, int count, int sourceLine, List<ImportIssue> issues)
    {
        var rest = cells.Skip(start).ToList();
        while (rest.Count > count && rest[0].Length == 0) rest.RemoveAt(0);
        while (rest.Count > count && rest[^1].Length == 0) rest.RemoveAt(rest.Count - 1);
        var values = new List<decimal?>();
        for (var i = 0; i < count; i++)
        {
            var cell = i < rest.Count ? rest[i] : "";
            if (Money.TryParse(cell, out var value)) values.Add(value);
            else
            {
                issues.Add(new ImportIssue(sourceLine, $"第 {sourceLine} 行第 {start + i + 1} 列「{cell}」不是数值，按空值处理"));
                values.Add(null);
            }
        }
        if (rest.Count > count && rest.Skip(count).Any(c => c.Length > 0))
            issues.Add(new ImportIssue(sourceLine, $"第 {sourceLine} 行的数值列多于表格的 {count} 列，多出的部分未读取"));
        return values;
    }

    [GeneratedRegex(@"^\d{1,2}$")]
    private static partial Regex LineNumberPattern();

    [GeneratedRegex(@"^\d+$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^(\d{3}|\d{5}|\d{7})\s+(\S.*)$")]
    private static partial Regex CodeWithNamePattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();
}
