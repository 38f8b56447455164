using System.Text.RegularExpressions;

namespace Approval.Workflow.DepartmentReport;

/// <summary>
/// Reads the text of a 部门整体支出绩效自评报告 (as extracted from its PDF: hard line breaks, blank lines between
/// lines, no indentation) into its sections. Pure and deterministic: the structure is derived from the stored
/// narrative on every read, so a corrected narrative is never out of step with its sections.
/// </summary>
public static partial class DepartmentReportReader
{
    public static DepartmentReportDocument Read(string text)
    {
        // Each line cleaned for reading, and as it stood: a 自评表 attached in tab-separated cells is parsed from its cells.
        var kept = (text ?? "").Replace("\r\n", "\n").Replace('\r', '\n').Split('\n')
            .Select((raw, i) => (Line: i + 1, Raw: raw, Text: Clean(raw))).Where(l => l.Text.Length > 0).ToList();
        var lines = kept.Select(l => l.Text).ToList();
        var (title, bodyStart) = Title(lines);
        var attachmentStarts = Enumerable.Range(bodyStart, lines.Count - bodyStart).Where(i => AttachmentKindOf(lines[i]) is not null).ToList();
        var bodyEnd = attachmentStarts.Count > 0 ? attachmentStarts[0] : lines.Count;
        var body = lines.GetRange(bodyStart, bodyEnd - bodyStart);
        var closing = Closing(body);
        body = body.GetRange(0, body.Count - closing.Count);

        var width = TypicalWidth([.. kept.Where(l => !l.Raw.Contains('\t')).Select(l => l.Text)]);
        var preface = new List<ReportBlock>();
        var sections = new List<(string Heading, List<ReportBlock> Blocks)>();
        var current = preface;
        var numeral = 0;
        var restarted = false;
        var paragraph = new List<string>();
        void Flush()
        {
            if (paragraph.Count > 0) current.Add(new ReportBlock(0, Join(paragraph)));
            paragraph.Clear();
        }
        foreach (var line in body)
        {
            if (TopHeading(line, width) is { } top)
            {
                Flush();
                if (top.Numeral == numeral + 1 && !(restarted && top.Numeral == 1))
                {
                    // 一、二、三… in sequence opens the next section; a restart ("一、2021 年主要工作" inside 二) is a heading within it.
                    numeral = top.Numeral;
                    restarted = false;
                    sections.Add((line, current = []));
                }
                else
                {
                    restarted = true;
                    current.Add(new ReportBlock(2, line));
                }
                continue;
            }
            if (SubHeading(line, width))
            {
                Flush();
                current.Add(new ReportBlock(restarted ? 3 : 2, line));
                continue;
            }
            if (paragraph.Count > 0 && (StartsItem(line) || EndsSentence(paragraph[^1]))) Flush();
            paragraph.Add(line);
        }
        Flush();

        var attachments = new List<ReportAttachment>();
        for (var a = 0; a < attachmentStarts.Count; a++)
        {
            var start = attachmentStarts[a];
            var end = a + 1 < attachmentStarts.Count ? attachmentStarts[a + 1] : lines.Count;
            var kind = AttachmentKindOf(lines[start])!.Value;
            var part = lines.GetRange(start + 1, end - start - 1);
            attachments.Add(new ReportAttachment(lines[start], kind, kind is AttachmentKind.SummaryTable or AttachmentKind.OverallForm
                ? [.. part.Select(l => new ReportBlock(0, l))] // a table broken by the PDF: its fragments line by line, not re-joined into sentences
                : Blocks(part, width))
            {
                Form = kind == AttachmentKind.OverallForm ? OverallFormReader.Read(kept.GetRange(start, end - start).Select(l => (l.Line, l.Raw)).ToList()) : null,
            });
        }

        var (unit, year) = title is null ? (null, (int?)null) : UnitAndYear(title);
        return new DepartmentReportDocument(title, unit, year, preface,
            [.. sections.Select(s => new ReportSection(s.Heading, TopicOf(s.Heading), s.Blocks))], closing, attachments);
    }

