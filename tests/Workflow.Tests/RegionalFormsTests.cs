using Approval.Workflow.Checking;
using Approval.Workflow.Import;
using Approval.Workflow.SelfEvaluation;
using Approval.Workflow.Templates;

namespace Approval.Workflow.Tests;

/// <summary>
/// Issue #27: the 自评表 of other provinces, read and scored end to end. 四川 words its funds block and indicators 权重 /
/// 指标值 (资金总额, 财政资金 in some years) and puts 绩效指标 before 一级指标; 云南 prints the funds labels in the first column
/// and heads its targets 指标值.
/// </summary>
public class RegionalFormsTests
{
    private const string Sichuan = """
        项目支出绩效自评表
        （2022年度）
        项目名称	乡村振兴示范村建设
        主管部门	某县农业农村局		实施单位	某县农业农村局
        项目资金（万元）		年初预算数	全年预算数	全年执行数	权重	执行率	得分
        		年度资金总额	200	200	180	10	90%	9
        		其中：财政资金	200	200	180	—	—	—
        		其他资金	0	0	0	—	—	—
        年度总体目标	预期目标			实际完成情况
        	建成示范村3个			建成示范村3个
        绩效指标	一级指标	二级指标	三级指标	指标值	实际完成值	权重	得分	偏差原因分析及改进措施
        	产出指标	数量指标	建成示范村数量	≥3个	3个	20	20
        			培训农户人次	≥500人次	400人次	10	8	受疫情影响培训场次减少
        		质量指标	工程验收合格率	100%	100%	10	10
        		时效指标	按期完工率	100%	100%	10	10
        	效益指标	经济效益指标	村集体经济收入增长率	≥10%	12%	15	15
        		社会效益指标	带动就业人数	≥50人	60人	15	15
        	满意度指标	服务对象满意度指标	村民满意度	≥90%	93%	10	10
        总分						100	97
        """;

    private const string Yunnan = """
        项目支出绩效自评表
        （2021年度）
        项目名称	边境口岸疫情防控
        主管部门	某州卫生健康委员会	实施单位	某州疾病预防控制中心
        项目资金（万元）	年初预算数	全年预算数	全年执行数	分值	执行率	得分
        年度资金总额	50.00	60.00	57.00	10	95.00%	9.5
        其中：财政拨款	50.00	60.00	57.00	—	—	—
        其他资金	0.00	0.00	0.00	—	—	—
        年度总体目标	预期目标	实际完成情况
        	完成口岸防控任务	完成口岸防控任务
        一级指标	二级指标	三级指标	指标值	实际完成值	分值	得分	偏差原因分析及改进措施
        产出指标	数量指标	核酸检测人次	≥10000人次	12000人次	30	30
        	质量指标	检测结果准确率	≥99%	99.5%	20	20
        效益指标	社会效益指标	疫情输入风险	有效降低	有效降低	20	20
        	可持续影响指标	防控能力	持续提升	持续提升	10	10
        满意度指标	服务对象满意度指标	群众满意度	≥90%	92%	10	10
        总分					100	99.5
        """;

    private static (ProjectSelfEvaluationForm Form, SelfEvaluationResult Result) Score(string text)
    {
        var report = ReportTextImporter.ReadText(text, "form.txt");
        Assert.DoesNotContain(report.Issues, i => i.Fatal);
        var form = Assert.Single(report.Forms);
        return (form, SelfEvaluationEngine.Evaluate(form));
    }

