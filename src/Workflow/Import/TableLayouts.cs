using System.Text.RegularExpressions;

namespace Approval.Workflow.Import;

/// <summary>How a line's cells were separated in the text as it arrived.</summary>
internal enum LineLayout
{
    /// <summary>Tabs (the seeds' form, a sheet's row), or no cells at all: read as it is.</summary>
    AsIs,

    /// <summary>Pipes (| │ ｜), as copied from a web page or written as Markdown: an empty cell keeps its place.</summary>
    Pipes,

    /// <summary>Runs of two or more spaces: an empty cell leaves no trace, so a row short of cells cannot say which it lacks.</summary>
    Spaces,
}

/// <summary>
/// Lays the rows of a table pasted with pipes or runs of spaces out as the tab-separated rows every reader takes, so a
/// 自评表 or a 公开表 reads the same in any of these layouts. A line with a tab is left as it is; a Markdown rule row
/// (|---|---|) becomes empty; a heading (#) and a line of one cell stay text.
/// </summary>
internal static partial class TableLayouts
{
    public static (string Text, LineLayout Layout) ToTabs(string line)
    {
        if (line.Contains('\t') || line.TrimStart().StartsWith('#')) return (line, LineLayout.AsIs);
        var trimmed = line.Trim();
        if (PipeRow().IsMatch(trimmed))
        {
            var inner = trimmed.Trim().TrimStart('|', '│', '｜').TrimEnd('|', '│', '｜');
            var cells = Pipe().Split(inner).Select(c => c.Trim()).ToArray();
            if (cells.All(c => RuleCell().IsMatch(c))) return ("", LineLayout.Pipes);
            return (string.Join('\t', cells), LineLayout.Pipes);
        }
        if (SpaceRun().IsMatch(trimmed))
            return (string.Join('\t', SpaceRun().Split(trimmed)), LineLayout.Spaces);
        return (line, LineLayout.AsIs);
    }

    /// <summary>A row of pipes: it starts or ends with one, or holds two (so "A|B" in a sentence is not one).</summary>
    [GeneratedRegex(@"^[|│｜].*[|│｜]$|^[|│｜]\S|[|│｜].*[|│｜]")]
    private static partial Regex PipeRow();

    [GeneratedRegex(@"[|│｜]")]
    private static partial Regex Pipe();

    [GeneratedRegex(@"^:?-{2,}:?$|^$")]
    private static partial Regex RuleCell();

    [GeneratedRegex(@"[ \u3000\u00a0]{2,}")]
    private static partial Regex SpaceRun();
}