    /// <summary>The section topic a heading names; <see cref="ReportTopic.Other"/> when it names none.</summary>
    public static ReportTopic TopicOf(string heading)
    {
        var h = Numbering().Replace(heading.Replace(" ", ""), "");
        if (ApplicationWords().IsMatch(h)) return ReportTopic.Application;
        if (ProblemWords().IsMatch(h)) return ReportTopic.Problems;
        if (h.Contains("绩效目标", StringComparison.Ordinal)) return ReportTopic.Goals;
        if (BudgetWords().IsMatch(h)) return ReportTopic.Budget;
        if (AchievementWords().IsMatch(h)) return ReportTopic.Achievement;
        if (OverviewWords().IsMatch(h)) return ReportTopic.Overview;
        return ReportTopic.Other;
    }

    /// <summary>Paragraphs joined across line breaks, with the （一） headings of an attachment as headings.</summary>
    private static List<ReportBlock> Blocks(IReadOnlyList<string> lines, int width)
    {
        var blocks = new List<ReportBlock>();
        var paragraph = new List<string>();
        foreach (var line in lines)
        {
            if (TopHeading(line, width) is not null || SubHeading(line, width))
            {
                if (paragraph.Count > 0) blocks.Add(new ReportBlock(0, Join(paragraph)));
                paragraph.Clear();
                blocks.Add(new ReportBlock(TopHeading(line, width) is not null ? 2 : 3, line));
                continue;
            }
            if (paragraph.Count > 0 && (StartsItem(line) || EndsSentence(paragraph[^1])))
            {
                blocks.Add(new ReportBlock(0, Join(paragraph)));
                paragraph.Clear();
            }
            paragraph.Add(line);
        }
        if (paragraph.Count > 0) blocks.Add(new ReportBlock(0, Join(paragraph)));
        return blocks;
    }

    private static (string? Title, int BodyStart) Title(List<string> lines)
    {
        // "弋阳县政务服务中心 2021 年度部门" + "整体支出绩效自评报告": the title ends with 报告 within its first lines.
        for (var i = 0; i < Math.Min(3, lines.Count); i++)
        {
            if (lines[i].Length > 40 || EndsSentence(lines[i])) break;
            if (lines[i].EndsWith("报告", StringComparison.Ordinal))
                return (string.Concat(lines.Take(i + 1)), i + 1);
        }
        return (null, 0);
    }

    private static (string? Unit, int? Year) UnitAndYear(string title)
    {
        var m = TitleUnitYear().Match(title);
        return m.Success ? (m.Groups["unit"].Value.Trim(), int.Parse(m.Groups["year"].Value, System.Globalization.CultureInfo.InvariantCulture)) : (null, null);
    }

    public static AttachmentKind? AttachmentKindOf(string line)
    {
        var compact = line.Replace(" ", "");
        if (compact.Length > 40 || compact.Contains('，') || compact.Contains('。')) return null;
        if (compact.Contains("项目支出绩效自评情况汇总审核表", StringComparison.Ordinal)) return AttachmentKind.SummaryTable;
        if (OverallFormTitle().IsMatch(compact)) return AttachmentKind.OverallForm;
        if (compact.EndsWith("项目支出绩效自评报告", StringComparison.Ordinal)) return AttachmentKind.ProjectReport;
        return null;
    }

    /// <summary>The 落款 at the end of the body: the unit's name and the date ("二 0 二二年九月十八日").</summary>
    private static List<string> Closing(List<string> body)
    {
        if (body.Count == 0 || !DateLine().IsMatch(body[^1])) return [];
        var from = body.Count - 1;
        if (from > 0 && body[from - 1].Length <= 30 && !EndsSentence(body[from - 1]) && !body[from - 1].Contains('，')) from--;
        return body.GetRange(from, body.Count - from);
    }

    /// <summary>The width of a full line of the PDF: a heading is shorter, a wrapped paragraph line is not.</summary>
    private static int TypicalWidth(List<string> lines)
    {
        if (lines.Count == 0) return 0;
        var lengths = lines.Select(l => l.Length).OrderBy(l => l).ToList();
        return lengths[(int)(lengths.Count * 0.8)];
    }

    private static (int Numeral, string Text)? TopHeading(string line, int width)
    {
        var m = TopNumbering().Match(line);
        if (!m.Success || IsWrapped(line, width) || line.Length > 40) return null;
        return (ChineseNumeral(m.Groups[1].Value), line[m.Length..]);
    }

