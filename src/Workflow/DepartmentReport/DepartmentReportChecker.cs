using System.Globalization;
using System.Text.RegularExpressions;
using Approval.Workflow.Checking;
using Approval.Workflow.Narrative;
using Approval.Workflow.Submissions;
using Approval.Workflow.Templates;

namespace Approval.Workflow.DepartmentReport;

/// <summary>
/// The checks of a 部门整体支出绩效自评报告: its grade against the band of its score, its sections, the breakdowns it
/// states, and the figures it quotes against the unit's own 决算公开 and 项目支出绩效自评表 of the year when they exist.
/// Every check says whether it ran (<see cref="CheckNote"/>), so a report with no findings is never a bare "已检查".
/// </summary>
public static partial class DepartmentReportChecker
{
    public const string Document = "部门整体支出绩效自评报告";

    public static (IReadOnlyList<Finding> Findings, IReadOnlyList<CheckNote> Notes) Check(DepartmentSelfEvaluation report, RelatedReports? related = null,
        CheckOptions? options = null)
    {
        related ??= RelatedReports.None;
        options ??= CheckOptions.Default;
        var document = DepartmentReportReader.Read(report.Narrative);
        var body = string.Join("\n", document.Preface.Concat(document.Sections.SelectMany(s => s.Blocks.Prepend(new ReportBlock(1, s.Heading)))).Select(b => b.Text));
        var findings = new List<Finding>();
        var notes = new List<CheckNote>();

        GradeBand(report, findings, notes);
        if (report.StatedScore is { } stated && StatedScoreReader.Find(document) is { Origin: not ScoreOrigin.Report } found && found.Value == stated)
            findings.Add(new Finding("DE-SCORE-SOURCE", Severity.Warning, new FindingLocation(Document, null, "自评得分"), null, Money.Format(stated), null,
                $"报告正文未写部门整体的自评得分；{stated} 分取自{found.OriginName}：「{found.Sentence}」"));
        Sections(document, findings, notes);
        PartsWithinTotal(document, findings, notes);
        var narrative = NarrativeChecker.Check(report.Narrative, Document);
        findings.AddRange(narrative);
        notes.Add(new CheckNote("报告中的增减百分比（NR-）", true, narrative.Count == 0 ? "未发现问题" : $"发现 {narrative.Count} 处"));
        DisclosureFigures.Check(document, body, related, options, findings, notes);
        ProjectScores(report, document, related, findings, notes);
        OverallFormCheck.Check(report, document, findings, notes);
        StatedAsWritten(report, document, findings, notes);
        return (findings, notes);
    }

    private static void GradeBand(DepartmentSelfEvaluation report, List<Finding> findings, List<CheckNote> notes)
    {
        if (report.StatedScore is not { } score)
        {
            notes.Add(new CheckNote("等级与得分档次（DE-GRADE-BAND）", false, "报告未写自评得分"));
            findings.Add(new Finding("DE-SCORE-MISSING", Severity.Warning, new FindingLocation(Document, null, "自评得分"), null, null, null, "报告中没有找到部门整体的自评得分"));
            return;
        }
        var band = GradeBands.Ministry.GradeOf(score);
        if (report.StatedGrade is not { } printed || StatedScoreReader.GradeOf(printed) is not { } stated)
        {
            notes.Add(new CheckNote("等级与得分档次（DE-GRADE-BAND）", false, $"报告未写评价等级；按得分 {score} 分应为「{band}」"));
            return;
        }
        notes.Add(new CheckNote("等级与得分档次（DE-GRADE-BAND）", true, $"{score} 分对应「{band}」，报告为「{printed}」"));
        if (stated != band)
            findings.Add(new Finding("DE-GRADE-BAND", Severity.Error, new FindingLocation(Document, null, "评价等级"), band.ToString(), printed, null,
                $"自评得分 {score} 对应等级为「{band}」，报告中为「{printed}」"));
    }

