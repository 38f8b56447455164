using Approval.Workflow.Import;
using Approval.Workflow.SelfEvaluation;

namespace Approval.Workflow.Tests;

/// <summary>Issue #27: a 自评表's columns found by their header words, with regional synonyms and look-alike signs.</summary>
public class HeaderWordColumnsTests
{
    /// <summary>A small 自评表 whose funds and indicator blocks are given as header + rows (cells joined by tabs).</summary>
    private static string Form(string[] funds, string[][] indicators) =>
        string.Join("\n", new[]
        {
            "绩效目标自评表",
            "项目名称\t测试项目\t\t实施单位\t测试单位",
            "主管部门\t测试部门\t\t实施单位\t测试单位",
        }.Concat(funds).Concat(indicators.Select(r => string.Join("\t", r))).Append("总分\t\t\t\t\t100\t99"));

    private static readonly string[] StandardFunds =
    [
        "项目资金(万元)\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
        "年度资金总额:\t100\t100\t90\t10\t90.00%\t9",
    ];

    private static ProjectSelfEvaluationForm Read(string text)
    {
        var report = ReportTextImporter.ReadText(text, "form.txt");
        Assert.DoesNotContain(report.Issues, i => i.Fatal);
        return Assert.Single(report.Forms);
    }

    [Fact]
    public void Weight_printed_before_the_target_still_reads_every_indicator_row()
    {
        var form = Read(Form(StandardFunds,
        [
            ["一级指标", "二级指标", "三级指标", "分值", "年度指标值", "实际完成值", "得分", "偏差原因分析及改进措施"],
            ["产出指标", "数量指标", "完成事项", "50", "≥10个", "12个", "50", ""],
            ["效益指标", "社会效益指标", "群众受益", "30", "有效提升", "有效提升", "30", ""],
            ["满意度指标", "服务对象满意度指标", "满意度", "10", "≥90%", "95%", "10", ""],
        ]));
        Assert.Equal([50m, 30m, 10m], form.Indicators.Select(i => i.Weight));
        Assert.Equal("≥10个", form.Indicators[0].Target);
        Assert.Equal("12个", form.Indicators[0].Actual);
        Assert.Equal([50m, 30m, 10m], form.Indicators.Select(i => i.StatedScore!.Value));
    }

    [Fact]
    public void Sichuan_words_weight_target_and_actual_are_synonyms()
    {
        var form = Read(Form(StandardFunds,
        [
            ["一级指标", "二级指标", "三级指标", "指标值", "实际值", "权重", "得分", "偏差原因分析"],
            ["产出指标", "数量指标", "完成事项", "≥10个", "12个", "50", "50", ""],
            ["效益指标", "社会效益指标", "群众受益", "有效提升", "有效提升", "30", "30", ""],
            ["满意度指标", "服务对象满意度指标", "满意度", "≥90%", "95%", "10", "10", ""],
        ]));
        Assert.Equal(3, form.Indicators.Count);
        Assert.Equal("≥90%", form.Indicators[2].Target);
        Assert.Contains("年度指标值（表头「指标值」）、实际完成值（表头「实际值」）、分值（表头「权重」）", form.ColumnsRead);
        Assert.Equal(10m, form.Indicators[2].Weight);
    }

    [Fact]
    public void A_figure_in_the_deviation_column_is_never_the_score()
    {
        var form = Read(Form(StandardFunds,
        [
            ["一级指标", "二级指标", "三级指标", "指标值", "实际值", "权重", "得分", "偏差原因分析"],
            ["产出指标", "数量指标", "完成事项", "≥10个", "8个", "50", "40", "2"],
            ["效益指标", "社会效益指标", "群众受益", "有效提升", "有效提升", "30", "30", ""],
            ["满意度指标", "服务对象满意度指标", "满意度", "≥90%", "95%", "10", "10", ""],
        ]));
        Assert.Equal(40m, form.Indicators[0].StatedScore);
        Assert.Equal("2", form.Indicators[0].Deviation);
    }

    [Fact]
    public void A_funds_block_without_the_planned_budget_never_reads_the_rate_as_the_weight()
    {
        var form = Read(Form(
        [
            "项目资金(万元)\t全年预算数\t全年执行数\t分值\t执行率\t得分",
            "年度资金总额:\t100\t100\t10\t100.00%\t10",
        ],
        [
            ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
            ["产出指标", "数量指标", "完成事项", "≥10个", "12个", "50", "50", ""],
            ["效益指标", "社会效益指标", "群众受益", "有效提升", "有效提升", "30", "30", ""],
            ["满意度指标", "服务对象满意度指标", "满意度", "≥90%", "95%", "10", "10", ""],
        ]));
        Assert.Equal(10m, form.Funds.Weight);
        Assert.Null(form.Funds.Total.InitialBudget);
        Assert.Equal(100m, form.Funds.Total.FullYearBudget);
        Assert.Equal(100m, form.Funds.StatedRatePercent);
        Assert.Equal(10m, form.Funds.StatedScore);
        var result = SelfEvaluationEngine.Evaluate(form);
        Assert.DoesNotContain(result.Findings, f => f.Rule is "SE-FUNDS-WEIGHT" or "SE-WEIGHT-SUM");
    }

    [Theory]
    [InlineData("\uFE66100%", TargetKind.Positive)] // ﹦, the small-form equals sign
    [InlineData("＝100％", TargetKind.Positive)]
    [InlineData("≧95%", TargetKind.Positive)]
    [InlineData("≦5000元", TargetKind.Negative)]
    public void Look_alike_signs_are_read_as_the_signs_they_stand_for(string target, TargetKind kind)
    {
        var parsed = TargetParser.Parse(target);
        Assert.Equal(kind, parsed.Kind);
        Assert.NotNull(parsed.Value);
        Assert.Equal("=100%", FullWidthFigures.LookAlikes("\uFE66100%").Replace('％', '%'));
    }
}