    [Theory]
    [InlineData("年度资金总额")]
    [InlineData("资金总额")]
    public void Sichuan_funds_worded_with_weight_and_indicators_with_target_value_are_read_and_scored(string totalLabel)
    {
        var (form, result) = Score(Sichuan.Replace("\t\t年度资金总额\t", $"\t\t{totalLabel}\t", StringComparison.Ordinal));
        // Funds: 权重 is the weight (10), 180 / 200 = 90% of it.
        Assert.Equal(10m, form.Funds.Weight);
        Assert.Equal((200m, 200m, 180m), (form.Funds.Total.InitialBudget, form.Funds.Total.FullYearBudget, form.Funds.Total.Executed));
        Assert.Equal(90m, form.Funds.StatedRatePercent);
        Assert.Equal(9m, form.Funds.StatedScore);
        Assert.Equal(["财政资金", "其他资金"], form.Funds.SubRows.Select(r => r.Name));
        // Indicators: 指标值 is the target, 权重 the weight; 400 of ≥500 人次 is 8 of 10.
        Assert.Equal(7, form.Indicators.Count);
        Assert.Equal("≥500人次", form.Indicators[1].Target);
        Assert.Equal([20m, 10m, 10m, 10m, 15m, 15m, 10m], form.Indicators.Select(i => i.Weight));
        Assert.Contains("年度指标值（表头「指标值」）", form.ColumnsRead);
        Assert.Contains("分值（表头「权重」）", form.ColumnsRead);
        Assert.Equal(8m, Money.Round2(result.Indicators[1].Computed!.Value));
        Assert.Equal(97m, Money.Round2(result.Total));
        Assert.Equal(Grade.优, result.Grade);
        Assert.False(result.HasErrors, string.Join("；", result.Findings.Select(f => f.Message)));
        Assert.Equal(97m, form.StatedTotal);
        Assert.Empty(result.Findings.Select(f => f.Rule + f.Message));
    }

    [Fact]
    public void Sichuan_a_wrong_score_under_weight_wording_is_found()
    {
        var (_, result) = Score(Sichuan.Replace("400人次\t10\t8", "400人次\t10\t10", StringComparison.Ordinal).Replace("100\t97", "100\t99", StringComparison.Ordinal));
        Assert.Contains(result.Findings, f => f.Rule == "SE-INDICATOR-SCORE" && f.Severity == Severity.Error && f.Expected == "8.00");
    }

    [Fact]
    public void Yunnan_funds_labels_in_the_first_column_and_target_value_header_are_read_and_scored()
    {
        var (form, result) = Score(Yunnan);
        Assert.Equal("边境口岸疫情防控", form.Header.ProjectName);
        Assert.Equal((50m, 60m, 57m), (form.Funds.Total.InitialBudget, form.Funds.Total.FullYearBudget, form.Funds.Total.Executed));
        Assert.Equal(10m, form.Funds.Weight);
        Assert.Equal(["财政拨款", "其他资金"], form.Funds.SubRows.Select(r => r.Name));
        Assert.Equal(("完成口岸防控任务", "完成口岸防控任务"), (form.Goal.Expected, form.Goal.Actual));
        Assert.Equal(["核酸检测人次", "检测结果准确率", "疫情输入风险", "防控能力", "群众满意度"], form.Indicators.Select(i => i.Name));
        Assert.Equal("≥10000人次", form.Indicators[0].Target);
        Assert.Equal(["产出", "产出", "效益", "效益", "满意度"], form.Indicators.Select(i => i.LevelOne));
        // 57 / 60 = 95% of 10 = 9.5; every indicator met: 99.5.
        Assert.Equal(9.5m, Money.Round2(result.Funds.Score));
        Assert.Equal(99.5m, Money.Round2(result.Total));
        Assert.False(result.HasErrors, string.Join("；", result.Findings.Select(f => f.Message)));
    }

    [Fact]
    public void Yunnan_an_actual_short_of_its_target_value_is_scored_by_the_target()
    {
        // 8000 of ≥10000 人次: 24 of 30, printed 30.
        var (_, result) = Score(Yunnan.Replace("12000人次\t30\t30", "8000人次\t30\t30", StringComparison.Ordinal));
        var finding = Assert.Single(result.Findings, f => f.Rule == "SE-INDICATOR-SCORE");
        Assert.Equal(("24.00", "30"), (finding.Expected, finding.Actual));
    }

    [Theory]
    [InlineData("pipes")]
    [InlineData("spaces")]
    public void Both_read_the_same_pasted_with_pipes_or_spaces(string layout)
    {
        foreach (var text in new[] { Sichuan, Yunnan })
        {
            var pasted = layout == "pipes" ? PastedLayoutTests.Pipes(text) : PastedLayoutTests.Spaces(text);
            var (form, result) = Score(pasted);
            var (expectedForm, expected) = Score(text);
            Assert.Equal(expectedForm.Indicators.Select(i => (i.Name, i.Target, i.Actual, i.Weight, i.StatedScore)), form.Indicators.Select(i => (i.Name, i.Target, i.Actual, i.Weight, i.StatedScore)));
            Assert.Equal(expected.Total, result.Total);
            Assert.Equal(expected.Findings.Select(f => f.Rule), result.Findings.Select(f => f.Rule));
        }
    }
}
