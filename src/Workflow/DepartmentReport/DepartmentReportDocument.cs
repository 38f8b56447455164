using System.Text.Json.Serialization;
using Approval.Workflow.SelfEvaluation;

namespace Approval.Workflow.DepartmentReport;

/// <summary>What a section of the 部门整体支出绩效自评报告 is about, recognised from its heading.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReportTopic>))]
public enum ReportTopic
{
    Other,
    /// <summary>部门概述、基本情况、机构情况</summary>
    Overview,
    /// <summary>年度整体（支出）绩效目标</summary>
    Goals,
    /// <summary>预算及执行情况</summary>
    Budget,
    /// <summary>自评情况、整体支出实现情况、评价结论</summary>
    Achievement,
    /// <summary>存在问题及改进措施</summary>
    Problems,
    /// <summary>自评结果应用和公开情况</summary>
    Application,
}

/// <summary>What trails the 整体 report in the same file: reports of their own, not sections of it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AttachmentKind>))]
public enum AttachmentKind
{
    /// <summary>项目支出绩效自评报告</summary>
    ProjectReport,
    /// <summary>项目支出绩效自评情况汇总审核表</summary>
    SummaryTable,
    /// <summary>部门整体支出绩效自评表: the 整体's own indicator table, structurally a 项目支出绩效自评表 with 部门名称 for 项目名称.</summary>
    OverallForm,
}

/// <summary>A heading (Level 2 or 3 under its section) or a paragraph (Level 0) with its text joined across the PDF's line breaks.</summary>
public sealed record ReportBlock(int Level, string Text)
{
    public bool IsHeading => Level > 0;
}

/// <summary>A top-level section ("一、部门概述和基本情况") with its sub-headings and paragraphs in order.</summary>
public sealed record ReportSection(string Heading, ReportTopic Topic, IReadOnlyList<ReportBlock> Blocks)
{
    public IEnumerable<string> SubHeadings => Blocks.Where(b => b.IsHeading).Select(b => b.Text);
}

/// <summary>A report or table attached after the 整体 report; kept as its blocks (a table from a PDF is fragments: shown as lines).</summary>
public sealed record ReportAttachment(string Title, AttachmentKind Kind, IReadOnlyList<ReportBlock> Blocks)
{
    /// <summary>The 部门整体支出绩效自评表 read from its cells (<see cref="AttachmentKind.OverallForm"/>); null when its cells could not be read.</summary>
    public ProjectSelfEvaluationForm? Form { get; init; }
}

/// <summary>A score printed in the text, with where it was found and the sentence that states it.</summary>
public sealed record StatedScore(decimal? Value, string? Grade, ScoreOrigin Origin, string Sentence)
{
    /// <summary>Where the figure was read, in short: 报告正文, 所附项目支出绩效自评报告, 所附汇总审核表的自评价平均分.</summary>
    public string OriginName => Origin switch
    {
        ScoreOrigin.Report => "报告正文",
        ScoreOrigin.OverallForm => "所附部门整体支出绩效自评表的总分",
        ScoreOrigin.ProjectReport => "所附项目支出绩效自评报告",
        ScoreOrigin.SummaryAverage => "所附汇总审核表的自评价平均分",
        _ => "",
    };

    public string OriginText => Origin switch
    {
        ScoreOrigin.Report => "部门整体支出绩效自评报告正文",
        ScoreOrigin.OverallForm => "所附部门整体支出绩效自评表的总分（报告正文未写部门整体自评得分）",
        ScoreOrigin.ProjectReport => "所附项目支出绩效自评报告（报告正文未写部门整体自评得分）",
        ScoreOrigin.SummaryAverage => "所附汇总审核表的自评价平均分（报告正文未写部门整体自评得分）",
        _ => "",
    };
}

[JsonConverter(typeof(JsonStringEnumConverter<ScoreOrigin>))]
public enum ScoreOrigin
{
    Report,
    ProjectReport,
    SummaryAverage,
    OverallForm,
}

/// <summary>The 部门整体支出绩效自评报告 as a document: title, preface, sections, 落款, attachments.</summary>
public sealed record DepartmentReportDocument(
    string? Title,
    string? UnitName,
    int? Year,
    IReadOnlyList<ReportBlock> Preface,
    IReadOnlyList<ReportSection> Sections,
    IReadOnlyList<string> Closing,
    IReadOnlyList<ReportAttachment> Attachments)
{
    public ReportSection? Section(ReportTopic topic) => Sections.FirstOrDefault(s => s.Topic == topic);

    /// <summary>Topics found in a section heading or in one of its sub-headings ("（三）年度整体支出绩效目标" under 一).</summary>
    public IReadOnlySet<ReportTopic> Topics =>
        Sections.SelectMany(s => s.SubHeadings.Select(DepartmentReportReader.TopicOf).Prepend(s.Topic)).Where(t => t != ReportTopic.Other).ToHashSet();
}
