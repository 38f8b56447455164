using Approval.Workflow.Checking;
using Approval.Workflow.Import;
using Approval.Workflow.SelfEvaluation;

namespace Approval.Workflow.Tests;

/// <summary>
/// The constructed examples of docs/rules.md ("seed 002's … changed to … → finding"): each changes one figure of seed 002 and the
/// rule named fires, an error, by the difference the docs state — so the docs and the engine cannot drift apart.
/// </summary>
public class DocumentedExampleTests
{
    public static TheoryData<string, string, string, decimal> Seed002Examples() => new()
    {
        // 公开01 本年收入合计 1,387.15 → 1,397.15: its lines add to 1,387.15; 1,397.15 + 0.00 + 277.40 = 1,674.55 ≠ 总计 1,664.55;
        // 02's 合计 1,387.15 ≠ 01's 本年收入合计.
        { "本年收入合计\t27\t1,387.15\t本年支出合计", "本年收入合计\t27\t1,397.15\t本年支出合计", "DT01-INCOME-SUM", 10m },
        { "本年收入合计\t27\t1,387.15\t本年支出合计", "本年收入合计\t27\t1,397.15\t本年支出合计", "DT01-INCOME-TOTAL", 10m },
        { "本年收入合计\t27\t1,387.15\t本年支出合计", "本年收入合计\t27\t1,397.15\t本年支出合计", "DTX-02-01", 10m },
        // 公开01 年末结转和结余 0.00 → 5.00: 1,664.55 + 0.00 + 5.00 = 1,669.55 ≠ 总计 1,664.55.
        { "年末结转和结余\t60\t0.00", "年末结转和结余\t60\t5.00", "DT01-EXPENSE-TOTAL", 5m },
        // 公开01 支出方总计 1,664.55 → 1,674.55: ≠ 收入方总计 1,664.55.
        { "<b>总计</b>\t<b>31</b>\t<b>1,664.55</b>\t<b>总计</b>\t<b>62</b>\t<b>1,664.55</b>", "<b>总计</b>\t<b>31</b>\t<b>1,664.55</b>\t<b>总计</b>\t<b>62</b>\t<b>1,674.55</b>", "DT01-BALANCE", 10m },
        // 公开03 2010401 行政运行 本年支出合计 328.25 → 338.25: 基本 328.25 + 项目 0.00 + … = 328.25.
        { "2010401\t行政运行\t328.25\t328.25\t0.00\t0.00\t0.00\t0.00", "2010401\t行政运行\t338.25\t328.25\t0.00\t0.00\t0.00\t0.00", "DT-ROW-SUM", 10m },
        // 公开03 合计 本年支出合计 1,664.55 → 1,674.55: ≠ 01's 本年支出合计 1,664.55.
        { "\t合计\t1,664.55\t328.25\t1,336.30", "\t合计\t1,674.55\t328.25\t1,336.30", "DTX-03-01", 10m },
        // 公开04 本年收入合计 1,387.15 → 1,397.15: its lines 1,387.15 + 0.00 + 0.00; 1,397.15 + 277.40 ≠ 总计 1,664.55.
        { "<b>本年收入合计</b>\t<b>27</b>\t<b>1,387.15</b>", "<b>本年收入合计</b>\t<b>27</b>\t<b>1,397.15</b>", "DT04-INCOME-SUM", 10m },
        { "<b>本年收入合计</b>\t<b>27</b>\t<b>1,387.15</b>", "<b>本年收入合计</b>\t<b>27</b>\t<b>1,397.15</b>", "DT04-INCOME-TOTAL", 10m },
        // 公开04 一、一般公共预算财政拨款 1,387.15 → 1,397.15: ≠ 01's 一、一般公共预算财政拨款收入 1,387.15.
        { "一、一般公共预算财政拨款\t1\t1,387.15", "一、一般公共预算财政拨款\t1\t1,397.15", "DTX-04-01", 10m },
        // 公开04 一、一般公共服务支出 小计 328.25 → 338.25: ≠ 328.25 + 0.00 + 0.00; the 小计 column's lines add to 1,674.55 ≠ 1,664.55.
        { "一、一般公共服务支出\t33\t328.25\t328.25\t0.00\t0.00", "一、一般公共服务支出\t33\t338.25\t328.25\t0.00\t0.00", "DT04-ROW-SUM", 10m },
        { "一、一般公共服务支出\t33\t328.25\t328.25\t0.00\t0.00", "一、一般公共服务支出\t33\t338.25\t328.25\t0.00\t0.00", "DT04-EXPENSE-SUM", 10m },
        // 公开04 年末财政拨款结转和结余 0.00 → 5.00 (小计 and 一般公共预算): 1,664.55 + 5.00 ≠ 总计 1,664.55.
        { "年末财政拨款结转和结余\t60\t0.00\t0.00", "年末财政拨款结转和结余\t60\t5.00\t5.00", "DT04-EXPENSE-TOTAL", 5m },
        // 公开04 收入方总计 1,664.55 → 1,674.55: ≠ 支出方总计 1,664.55.
        { "<b>总计</b>\t<b>32</b>\t<b>1,664.55</b>", "<b>总计</b>\t<b>32</b>\t<b>1,674.55</b>", "DT04-BALANCE", 10m },
        // 公开05 合计 本年支出合计 1,664.55 → 1,674.55: ≠ 04's 本年支出合计 一般公共预算财政拨款 1,664.55.
        { "合计\t\t\t1,664.55\t328.25\t1,336.30", "合计\t\t\t1,674.55\t328.25\t1,336.30", "DTX-05-04", 10m },
        // 公开06 人员经费合计 294.39 → 304.39: 301 281.27 + 303 13.12 = 294.39; 304.39 + 33.86 ≠ 05's 基本支出 328.25.
        { "人员经费合计\t\t294.39", "人员经费合计\t\t304.39", "DT06-PERSONNEL", 10m },
        { "人员经费合计\t\t294.39", "人员经费合计\t\t304.39", "DTX-06-05", 10m },
        // 公开06 公用经费合计 33.86 → 43.86: 302 33.65 + 307 0 + 310 0.20 + 312 0 + 399 0 = 33.85.
        { "公用支出合计\t\t\t\t\t\t33.86", "公用支出合计\t\t\t\t\t\t43.86", "DT06-PUBLIC", 10.01m },
        // 公开07 一、“三公”经费支出 决算数 7.11 → 9.11: 出国 0.00 + 公务用车 0.00 + 接待 7.11 = 7.11.
        { "一、“三公”经费支出\t1\t8.00\t7.11", "一、“三公”经费支出\t1\t8.00\t9.11", "DT3G-TOTAL", 2m },
        // 公开07 3.公务接待费 决算数 7.11 → 9.11: 国内 7.11 + 国（境）外 0.00 = 7.11.
        { "3.公务接待费\t6\t8.00\t7.11", "3.公务接待费\t6\t8.00\t9.11", "DT3G-RECEPTION", 2m },
        // 公开07 （1）公务用车购置费 决算数 0.00 → 1.00: 2.公务用车购置及运行维护费 0.00 ≠ 1.00 + 0.00.
        { "（1）公务用车购置费\t4\t0.00\t0.00", "（1）公务用车购置费\t4\t0.00\t1.00", "DT3G-CARS", 1m },
        // 公开10 车辆数合计 1 → 2: its lines hold one 特种专业技术用车.
        { "一、车辆数合计(台、辆)\t\t1\t1", "一、车辆数合计(台、辆)\t\t1\t2", "DT10-VEHICLES", 1m },
    };