    private static bool SubHeading(string line, int width) =>
        SubNumbering().IsMatch(line) && line.Length <= 40 && !IsWrapped(line, width) && !line.TrimEnd().EndsWith('，');

    /// <summary>A line as long as a full line that does not end a sentence runs on into the next.</summary>
    private static bool IsWrapped(string line, int width) => width > 0 && line.Length >= width - 1 && !EndsSentence(line) && line.Length > 20;

    private static bool StartsItem(string line) => ItemStart().IsMatch(line);

    private static bool EndsSentence(string line) => line.Length > 0 && "。！？：:；;".Contains(line[^1]);

    /// <summary>Lines of one paragraph joined: Chinese runs on without a space; a space is kept only between two Latin words.</summary>
    private static string Join(List<string> lines)
    {
        var joined = lines[0];
        for (var i = 1; i < lines.Count; i++)
        {
            var needsSpace = char.IsAsciiLetter(joined[^1]) && char.IsAsciiLetter(lines[i][0]);
            joined += (needsSpace ? " " : "") + lines[i];
        }
        return joined;
    }

    private static string Clean(string line) => MarkupPrefix().Replace(line.Replace('\t', ' ').Replace('\u3000', ' '), "").Trim();

    public static int ChineseNumeral(string numeral)
    {
        const string digits = "零一二三四五六七八九";
        if (numeral == "十") return 10;
        if (numeral.StartsWith('十')) return 10 + digits.IndexOf(numeral[1]);
        if (numeral.Length == 2 && numeral[1] == '十') return digits.IndexOf(numeral[0]) * 10;
        if (numeral.Length == 3 && numeral[1] == '十') return digits.IndexOf(numeral[0]) * 10 + digits.IndexOf(numeral[2]);
        return numeral.Length == 1 ? digits.IndexOf(numeral[0]) : -1;
    }

    /// <summary>"部门整体支出绩效自评表", "附件1：部门（单位）整体支出绩效自评表" — the title line, not a sentence naming it.</summary>
    [GeneratedRegex(@"^(附件\d*[：:]?)?.{0,20}?部门[（(]?单位[）)]?整体支出绩效自评表$|^(附件\d*[：:]?)?.{0,20}?部门整体支出绩效自评表$")]
    private static partial Regex OverallFormTitle();

    [GeneratedRegex(@"^([一二三四五六七八九十]{1,3})[、.．]")]
    private static partial Regex TopNumbering();

    [GeneratedRegex(@"^[（(][一二三四五六七八九十]{1,3}[）)]")]
    private static partial Regex SubNumbering();

    [GeneratedRegex(@"^(\d{1,2}[.．、：:](?!\d)|[（(]\d{1,2}[）)]|[一二三四五六七八九十]是)")]
    private static partial Regex ItemStart();

    [GeneratedRegex(@"^([一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)]、?)")]
    private static partial Regex Numbering();

    [GeneratedRegex(@"^(#+|[-*]\s)\s*")]
    private static partial Regex MarkupPrefix();

    [GeneratedRegex(@"^(?<unit>.{2,40}?)\s*(?<year>20\d{2})\s*年")]
    private static partial Regex TitleUnitYear();

    [GeneratedRegex(@"^[二〇○零0-9一三四五六七八九十\s]{4,12}年[0-9一二三四五六七八九十\s]{1,4}月[0-9一二三四五六七八九十\s]{1,5}日$")]
    private static partial Regex DateLine();

    [GeneratedRegex("应用|公开")]
    private static partial Regex ApplicationWords();

    [GeneratedRegex("问题|改进|不足")]
    private static partial Regex ProblemWords();

    [GeneratedRegex("预算及执行|预算执行|执行情况|收支情况")]
    private static partial Regex BudgetWords();

    [GeneratedRegex("实现情况|自评情况|完成情况|评价结论|绩效分析|主要工作|工作成效|评价情况|产出|效益")]
    private static partial Regex AchievementWords();

    [GeneratedRegex("概述|概况|基本情况|机构情况|职能|职责")]
    private static partial Regex OverviewWords();
}