    /// <summary>
    /// The 自评得分 and 等级 entered beside the report against the ones its text states: edited apart (the figure in the
    /// editor, the sentence in the text), they would tell the reviewer and the public two different scores.
    /// </summary>
    private static void StatedAsWritten(DepartmentSelfEvaluation report, DepartmentReportDocument document, List<Finding> findings, List<CheckNote> notes)
    {
        const string what = "填报的得分、等级与报告正文一致（DE-SCORE-TEXT）";
        if (StatedScoreReader.Find(document) is not { Origin: ScoreOrigin.Report } written)
        {
            notes.Add(new CheckNote(what, false, "报告正文未写部门整体的自评得分和等级"));
            return;
        }
        var where = new FindingLocation(Document, null, Excerpt(QuotedFigures.Compact(written.Sentence)));
        var count = findings.Count;
        if (written.Value is { } text && report.StatedScore != text)
            findings.Add(new Finding("DE-SCORE-TEXT", Severity.Error, where, Money.Format(text), report.StatedScore is { } s ? Money.Format(s) : null,
                report.StatedScore - text, $"填报的自评得分{(report.StatedScore is { } v ? $" {v} 分" : "为空")}，报告正文写的是 {text} 分：「{written.Sentence}」"));
        if (written.Grade is { } grade && StatedScoreReader.GradeOf(grade) != StatedScoreReader.GradeOf(report.StatedGrade))
            findings.Add(new Finding("DE-SCORE-TEXT", Severity.Error, where, grade, report.StatedGrade, null,
                $"填报的评价等级为「{report.StatedGrade ?? "空"}」，报告正文写的是「{grade}」：「{written.Sentence}」"));
        notes.Add(new CheckNote(what, true, findings.Count == count
            ? $"正文写明{(written.Value is { } w ? $" {w} 分" : "")}{(written.Grade is { } g ? $"「{g}」" : "")}，与填报一致"
            : "正文与填报不一致"));
    }

    private static readonly (ReportTopic Topic, string Name)[] Expected =
    [
        (ReportTopic.Overview, "部门概述和基本情况"), (ReportTopic.Goals, "年度整体绩效目标"), (ReportTopic.Achievement, "绩效目标实现（自评）情况"),
        (ReportTopic.Problems, "存在问题及改进措施"), (ReportTopic.Application, "自评结果应用和公开情况"),
    ];

    private static void Sections(DepartmentReportDocument document, List<Finding> findings, List<CheckNote> notes)
    {
        var topics = document.Topics;
        var missing = Expected.Where(e => !topics.Contains(e.Topic)).Select(e => e.Name).ToList();
        notes.Add(new CheckNote("报告的组成部分（DE-SECTION-MISSING）", true,
            missing.Count == 0 ? $"{document.Sections.Count} 个部分，概述、目标、实现情况、问题与改进、结果应用齐全" : "缺少：" + string.Join("、", missing)));
        foreach (var name in missing)
            findings.Add(new Finding("DE-SECTION-MISSING", Severity.Warning, new FindingLocation(Document, name), null, null, null, $"报告中没有找到「{name}」部分"));
    }

    /// <summary>"编制人数共 10 人，其中…7 人，…4 人": a breakdown may list only some parts, but its parts can never exceed the whole.</summary>
    private static void PartsWithinTotal(DepartmentReportDocument document, List<Finding> findings, List<CheckNote> notes)
    {
        var checkedCount = 0;
        foreach (var section in document.Sections)
            foreach (var block in section.Blocks.Where(b => !b.IsHeading))
                foreach (var clause in ClauseBreak().Split(QuotedFigures.Compact(block.Text)))
                {
                    if (Breakdowns.InClause(clause) is not { } breakdown) continue;
                    var (total, unit, parts) = (breakdown.Total, breakdown.Unit, breakdown.Parts);
                    checkedCount++;
                    var tolerance = unit == "万元" ? CheckOptions.Default.ToleranceFor(total, parts.Select(p => (decimal?)p)) : 0;
                    if (parts.Sum() - total <= tolerance) continue;
                    findings.Add(new Finding("DE-PARTS-EXCEED", Severity.Error, new FindingLocation(Document, section.Heading, Excerpt(clause)),
                        $"≤ {total}{unit}", $"{string.Join(" + ", parts)} = {parts.Sum()}{unit}", parts.Sum() - total,
                        $"「其中」所列各项之和 {parts.Sum()}{unit} 超过总数 {total}{unit}"));
                }
        notes.Add(new CheckNote("「其中」分项不超过总数（DE-PARTS-EXCEED）", true, checkedCount == 0 ? "报告中没有可核对的「其中」分项" : $"核对了 {checkedCount} 处"));
    }

