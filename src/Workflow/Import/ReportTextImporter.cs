using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Approval.Workflow.Disclosure;
using Approval.Workflow.SelfEvaluation;

namespace Approval.Workflow.Import;

/// <summary>
/// Reads a published report as text (the seeds' form: tab-separated tables with &lt;b&gt; markup, narrative
/// in between): the 公开表, the 自评表 and the narrative. Never guesses silently: what it cannot read is an
/// <see cref="ImportIssue"/> with its line number.
/// </summary>
public static partial class ReportTextImporter
{
    public const long MaxBytes = 8 * 1024 * 1024;

    public static ImportedReport ReadFile(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists) throw new UnreadableInputException($"文件不存在：{path}");
        if (info.Length > MaxBytes) throw new UnreadableInputException($"文件过大（{info.Length / 1024 / 1024} MB），上限为 {MaxBytes / 1024 / 1024} MB");
        return Read(File.ReadAllBytes(path), Path.GetFileName(path));
    }

    public static ImportedReport Read(byte[] bytes, string source)
    {
        if (bytes.Length == 0) throw new UnreadableInputException("文件为空");
        if (bytes.Length > MaxBytes) throw new UnreadableInputException($"文件过大，上限为 {MaxBytes / 1024 / 1024} MB");
        return ReadText(TextDecoding.Decode(bytes).TrimStart('\uFEFF'), source);
    }

    public static ImportedReport ReadText(string text, string source)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new UnreadableInputException("文件为空");
        text = FullWidthFigures.Normalize(text);
        var original = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        // Rows pasted with pipes or runs of spaces are read as tab-separated rows; the narrative keeps the text as written.
        var laidOut = original.Select(TableLayouts.ToTabs).ToArray();
        var lines = laidOut.Select((t, i) => (Line: i + 1, t.Text)).ToList();
        var spaced = laidOut.Select((t, i) => (Line: i + 1, t.Layout)).Where(t => t.Layout == LineLayout.Spaces).Select(t => t.Line).ToHashSet();
        var issues = new List<ImportIssue>();
        var tables = new List<DisclosureTable>();
        var forms = new List<ProjectSelfEvaluationForm>();
        var labels = new List<string?>();
        var narrative = new StringBuilder();

        for (var i = 0; i < lines.Count;)
        {
            if (TableTitle(lines[i].Text) is { } title && !(lines[i].Text.StartsWith(SheetMarker, StringComparison.Ordinal) && TitleRowFollows(lines, i)))
            {
                var end = TableEnd(lines, i + 1);
                var before = issues.Count;
                var table = DisclosureTableParser.Parse(title.Kind, title.Printed, lines.GetRange(i, end - i), issues, spaced);
                var (notes, afterNotes) = TableNotes(lines, end);
                tables.Add(notes.Count > 0 ? table with { Notes = notes } : table);
                // Amounts under a known title of which no row could be read (one cell per line, a layout no reader knows): unread, not empty.
                if (table.Rows.Count == 0 && !issues.Skip(before).Any(x => x.UnreadTable || x.Fatal)
                    && lines.GetRange(i + 1, end - i - 1).FirstOrDefault(l => !l.Text.Contains("编制单位", StringComparison.Ordinal) && Amount().IsMatch(l.Text)) is { Text: not null } first)
                    issues.Add(new ImportIssue(first.Line, $"「{title.Printed}」中有数字，但没有一行能按表格读取（第 {first.Line} 行起；每行一格等排列无法确定行列），其中的数字未经核对")
                    {
                        UnreadTable = true,
                    });
                i = afterNotes;
                continue;
            }
            if (IsFormStart(lines, i))
            {
                var end = FormEnd(lines, i + 1);
                var form = SelfEvaluationFormParser.Parse(lines.GetRange(i, end - i), issues, spaced);
                if (form is not null)
                {
                    forms.Add(form);
                    labels.Add(AttachmentLabel(lines, i));
                }
                i = end;
                continue;
            }
            // A pasted row of the narrative (a 评价报告's budget table) reads as its tab layout too; prose keeps its spaces.
            narrative.AppendLine(laidOut[i].Layout == LineLayout.Pipes || laidOut[i].Layout == LineLayout.Spaces && lines[i].Text.Count(c => c == '\t') >= 2 ? lines[i].Text : original[i]);
            i++;
        }

        var narrativeText = narrative.ToString();
        if (tables.Count == 0 && forms.Count == 0 && !issues.Any(i => i.Fatal))
        {
            if (narrativeText.Trim().Length == 0) issues.Add(new ImportIssue(1, "未找到可读的内容", Fatal: true));
            else if (!ReportWords().IsMatch(narrativeText))
                issues.Add(new ImportIssue(1, "未识别到报表：文中既没有公开表、自评表，也没有决算或绩效报告的文字", Fatal: true));
        }
        var asWritten = original.Select((t, i) => (Line: i + 1, Text: t)).ToList();
        return new ImportedReport(source, tables, forms, narrativeText, ProjectScores(narrativeText), issues) { Summary = SummaryReviewTextParser.Parse(asWritten), FormLabels = labels };
    }

    /// <summary>The line XlsxImporter writes before each sheet's rows: "## 工作表 {name}".</summary>
    public const string SheetMarker = "## 工作表 ";

    private static (DisclosureTableKind Kind, string Printed)? TableTitle(string line)
    {
        // A table typed as a plain grid has no title row: the sheet's name is its title, or its code ("公开01表").
        if (line.StartsWith(SheetMarker, StringComparison.Ordinal))
        {
            line = line[SheetMarker.Length..];
            if (SheetCode().Match(line.Trim()) is { Success: true } code
                && DisclosureTableKinds.ByStandardNumber(int.Parse(code.Groups[1].Value, CultureInfo.InvariantCulture)) is { } byCode)
                return (byCode, DisclosureTableKinds.Title(byCode));
        }
        // The table's number may share the title's row or cell: "收入支出决算总表 公开01表", "公开01表 收入支出决算总表", "…（公开01表）".
        var compact = CodeBesideTitle().Replace(HeadingDecorations().Replace(line, ""), "");
        if (compact.Length is 0 or > 40) return null;
        foreach (var (title, kind) in DisclosureTableKinds.PrintedTitles)
            if (compact == title) return (kind, title);
        return null;
    }

    /// <summary>A sheet named after its table whose first row prints the title again: the row, not the sheet's name, starts the table.</summary>
    private static bool TitleRowFollows(List<(int Line, string Text)> lines, int i)
    {
        var next = lines.Skip(i + 1).FirstOrDefault(l => l.Text.Trim().Length > 0).Text;
        return next is not null && !next.StartsWith(SheetMarker, StringComparison.Ordinal) && TableTitle(next.Split('\t').FirstOrDefault(c => c.Trim().Length > 0) ?? "") is not null;
    }

    /// <summary>
    /// The notes printed under a table from <paramref name="from"/> on — "注：…" and "说明：…" lines, blank lines between
    /// them, a note's continuation on the next line while its sentence goes on — and the line after them.
    /// </summary>
    private static (List<string> Notes, int Next) TableNotes(List<(int Line, string Text)> lines, int from)
    {
        var notes = new List<string>();
        var next = from;
        for (var j = from; j < lines.Count; j++)
        {
            var t = lines[j].Text.Replace('\t', ' ').Trim();
            if (t.Length == 0) continue;
            if (IsNote(t)) notes.Add(t);
            else if (notes.Count > 0 && j == next && !notes[^1].EndsWith('。') && !t.StartsWith('#') && TableTitle(lines[j].Text) is null && !IsFormStart(lines, j))
                notes[^1] += t;
            else break;
            next = j + 1;
        }
        return (notes, next);

        static bool IsNote(string t) => t.StartsWith("注：", StringComparison.Ordinal) || t.StartsWith("注:", StringComparison.Ordinal)
            || t.StartsWith("说明：", StringComparison.Ordinal) || t.StartsWith("说明:", StringComparison.Ordinal);
    }

    private static int TableEnd(List<(int Line, string Text)> lines, int from)
    {
        for (var j = from; j < lines.Count; j++)
        {
            var t = lines[j].Text.TrimStart();
            if (t.StartsWith("注：", StringComparison.Ordinal) || t.StartsWith("注:", StringComparison.Ordinal) || t.StartsWith("说明：", StringComparison.Ordinal)) return j;
            if (TableTitle(lines[j].Text) is not null || IsFormStart(lines, j)) return j;
            if (t.StartsWith('#') && !t.Contains('\t')) return j;
        }
        return lines.Count;
    }

    private static bool IsFormStart(List<(int Line, string Text)> lines, int i)
    {
        if (IsPlainGridStart(lines, i)) return true;
        var compact = HeadingDecorations().Replace(lines[i].Text, "");
        if (compact.Length > 60 || !FormTitle().IsMatch(compact)) return false;
        for (var j = i + 1; j < Math.Min(lines.Count, i + 8); j++)
            if (lines[j].Text.Contains("项目名称")) return true;
        return false;
    }

    /// <summary>
    /// A 自评表 typed as a plain grid: no title and no header block, the indicator header (一级/三级指标 … 分值, 得分) the
    /// first row of its sheet (or of the text), the sheet's name standing for the project's.
    /// </summary>
    private static bool IsPlainGridStart(List<(int Line, string Text)> lines, int i)
    {
        var isSheet = lines[i].Text.StartsWith(SheetMarker, StringComparison.Ordinal);
        if (!isSheet && lines.Take(i).Any(l => l.Text.Trim().Length > 0)) return false;
        var next = lines.Skip(isSheet ? i + 1 : i).FirstOrDefault(l => l.Text.Trim().Length > 0).Text ?? "";
        var header = next.Split('\t').Select(c => HeadingDecorations().Replace(c, "")).ToHashSet();
        return header.Contains("三级指标") && header.Contains("分值") && header.Contains("得分") && header.Any(c => c.StartsWith("一级指标", StringComparison.Ordinal));
    }

    private static int FormEnd(List<(int Line, string Text)> lines, int from)
    {
        for (var j = from; j < lines.Count; j++)
        {
            var cells = lines[j].Text.Split('\t').Select(c => c.Trim()).Where(c => c.Length > 0).ToList();
            if (cells.Count == 0 || cells[0] != "总分") continue;
            var end = j + 1;
            while (end < lines.Count && (lines[end].Text.Trim().Length == 0 || lines[end].Text.Contains("评价等级") || lines[end].Text.TrimStart().StartsWith("优(", StringComparison.Ordinal)))
                end++;
            return end;
        }
        // No 总分 row: the form runs until the narrative resumes.
        for (var j = from; j < lines.Count; j++)
            if (lines[j].Text.Trim().Length > 0 && !lines[j].Text.Contains('\t') && j > from + 3) return j;
        return lines.Count;
    }

    /// <summary>
    /// The 附件 a form is printed as: in its title ("附件2：项目支出绩效自评表", "项目支出绩效自评表（附件2）") or alone on the line
    /// before it (seed 002's "附件2" above 附件2's title). Null for a form printed without one.
    /// </summary>
    private static string? AttachmentLabel(List<(int Line, string Text)> lines, int start)
    {
        if (AttachmentInTitle().Match(lines[start].Text) is { Success: true } inTitle) return Label(inTitle);
        for (var j = start - 1; j >= 0 && j >= start - 3; j--)
        {
            var text = lines[j].Text.Replace('\t', ' ').Trim();
            if (text.Length == 0) continue;
            return AttachmentAlone().Match(text) is { Success: true } alone ? Label(alone) : null;
        }
        return null;

        static string Label(Match m) => "附件" + m.Groups["n"].Value.Replace('－', '-');
    }

    [GeneratedRegex(@"附件\s*(?<n>\d{1,2}(?:[-－]\d{1,2})?)")]
    private static partial Regex AttachmentInTitle();

    [GeneratedRegex(@"^[#\s*]*附件\s*(?<n>\d{1,2}(?:[-－]\d{1,2})?)\s*[：:]?$")]
    private static partial Regex AttachmentAlone();

    /// <summary>"（3）新办企业首套印章…项目绩效自评得分79.1分" across line breaks, as seed 003 lists its sixteen projects.</summary>
    private static List<ProjectScoreMention> ProjectScores(string narrative)
    {
        var flat = WhitespacePattern().Replace(narrative, "");
        var found = new Dictionary<int, ProjectScoreMention>();
        foreach (Match m in ScoreMentionPattern().Matches(flat))
        {
            var sequence = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
            if (found.ContainsKey(sequence)) continue;
            found[sequence] = new ProjectScoreMention(sequence, m.Groups["name"].Value, decimal.Parse(m.Groups["score"].Value, CultureInfo.InvariantCulture));
        }
        return found.Values.OrderBy(p => p.Sequence).ToList();
    }

    [GeneratedRegex(@"^[#\s*]+|[\s*]+$|\s+")]
    private static partial Regex HeadingDecorations();

    /// <summary>
    /// A 自评表 of a project by its family of titles: 项目支出绩效自评表, 绩效目标自评表, 项目绩效自评表,
    /// 部门预算项目支出绩效自评表（2023年度）, 项目支出绩效自评表（附件2）, with a year or 附件 before or after it.
    /// </summary>
    [GeneratedRegex(@"(项目支出绩效|项目绩效|绩效目标|项目支出)自评表(?:[（(][^（）()]{0,16}[）)])?$|^(?:附件\d*[：:]?)?(?:\d{4}年度?)?项目支出绩效自评表")]
    private static partial Regex FormTitle();

    [GeneratedRegex(@"^[（(]?公开0?\d{1,2}表[）)]?[：:、-]?|[-—、]?[（(]?公开0?\d{1,2}表[）)]?$")]
    private static partial Regex CodeBesideTitle();

    [GeneratedRegex(@"^公开\s*0?(\d{1,2})\s*表?$")]
    private static partial Regex SheetCode();

    [GeneratedRegex(@"[（(](?<n>\d{1,2})[）)](?<name>[^（(；;。]{2,60}?)项目(?:支出)?绩效自评得分(?<score>\d{1,3}(?:\.\d+)?)分")]
    private static partial Regex ScoreMentionPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();

    /// <summary>An amount as the 公开表 print it (1,387.15, 0.00): column numbers and years have no decimals.</summary>
    [GeneratedRegex(@"(?<![\d.])-?\d{1,3}(?:,\d{3})*\.\d{1,2}(?![\d.])|(?<![\d.,])-?\d+\.\d{1,2}(?![\d.])")]
    private static partial Regex Amount();

    /// <summary>Words every 情况说明 and 绩效报告 uses: text without any of them is not a report at all.</summary>
    [GeneratedRegex("决算|绩效|自评|预算|财政拨款|收入|支出|万元")]
    private static partial Regex ReportWords();
}