    /// <summary>The examples whose finding is a warning or names no difference (a direction, a grade, a blank), and those on 08, 09 and the 自评表.</summary>
    public static TheoryData<string, string, string, Severity, decimal?> Seed002FindingExamples() => new()
    {
        // 公开08 filled with one 合计 row: 本年收入 and 本年支出 10.00 against 04's 政府性基金预算财政拨款 0.00 (收入 line 二 and 本年支出合计's column).
        { "栏次合计\t\t\t\t\t\t\t\t", "栏次合计\t\t\t0.00\t10.00\t10.00\t0.00\t10.00\t0.00", "DTX-08-04", Severity.Error, 10m },
        // 公开09 filled with one 合计 row 10.00 against 04's 本年支出合计 国有资本经营预算财政拨款 0.00.
        { "类\t款\t项\t栏次 合计\t1\t2\t3\n", "类\t款\t项\t栏次 合计\t1\t2\t3\n合计\t\t\t10.00\t0.00\t10.00\n", "DTX-09-04", Severity.Error, 10m },
        // 情况说明: 商品和服务支出 "较2020年增加1.33万元，增长4%" with 增长 changed to 下降: the amount grew.
        { "较2020年增加1.33万元，增长4%", "较2020年增加1.33万元，下降4%", "NR-DIRECTION", Severity.Error, null },
        // 智能化维保: the qualitative 「网络的运行维护保养及设备升级更换」 (分值 5) scored 6: 6 − 5 = 1 over its range.
        { "设备运行良好,无故障\t设备运行良好,无故障\t5\t5", "设备运行良好,无故障\t设备运行良好,无故障\t5\t6", "SE-SCORE-CAP", Severity.Error, 1m },
        // 智能化维保: the qualitative 「网络的运行维护保养及设备升级更换」 with its 得分 5 written "—": unscored, counted 0.
        { "设备运行良好,无故障\t设备运行良好,无故障\t5\t5", "设备运行良好,无故障\t设备运行良好,无故障\t5\t—", "SE-SCORE-MISSING", Severity.Warning, null },
        // 智能化维保: the quantitative 「网络故障修复率」 (≥95%, 99%) with its 得分 written "—": the rule gives 5.
        { "\t网络故障修复率\t≥95%以上\t99%\t5\t5", "\t网络故障修复率\t≥95%以上\t99%\t5\t—", "SE-SCORE-MISSING", Severity.Warning, null },
        // 智能化维保: 预算执行 分值 10 → 12: the template gives 10.
        { "年度资金总额:\t220\t220\t215\t10\t97.70%\t9.8", "年度资金总额:\t220\t220\t215\t12\t97.70%\t9.8", "SE-FUNDS-WEIGHT", Severity.Error, 2m },
        // 智能化维保: 全年预算数 220 → 0: no 执行率 (215 ÷ 0) can be computed.
        { "年度资金总额:\t220\t220\t215\t10\t97.70%\t9.8", "年度资金总额:\t220\t0\t215\t10\t97.70%\t9.8", "SE-FUNDS-MISSING", Severity.Error, null },
        // 智能化维保: 质量指标 → 社会效益指标 under 产出指标: 社会效益 belongs to 效益, not to 产出 (its three rows each warned).
        { "\t\t质量指标\t网络故障修复率", "\t\t社会效益指标\t网络故障修复率", "SE-LEVEL2-UNKNOWN", Severity.Warning, null },
        // 智能化维保: 总分 99.8 → 89.8, a 良; the rules give 9.77 + 100 = 109.77, an 优.
        { "\t总分\t\t\t\t\t100\t99.8", "\t总分\t\t\t\t\t100\t89.8", "SE-GRADE-RECOMPUTED", Severity.Error, null },
        // 赣服通: 总分 87.5 → 90.5, an 优; the rules give 81.34, a 良.
        { "总分\t\t\t\t\t90\t87.5", "总分\t\t\t\t\t90\t90.5", "SE-GRADE-RECOMPUTED", Severity.Error, null },
    };