    private static void ProjectScores(DepartmentSelfEvaluation report, DepartmentReportDocument document, RelatedReports related,
        List<Finding> findings, List<CheckNote> notes)
    {
        var projects = related.Projects;
        var scored = projects.Where(p => p.Form.StatedTotal is not null).ToList();
        if (scored.Count == 0)
        {
            notes.Add(new CheckNote("与本单位同年度项目支出绩效自评表核对（DE-PROJECT-SCORE、DE-PROJECT-AVERAGE）", false,
                projects.Count == 0 ? related.Missing("项目支出绩效自评表") : related.LookedIn == RelatedReports.InTheApp ? "本单位同年度的项目支出绩效自评表均未填写总分" : "所查文件中的项目支出绩效自评表均未填写总分"));
            return;
        }
        var text = QuotedFigures.Compact(report.Narrative);
        var compared = 0;
        foreach (var project in scored)
        {
            var name = QuotedFigures.Compact(project.Form.Header.ProjectName);
            var at = text.IndexOf(name, StringComparison.Ordinal);
            if (name.Length < 4 || at < 0) continue;
            var window = text.Substring(at + name.Length, Math.Min(60, text.Length - at - name.Length));
            if (ScoreAfterName().Match(window) is not { Success: true } m) continue;
            compared++;
            var quoted = decimal.Parse(m.Groups["s"].Value, CultureInfo.InvariantCulture);
            var form = project.Form.StatedTotal!.Value;
            if (quoted != form)
                findings.Add(new Finding("DE-PROJECT-SCORE", Severity.Error, new FindingLocation(Document, null, Excerpt(name + window[..(m.Index + m.Length)])),
                    Money.Format(form), Money.Format(quoted), quoted - form,
                    $"报告中「{project.Form.Header.ProjectName}」的自评得分为 {quoted} 分，其项目支出绩效自评表（{project.Title}）总分为 {form} 分"));
        }
        var average = Money.Round2(scored.Average(p => p.Form.StatedTotal!.Value));
        var stated = StatedAverage(text, report, document);
        if (stated is { } s && s != average)
            findings.Add(new Finding("DE-PROJECT-AVERAGE", Severity.Error, new FindingLocation(Document, null, "项目自评平均分"), Money.Format(average), Money.Format(s), s - average,
                $"报告所写项目自评平均分 {s} 分，本单位同年度 {scored.Count} 张项目支出绩效自评表总分的平均为 {average} 分（{string.Join(" + ", scored.Select(p => p.Form.StatedTotal))}）÷ {scored.Count}"));
        notes.Add(new CheckNote("与本单位同年度项目支出绩效自评表核对（DE-PROJECT-SCORE、DE-PROJECT-AVERAGE）", true,
            $"{scored.Count} 张自评表，" + (compared == 0 ? "报告未逐项写明项目得分" : $"报告中写明得分的 {compared} 个项目逐一核对") + $"；平均分 {average} 分" + (stated is null ? "（报告未写平均分）" : $"，报告写 {stated} 分")));
    }

    /// <summary>The projects' average as the report states it: "自评价平均分 97.44", or the figure taken from the attached 项目 report.</summary>
    private static decimal? StatedAverage(string compactText, DepartmentSelfEvaluation report, DepartmentReportDocument document)
    {
        if (AverageStated().Match(compactText) is { Success: true } m) return decimal.Parse(m.Groups["s"].Value, CultureInfo.InvariantCulture);
        return StatedScoreReader.Find(document) is { Origin: not ScoreOrigin.Report, Value: { } v } ? v : null;
    }

    internal static string Excerpt(string sentence) => NarrativeTableFigures.Excerpt(sentence);

    [GeneratedRegex("[。；;]")]
    private static partial Regex ClauseBreak();

    [GeneratedRegex(@"^[^。；;]{0,30}?得分[为：:]?(?<s>\d{1,3}(?:\.\d{1,2})?)分")]
    private static partial Regex ScoreAfterName();

    [GeneratedRegex(@"平均分[为：:]?(?<s>\d{1,3}(?:\.\d{1,2})?)")]
    private static partial Regex AverageStated();
}
