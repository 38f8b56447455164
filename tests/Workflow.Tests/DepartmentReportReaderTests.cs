using Approval.Workflow.DepartmentReport;
using Approval.Workflow.Templates;

namespace Approval.Workflow.Tests;

/// <summary>Seed 001 (弋阳县政务服务中心 2021) read as the document it is, and the 部门整体 paragraphs of the other seeds.</summary>
public class DepartmentReportReaderTests
{
    private static readonly string Seed001 = Seeds.Import(Seeds.YiyangGovService2021).Narrative;

    [Fact]
    public void Seed_001_has_its_title_unit_year_and_four_sections_in_order_despite_the_restart_inside_section_two()
    {
        var report = DepartmentReportReader.Read(Seed001);
        Assert.Equal("弋阳县政务服务中心 2021 年度部门整体支出绩效自评报告", report.Title);
        Assert.Equal("弋阳县政务服务中心", report.UnitName);
        Assert.Equal(2021, report.Year);
        Assert.Equal(["一、部门概述和基本情况", "二、政务服务中心整体支出实现情况", "三、中心整体绩效存在问题及改进措施", "四、绩效自评结果拟应用和公开情况"],
            report.Sections.Select(s => s.Heading));
        Assert.Equal([ReportTopic.Overview, ReportTopic.Achievement, ReportTopic.Problems, ReportTopic.Application], report.Sections.Select(s => s.Topic));
        // "一、2021 年主要工作" restarts the numbering inside 二: a heading of 二, its （一）（二）（三） one level deeper.
        var two = report.Sections[1];
        Assert.Contains(new ReportBlock(2, "一、2021 年主要工作"), two.Blocks);
        Assert.Contains(new ReportBlock(3, "（二）聚焦办事难点，提升政务服务效能。"), two.Blocks);
        Assert.Equal(["（一）机构情况", "（二）政务服务中心总体工作目标、工作任务。", "（三）年度整体支出绩效目标", "（四）政务服务中心预算绩效管理开展情况", "（五）政务服务中心预算及执行情况。", "(一)收入支出预算执行情况分析"],
            report.Sections[0].SubHeadings);
        Assert.True(report.Topics.IsSupersetOf([ReportTopic.Overview, ReportTopic.Goals, ReportTopic.Budget, ReportTopic.Achievement, ReportTopic.Problems, ReportTopic.Application]));
        Assert.Equal(["弋阳县政务服务中心", "二 0 二二年九月十八日"], report.Closing);
    }

    [Fact]
    public void Seed_001_paragraphs_are_joined_across_the_pdf_line_breaks_and_blank_lines()
    {
        var report = DepartmentReportReader.Read(Seed001);
        var preface = Assert.Single(report.Preface);
        Assert.StartsWith("为深入贯彻落实《中共江西省委 江西人民政府关于全面实施预算绩效管理的意见》", preface.Text);
        Assert.EndsWith("现将我中心部门整体支出绩效评价情况报告如下：", preface.Text);
        var overview = report.Sections[0].Blocks.Where(b => !b.IsHeading).Select(b => b.Text).ToList();
        // a paragraph split over a page break (three blank lines) is one paragraph
        Assert.Contains("我中心是参照公务法管理的事业单位，包括督察股、业务股、办公室和下设的公共资源交易中心。编制人数共 10人，其中参照公务员管理的事业编制人数为 7 人，补助事业编制 4 人；实有人数 25 人，其中：参照公务员管理的事业编制人数为 7 人，补助事业编制 1 人，聘用人员 4 人，政府购买人员 13 人。", overview);
        // numbered items are paragraphs of their own, not run into the line before
        Assert.Contains("1.聚焦改革创新，提升线上线下双融合", overview);
        Assert.Contains("（2）积极助推“一件事一次办”改革落地。", overview);
        Assert.Contains("2021 年财政拨款支出为 241.44 万元，其中：工资福利支出 149.72 万元，日常公用支出 91.72 万元。", overview);
        var problems = report.Sections[2].Blocks.Where(b => !b.IsHeading).Select(b => b.Text).ToList();
        Assert.Equal(3, problems.Count(p => p.StartsWith("一是", StringComparison.Ordinal) || p.StartsWith("二是", StringComparison.Ordinal) || p.StartsWith("三是", StringComparison.Ordinal)));
        Assert.DoesNotContain(report.Sections.SelectMany(s => s.Blocks), b => b.Text.Contains('\n'));
    }

    [Fact]
    public void Seed_001_trailing_project_report_and_summary_table_are_attachments_not_sections()
    {
        var report = DepartmentReportReader.Read(Seed001);
        Assert.Equal([("项目支出绩效自评报告", AttachmentKind.ProjectReport), ("2021 年度项目支出绩效自评情况汇总审核表", AttachmentKind.SummaryTable)],
            report.Attachments.Select(a => (a.Title, a.Kind)));
        Assert.DoesNotContain(report.Sections, s => s.Heading.Contains("项目基本情况", StringComparison.Ordinal));
        var project = report.Attachments[0];
        Assert.Contains(new ReportBlock(2, "三、综合评价情况及评价结论"), project.Blocks);
        Assert.Contains(project.Blocks, b => b.Text.Contains("自评得分 97.44 分，项目绩效评价为优秀。", StringComparison.Ordinal));
        // the table's fragments stay lines: 自评价 / 平均分 / 97.44 are not glued into a sentence
        Assert.Contains(new ReportBlock(0, "97.44"), report.Attachments[1].Blocks);
    }

    [Fact]
    public void Seed_001_states_no_score_of_its_own_the_97_44_comes_from_the_attached_project_report()
    {
        var score = StatedScoreReader.Find(DepartmentReportReader.Read(Seed001));
        Assert.NotNull(score);
        Assert.Equal(97.44m, score.Value);
        Assert.Equal("优秀", score.Grade);
        Assert.Equal(Grade.优, StatedScoreReader.GradeOf(score.Grade));
        Assert.Equal(ScoreOrigin.ProjectReport, score.Origin);
        Assert.Contains("自评得分 97.44 分，项目绩效评价为优秀", score.Sentence);
    }

    [Theory]
    // 003: "评价得分98.69分" ends the paragraph on the sixteen projects; the 部门整体's own is 97.33
    [InlineData(Seeds.JingdezhenAdminService2022, "97.33", null)]
    // 004: "…涉及一般公共预算支出1112.22万元，政府性基金预算支出0万元，评价结果为“优”"
    [InlineData(Seeds.GanzhouRongjiang2023, null, "优")]
    // 000: "…对本单位2021年部门整体支出绩效进行了自评。财政支出绩效为“优”。" across a line break and a blank line
    [InlineData(Seeds.ShangraoGovService2021, null, "优")]
    // 002: "…有效发挥了财政资金使用效率，基本保障单位正常运行" — neither score nor grade
    [InlineData(Seeds.ShangraoBigData2021, null, null)]
    public void The_other_seeds_whole_department_paragraphs_give_their_score_or_grade_and_no_project_score(string seed, string? score, string? grade)
    {
        var found = StatedScoreReader.FromNarrative(Seeds.Import(seed).Narrative);
        Assert.Equal(score is null ? null : decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture), found?.Value);
        Assert.Equal(grade, found?.Grade);
    }
}
