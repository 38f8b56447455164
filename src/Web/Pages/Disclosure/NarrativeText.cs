using System.Text;
using System.Text.RegularExpressions;

namespace Approval.Web.Pages.Disclosure;

/// <summary>A heading or a paragraph of the 情况说明.</summary>
public sealed record NarrativeBlock(bool IsHeading, string Text);

/// <summary>
/// The 情况说明 as extracted from a PDF, back into paragraphs: hard line breaks are joined (even across a blank line
/// when the sentence visibly goes on: "较2020年增加" / "11.06 万元"), markdown '#' lines and short numbered lines
/// (一、… （一）…) are headings, a numbered line always starts a new paragraph.
/// </summary>
public static partial class NarrativeText
{
    public static IReadOnlyList<NarrativeBlock> Blocks(string narrative)
    {
        var blocks = new List<NarrativeBlock>();
        var paragraph = new StringBuilder();
        var blankSince = false;

        void Flush()
        {
            if (paragraph.Length > 0) blocks.Add(new NarrativeBlock(false, paragraph.ToString().Trim()));
            paragraph.Clear();
        }

        foreach (var raw in narrative.Replace("\r\n", "\n").Split('\n'))
        {
            var line = raw.Replace('\t', ' ').Trim();
            if (line.Length == 0) { blankSince = true; continue; }
            var markdownHeading = line.StartsWith('#');
            // "- 一、部门主要职责": a list item of the text's contents, a paragraph of its own without the marker
            var listItem = ListMarker().IsMatch(line);
            var text = Decorations().Replace(ListMarker().Replace(line, ""), "").Trim();
            if (text.Length == 0) continue;
            var numbered = Numbered().IsMatch(text);
            if (!listItem && (markdownHeading || (numbered && text.Length <= 30 && !text.Contains('。') && !text.Contains('，'))))
            {
                Flush();
                blocks.Add(new NarrativeBlock(true, text));
                blankSince = false;
                continue;
            }
            var continues = paragraph.Length > 0 && !numbered && !listItem && (!blankSince || !EndsSentence(paragraph));
            if (!continues) Flush();
            else if (NeedsSpace(paragraph[^1], text[0])) paragraph.Append(' ');
            paragraph.Append(text);
            blankSince = false;
        }
        Flush();
        return blocks;
    }

    private static bool EndsSentence(StringBuilder paragraph) => "。！？；：.!?;:”」）)".Contains(paragraph[^1]);

    private static bool NeedsSpace(char before, char after) => before < 128 && after < 128 && char.IsLetterOrDigit(before) && char.IsLetterOrDigit(after);

    [GeneratedRegex(@"^[-*+]\s+")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"^[#*\s]+|\*\*|<\/?b>")]
    private static partial Regex Decorations();

    [GeneratedRegex(@"^([一二三四五六七八九十]+\s*、|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十]+部分)")]
    private static partial Regex Numbered();
}

/// <summary>
/// The 情况说明 proper — its parts 一、收入决算情况说明 … 九、预算绩效情况说明, each with its text, in the order of their
/// numbers however the source (a PDF's extraction) ordered them — and the rest of the narrative (概况, 目录, 名词解释 …)
/// in source order. A part named twice (the 目录 lists it, the text follows later) is taken at the last place it is named
/// with something under it; the other stays in the rest.
/// </summary>
public static partial class NarrativeParts
{
    public static (IReadOnlyList<NarrativeBlock> Explanation, IReadOnlyList<NarrativeBlock> Others) Arrange(IReadOnlyList<NarrativeBlock> blocks)
    {
        var parts = new List<(int Number, int From, int To)>();
        for (var i = 0; i < blocks.Count; i++)
        {
            if (PartNumber(blocks[i].Text) is not { } number) continue;
            var end = i + 1;
            while (end < blocks.Count && PartNumber(blocks[end].Text) is null && !EndsExplanation(blocks[end].Text)) end++;
            parts.Add((number, i, end));
        }
        // A 目录 comes before the text: of the places a part is named with something under it, the last.
        var chosen = parts.Where(p => p.To - p.From > 1).GroupBy(p => p.Number).Select(g => g.Last()).OrderBy(p => p.Number).ToList();
        if (chosen.Count == 0) return ([], blocks);
        var taken = chosen.SelectMany(p => Enumerable.Range(p.From, p.To - p.From)).ToHashSet();
        return ([.. chosen.SelectMany(p => blocks.Skip(p.From).Take(p.To - p.From))], [.. blocks.Where((_, k) => !taken.Contains(k))]);
    }

    private static int? PartNumber(string text)
    {
        var compact = Whitespace().Replace(text, "");
        return PartHeading().Match(compact) is { Success: true } m ? ChineseNumber(m.Groups[1].Value) : null;
    }

    private static bool EndsExplanation(string text)
    {
        var compact = Whitespace().Replace(text, "");
        return compact.StartsWith('第') && compact.Contains("部分", StringComparison.Ordinal) && compact.Length <= 40
            || compact.StartsWith("名词解释", StringComparison.Ordinal) || compact.StartsWith("附件", StringComparison.Ordinal);
    }

    private static int ChineseNumber(string numeral)
    {
        const string digits = "一二三四五六七八九";
        if (numeral == "十") return 10;
        if (numeral.StartsWith('十')) return 10 + digits.IndexOf(numeral[1], StringComparison.Ordinal) + 1;
        if (numeral.EndsWith('十')) return (digits.IndexOf(numeral[0], StringComparison.Ordinal) + 1) * 10;
        return numeral.Length == 1 ? digits.IndexOf(numeral[0], StringComparison.Ordinal) + 1
            : (digits.IndexOf(numeral[0], StringComparison.Ordinal) + 1) * 10 + digits.IndexOf(numeral[^1], StringComparison.Ordinal) + 1;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>"一、收入决算情况说明", "八、国有资产占用情况说明。", "九、预算绩效评价情况说明" — a heading, not a sentence.</summary>
    [GeneratedRegex(@"^([一二三四五六七八九十]{1,3})、[^。，；]{0,40}情况说明。?$")]
    private static partial Regex PartHeading();
}