    [Theory, MemberData(nameof(Seed002FindingExamples))]
    public void Seed_002_with_one_cell_changed_fires_the_documented_finding(string passage, string replacement, string rule, Severity severity, decimal? difference)
    {
        var before = All(NarrativeMismatchTests.Seed002With(passage, passage)).Where(f => f.Rule == rule).Select(f => f.Message).ToHashSet();
        var added = All(NarrativeMismatchTests.Seed002With(passage, replacement)).Where(f => f.Rule == rule && !before.Contains(f.Message)).ToList();
        Assert.NotEmpty(added);
        Assert.All(added, f => Assert.Equal(severity, f.Severity));
        if (difference is { } d) Assert.Contains(d, added.Select(f => Math.Abs(f.Difference ?? 0)));
    }

    [Theory]
    [InlineData("影响", 5, "SE-LEVEL1-UNKNOWN")]
    [InlineData("产出", -5, "SE-NEGATIVE-WEIGHT")]
    public void Seed_002s_form_as_typed_through_the_api_with_one_cell_changed_fires_the_documented_rule(string levelOne, int weight, string rule)
    {
        // 智能化维保's 「网络故障修复率」 (产出, 分值 5) with its 一级指标 or 分值 changed, as a form typed cell by cell arrives.
        var form = Seeds.Import(Seeds.ShangraoBigData2021).Forms.Single(f => f.Header.ProjectName == "智能化维保");
        Assert.DoesNotContain(SelfEvaluationEngine.Evaluate(form).Findings, f => f.Rule == rule);
        var changed = form with
        {
            Indicators = [.. form.Indicators.Select(i => i.Name == "网络故障修复率" ? i with { LevelOne = levelOne, Weight = weight } : i)],
        };
        var finding = Assert.Single(SelfEvaluationEngine.Evaluate(changed).Findings, f => f.Rule == rule);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains("网络故障修复率", finding.Location.Row, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_weight_in_seed_002s_text_is_refused_at_import()
    {
        // SE-NEGATIVE-WEIGHT checks a form typed through the API; read from a text, the report is refused before anything is checked.
        var report = ReportTextImporter.ReadText(NarrativeMismatchTests.Seed002With("设备运行良好,无故障\t设备运行良好,无故障\t5\t5", "设备运行良好,无故障\t设备运行良好,无故障\t-5\t5"),
            Seeds.ShangraoBigData2021);
        Assert.Contains(report.Issues, i => i.Fatal && i.Message.Contains("分值为负数（-5）", StringComparison.Ordinal));
        Assert.Empty(ReportChecker.Check(report).Documents);
    }

    private static List<Finding> All(string text) =>
        [.. ReportChecker.Check(ReportTextImporter.ReadText(text, Seeds.ShangraoBigData2021)).Documents.SelectMany(d => d.Findings)];

    [Theory, MemberData(nameof(Seed002Examples))]
    public void Seed_002_with_one_figure_changed_fires_the_documented_rule(string passage, string replacement, string rule, decimal difference)
    {
        var before = All(NarrativeMismatchTests.Seed002With(passage, passage)).Select(f => f.Message).ToHashSet();
        var added = All(NarrativeMismatchTests.Seed002With(passage, replacement)).Where(f => f.Rule == rule && !before.Contains(f.Message)).ToList();
        Assert.NotEmpty(added);
        Assert.All(added, f => Assert.Equal(Severity.Error, f.Severity));
        Assert.Contains(difference, added.Select(f => Math.Abs(f.Difference ?? 0)));
    }
}
