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

    [GeneratedRegex(@"^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十]+部分)")]
    private static partial Regex Numbered();
}
