using System.Text.RegularExpressions;

namespace Approval.Workflow.Submissions;

/// <summary>
/// The 情况说明 (or any long text, such as the 部门整体 report's 正文) compared by sentence: each changed passage with its paragraph and its old → new text, cut around the change
/// so that a figure changed inside a long sentence can still be read.
/// </summary>
public static partial class NarrativeDiff
{
    public const int MaxPassages = 20;
    private const int Shown = 80;
    private const int Context = 24;

    private sealed record Sentence(int Paragraph, string Text);

    public static void Between(string before, string after, List<string> changes) => Between("情况说明", before, after, changes);

    /// <summary>Any long text compared the same way; <paramref name="label"/> names it (情况说明, 报告正文).</summary>
    public static void Between(string label, string before, string after, List<string> changes)
    {
        if (before == after) return;
        var a = Sentences(before);
        var b = Sentences(after);
        var passages = Passages(a, b);
        if (passages.Count == 0) { changes.Add($"{label}：空白或换行调整"); return; }
        foreach (var (paragraph, old, @new) in passages.Take(MaxPassages))
        {
            var where = $"{label}第 {paragraph} 段";
            if (old.Length == 0) changes.Add($"{where}：新增「{Cut(@new, 0, 0)}」");
            else if (@new.Length == 0) changes.Add($"{where}：删除「{Cut(old, 0, 0)}」");
            else
            {
                var (prefix, suffix) = Common(old, @new);
                changes.Add($"{where}：「{Cut(old, prefix, suffix)}」→「{Cut(@new, prefix, suffix)}」");
            }
        }
        if (passages.Count > MaxPassages) changes.Add($"{label}：另有 {passages.Count - MaxPassages} 处修改");
    }

    private static List<Sentence> Sentences(string text)
    {
        var paragraphs = text.Replace("\r\n", "\n").Split('\n').Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        return paragraphs.SelectMany((p, i) => SentenceEnd().Split(p).Where(s => s.Trim().Length > 0).Select(s => new Sentence(i + 1, s.Trim()))).ToList();
    }

    /// <summary>Runs of removed and added sentences between the ones both versions share (a longest common subsequence).</summary>
    private static List<(int Paragraph, string Old, string New)> Passages(List<Sentence> a, List<Sentence> b)
    {
        var start = 0;
        while (start < a.Count && start < b.Count && a[start].Text == b[start].Text) start++;
        var endA = a.Count; var endB = b.Count;
        while (endA > start && endB > start && a[endA - 1].Text == b[endB - 1].Text) { endA--; endB--; }
        var n = endA - start; var m = endB - start;
        var result = new List<(int, string, string)>();
        if ((long)n * m > 4_000_000) // a rewrite, not an edit: one passage
        {
            result.Add((b.ElementAtOrDefault(start)?.Paragraph ?? a[start].Paragraph, Join(a, start, endA), Join(b, start, endB)));
            return result;
        }
        var lcs = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
            for (var j = m - 1; j >= 0; j--)
                lcs[i, j] = a[start + i].Text == b[start + j].Text ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        int x = 0, y = 0, fromX = 0, fromY = 0;
        void Flush()
        {
            if (x == fromX && y == fromY) return;
            var paragraph = y > fromY ? b[start + fromY].Paragraph : a[start + fromX].Paragraph;
            result.Add((paragraph, Join(a, start + fromX, start + x), Join(b, start + fromY, start + y)));
        }
        while (x < n || y < m)
        {
            if (x < n && y < m && a[start + x].Text == b[start + y].Text)
            {
                Flush();
                x++; y++; fromX = x; fromY = y;
            }
            else if (y < m && (x == n || lcs[x, y + 1] >= lcs[x + 1, y])) y++;
            else x++;
        }
        Flush();
        return result;
    }

    private static string Join(List<Sentence> s, int from, int to) => string.Concat(s.Skip(from).Take(to - from).Select(x => x.Text));

    private static (int Prefix, int Suffix) Common(string a, string b)
    {
        var p = 0;
        while (p < a.Length && p < b.Length && a[p] == b[p]) p++;
        var s = 0;
        while (s < a.Length - p && s < b.Length - p && a[^(s + 1)] == b[^(s + 1)]) s++;
        return (p, s);
    }

    /// <summary>The text if short; else the changed part with some context each side, the rest as "…".</summary>
    private static string Cut(string text, int prefix, int suffix)
    {
        if (text.Length <= Shown) return text;
        var from = Math.Max(0, prefix - Context);
        var to = Math.Min(text.Length, Math.Max(text.Length - suffix + Context, from + Shown));
        if (to - from > Shown * 2) to = from + Shown * 2;
        return (from > 0 ? "…" : "") + text[from..to] + (to < text.Length ? "…" : "");
    }

    /// <summary>After a sentence's end (。！？；), keeping the mark with its sentence.</summary>
    [GeneratedRegex(@"(?<=[。！？；!?;])")]
    private static partial Regex SentenceEnd();
}
