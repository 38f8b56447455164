using System.Globalization;
using System.Text.RegularExpressions;
using Approval.Workflow.Templates;

namespace Approval.Workflow.DepartmentReport;

/// <summary>
/// The 自评得分 and 等级 a report states for the 部门整体, told apart from the project scores around it: a sentence about
/// a 项目 is not the 整体's ("评价得分98.69分" of sixteen projects, then "部门整体支出绩效自评得分97.33分" in seed 003).
/// </summary>
public static partial class StatedScoreReader
{
    /// <summary>The 整体's score from the report itself, else from its attachments, saying which.</summary>
    public static StatedScore? Find(DepartmentReportDocument document)
    {
        var body = document.Preface.Concat(document.Sections.SelectMany(s => s.Blocks)).Where(b => !b.IsHeading).Select(b => b.Text);
        if (FromParagraphs(body, requireWholeDepartment: false) is { } own) return own;
        // The 整体's own 自评表 before any project's figure: its 总分 is the 整体's score.
        if (document.Attachments.FirstOrDefault(a => a.Form?.StatedTotal is not null)?.Form is { } form)
            return new StatedScore(form.StatedTotal, form.StatedGrade, ScoreOrigin.OverallForm, $"总分 {form.StatedTotal}" + (form.StatedGrade is { } g ? $"，评价等级 {g}" : ""));
        foreach (var attachment in document.Attachments)
        {
            if (attachment.Kind == AttachmentKind.ProjectReport &&
                FromParagraphs(attachment.Blocks.Select(b => b.Text), requireWholeDepartment: false, allowProject: true) is { } project)
                return project with { Origin = ScoreOrigin.ProjectReport };
            if (attachment.Kind == AttachmentKind.SummaryTable &&
                AverageScore().Match(string.Concat(attachment.Blocks.Select(b => b.Text)).Replace(" ", "")) is { Success: true } m)
                return new StatedScore(Number(m.Groups["score"].Value), null, ScoreOrigin.SummaryAverage, m.Value);
        }
        return null;
    }

    /// <summary>The 部门整体 score in any narrative (a 决算 情况说明 has a paragraph "组织开展部门整体支出绩效评价…").</summary>
    public static StatedScore? FromNarrative(string text)
    {
        var document = DepartmentReportReader.Read(text);
        return FromParagraphs(document.Preface.Concat(document.Sections.SelectMany(s => s.Blocks)).Where(b => !b.IsHeading).Select(b => b.Text),
            requireWholeDepartment: true);
    }

    /// <summary>"优秀" → 优, "良好" → 良, "中等" → 中; null for a word that is no grade.</summary>
    public static Grade? GradeOf(string? printed) => (printed ?? "").Trim() switch
    {
        "优" or "优秀" => Grade.优,
        "良" or "良好" => Grade.良,
        "中" or "中等" => Grade.中,
        "差" or "较差" => Grade.差,
        _ => null,
    };

    private static StatedScore? FromParagraphs(IEnumerable<string> paragraphs, bool requireWholeDepartment, bool allowProject = false)
    {
        StatedScore? best = null;
        foreach (var paragraph in paragraphs)
        {
            var whole = paragraph.Contains("部门整体", StringComparison.Ordinal);
            if (requireWholeDepartment && !whole) continue;
            // A paragraph that opens on projects ("组织对16个项目开展了绩效自评…") speaks of them to its end, 部门整体 mentioned or not.
            if (!allowProject && AboutProjects(Sentences().Split(paragraph)[0])) continue;
            foreach (var sentence in Sentences().Split(paragraph))
            {
                if (!allowProject && AboutProjects(sentence)) continue;
                var score = ScorePattern().Match(sentence.Replace(" ", ""));
                var grade = GradePattern().Match(sentence.Replace(" ", ""));
                if (!score.Success && !grade.Success) continue;
                var found = new StatedScore(score.Success ? Number(score.Groups["score"].Value) : null, grade.Success ? grade.Groups["grade"].Value : null,
                    ScoreOrigin.Report, sentence.Trim());
                if (found.Value is not null && found.Grade is not null) return found;
                best = best is null ? found : best with { Value = best.Value ?? found.Value, Grade = best.Grade ?? found.Grade };
            }
            if (best is not null && whole) return best;
        }
        return best;
    }

    private static bool AboutProjects(string sentence) =>
        sentence.Contains("项目", StringComparison.Ordinal) && !sentence.Contains("整体", StringComparison.Ordinal);

    private static decimal Number(string text) => decimal.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"[。；;]")]
    private static partial Regex Sentences();

    [GeneratedRegex(@"(?:自评|评价|综合)?(?:得分|总分|分数|评分)(?:为|是|：|:)?(?<score>\d{1,3}(?:\.\d{1,2})?)分")]
    private static partial Regex ScorePattern();

    [GeneratedRegex(@"(?:结果为|评价为|绩效为|等级为|评定为|等级：|等级:|结论为)[“""「『]?(?<grade>优秀|良好|中等|较差|优|良|中|差)(?![\u4e00-\u9fff])")]
    private static partial Regex GradePattern();

    [GeneratedRegex(@"自评价平均分(?<score>\d{1,3}(?:\.\d{1,2})?)")]
    private static partial Regex AverageScore();
}
