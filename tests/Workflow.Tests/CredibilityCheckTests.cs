using Approval.Workflow.Credibility;
using Approval.Workflow.SelfEvaluation;

namespace Approval.Workflow.Tests;

/// <summary>自评质量 flags (#29): each on a small made-up form that carries it, never on the same form without it.</summary>
public class CredibilityCheckTests
{
    private static IndicatorRow Row(string levelOne, string levelTwo, string name, decimal weight, string target, string actual, decimal? score = null, string? deviation = null) =>
        new() { Id = $"r-{name}", LevelOne = levelOne, LevelTwo = levelTwo, Name = name, Weight = weight, Target = target, Actual = actual, StatedScore = score ?? weight, Deviation = deviation };

    /// <summary>A sound form: 执行率 98%, measurable targets met, 成本 and 效益 present, 满意度 in its own place.</summary>
    private static List<IndicatorRow> Sound() =>
    [
        Row("产出指标", "数量指标", "设备维护台数", 20, "≥120台", "126台"),
        Row("产出指标", "质量指标", "故障修复率", 15, "≥95%", "98%"),
        Row("产出指标", "时效指标", "故障响应时间", 10, "≤2小时", "1.5小时"),
        Row("产出指标", "成本指标", "单台维护成本", 5, "≤800元", "760元"),
        Row("效益指标", "社会效益指标", "窗口业务中断次数", 30, "≤3次", "1次"),
        Row("满意度指标", "服务对象满意度指标", "办事群众满意度", 10, "≥90%", "96%"),
    ];

    private static ProjectSelfEvaluationForm Form(IReadOnlyList<IndicatorRow> rows, decimal executed = 98m, string goalActual = "全年完成 126 台设备维护，窗口业务中断 1 次。") => new()
    {
        Header = new ProjectHeader("政务大厅设备运行维护", "上饶市政务服务管理局", "上饶市政务服务中心", 2024),
        Funds = new FundsBlock { Total = new FundsLine("年度资金总额", 100m, 100m, executed) },
        Goal = new OverallGoal("保障大厅设备正常运行。", goalActual),
        Indicators = rows,
    };

    /// <summary>Last year's form of the project: each target just reached (nothing this year's targets fall below).</summary>
    private static ProjectSelfEvaluationForm LastYear(IReadOnlyList<IndicatorRow> rows, string goalActual = "上年完成 120 台设备维护。") =>
        Form([.. rows.Select(r => r with { Actual = r.Target.TrimStart('≥', '≤') })], goalActual: goalActual);

    private static CredibilityReport Check(ProjectSelfEvaluationForm form, ProjectSelfEvaluationForm? lastYear = null) =>
        CredibilityCheck.Of(form, SelfEvaluationEngine.Evaluate(form), lastYear);

    private static IReadOnlyList<string> Rules(CredibilityReport report) => [.. report.Flags.Select(f => f.Rule)];

    [Fact]
    public void A_sound_form_has_no_flag()
    {
        var report = Check(Form(Sound()));
        Assert.Empty(report.Flags);
        Assert.Equal("未见疑点", report.Verdict);
        Assert.Empty(Check(Form(Sound()), LastYear(Sound())).Flags);
    }

    [Theory]
    [InlineData("群众办事体验明显改善", true)]
    [InlineData("达到预期", true)]
    [InlineData("基本完成", true)]
    [InlineData("", true)]
    [InlineData("窗口业务中断 1 次", false)]
    [InlineData("全年未发生业务中断", false)]
    [InlineData("三级等保通过测评", false)]
    public void Full_marks_on_a_qualitative_indicator_with_a_vague_actual(string actual, bool flagged)
    {
        var rows = Sound();
        rows[4] = Row("效益指标", "社会效益指标", "群众办事体验", 30, "良好", actual);
        var flags = Check(Form(rows)).Flags.Where(f => f.Rule == "CR-VAGUE-FULL").ToList();
        Assert.Equal(flagged, flags.Count == 1);
        if (flagged) Assert.Equal(("r-群众办事体验", "效益指标/社会效益指标/群众办事体验"), (flags[0].RowId, flags[0].Row));
        // the same vague words with a deduction are no full-marks claim
        rows[4] = rows[4] with { StatedScore = 24, Deviation = "部分窗口高峰期等候较长，下年增设自助终端" };
        Assert.DoesNotContain("CR-VAGUE-FULL", Rules(Check(Form(rows))));
    }

    [Fact]
    public void A_score_far_above_what_the_execution_rate_supports_and_a_low_rate_without_a_reason()
    {
        var report = Check(Form(Sound(), executed: 60m));
        Assert.Equal(["CR-SCORE-ABOVE-FUNDS", "CR-LOW-RATE-UNEXPLAINED"], Rules(report));
        Assert.Contains("预算执行率 60.00%", report.Flags[0].Reason);
        Assert.Contains("100.0%", report.Flags[0].Reason);
        Assert.Contains("财预〔2020〕10号", report.Flags[0].Basis);

        // a reason given (in a row or in the goal's completion) answers the low rate; a rate near the plan needs none
        var explained = Form(Sound(), executed: 60m, goalActual: "设备采购款 40 万元因招标延期结转下年支付。");
        Assert.Equal(["CR-SCORE-ABOVE-FUNDS"], Rules(Check(explained)));
        Assert.DoesNotContain(Check(Form(Sound(), executed: 89m)).Flags, f => f.Rule == "CR-SCORE-ABOVE-FUNDS");
        Assert.Equal(["CR-LOW-RATE-UNEXPLAINED"], Rules(Check(Form(Sound(), executed: 85m))));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("无", true)]
    [InlineData("暂无。", true)]
    [InlineData(" / ", true)]
    [InlineData("两台设备返修延误，已与供应商约定 4 小时到场", false)]
    public void A_deduction_without_a_reason(string? deviation, bool flagged)
    {
        var rows = Sound();
        rows[1] = rows[1] with { Actual = "90%", StatedScore = 14.21m, Deviation = deviation };
        var flags = Check(Form(rows)).Flags.Where(f => f.Rule == "CR-DEDUCTION-UNEXPLAINED").ToList();
        Assert.Equal(flagged, flags.Count == 1);
        if (flagged) Assert.Contains("分值 15、得分 14.21", flags[0].Reason);
    }

    [Fact]
    public void An_indicator_set_without_cost_or_benefit_indicators()
    {
        var noCost = Sound().Where(r => r.LevelTwo != "成本指标").ToList();
        noCost[0] = noCost[0] with { Weight = 25, StatedScore = 25 };
        Assert.Equal(["CR-NO-COST"], Rules(Check(Form(noCost))));
        var noBenefit = Sound().Where(r => r.LevelOne != "效益指标").ToList();
        Assert.Contains("CR-NO-BENEFIT", Rules(Check(Form(noBenefit))));
        Assert.Contains("财预〔2021〕101号", Check(Form(noBenefit)).Flags.Single(f => f.Rule == "CR-NO-BENEFIT").Basis);
    }

    [Theory]
    [InlineData("有所提高", true)]
    [InlineData("进一步改善", true)]
    [InlineData("", true)]
    [InlineData("≥95%", false)]
    [InlineData("三级", false)]
    [InlineData("按时完成", false)]
    public void A_target_nobody_can_measure(string target, bool flagged)
    {
        var rows = Sound();
        rows[4] = rows[4] with { Target = target, Actual = "1次" };
        Assert.Equal(flagged, Rules(Check(Form(rows))).Contains("CR-UNMEASURABLE-TARGET"));
    }

    [Fact]
    public void Satisfaction_used_as_a_benefit()
    {
        var rows = Sound();
        rows[4] = Row("效益指标", "社会效益指标", "群众满意度", 30, "≥90%", "95%");
        var flag = Assert.Single(Check(Form(rows)).Flags);
        Assert.Equal(("CR-SATISFACTION-AS-BENEFIT", "r-群众满意度"), (flag.Rule, flag.RowId));
    }

    [Fact]
    public void Zero_actual_on_a_positive_indicator_that_still_scores_and_a_weight_of_zero()
    {
        var rows = Sound();
        rows[0] = rows[0] with { Actual = "0台" };
        Assert.Equal(["CR-ZERO-ACTUAL"], Rules(Check(Form(rows))));
        rows[0] = rows[0] with { StatedScore = 0, Deviation = "设备更换项目取消，改为下年实施" };
        Assert.Empty(Check(Form(rows)).Flags);

        rows = Sound();
        rows.Add(Row("产出指标", "数量指标", "培训场次", 0, "≥2场", "2场"));
        Assert.Equal(["CR-ZERO-WEIGHT"], Rules(Check(Form(rows))));
    }

    [Fact]
    public void A_target_set_below_last_years_actual_for_the_same_project()
    {
        var lastYear = LastYear(Sound()) is var l ? l with { Indicators = [.. l.Indicators.Select(r => r.Name == "设备维护台数" ? r with { Actual = "140台" } : r)] } : null;
        var flag = Assert.Single(Check(Form(Sound()), lastYear).Flags);
        Assert.Equal("CR-TARGET-BELOW-LAST-YEAR", flag.Rule);
        Assert.Contains("≥120台，低于上年实际完成值 140台", flag.Reason);
        // another unit is no such comparison
        var other = lastYear! with { Indicators = [.. lastYear.Indicators.Select(r => r.Name == "设备维护台数" ? r with { Actual = "140次" } : r)] };
        Assert.Empty(Check(Form(Sound()), other).Flags);
        Assert.False(Check(Form(Sound())).ComparedWithLastYear);
    }

    [Fact]
    public void Text_copied_word_for_word_from_last_years_form()
    {
        const string reason = "两台设备返修延误，已与供应商约定四小时内到场维修";
        var rows = Sound();
        rows[1] = rows[1] with { Actual = "90%", StatedScore = 14.21m, Deviation = reason };
        var lastYear = LastYear(rows, goalActual: "全年完成 126 台设备维护，窗口业务中断 1 次。") is var l ? l with { Indicators = [.. l.Indicators.Select((r, i) => r with { Deviation = rows[i].Deviation })] } : null;
        var flags = Check(Form(rows), lastYear).Flags;
        Assert.Equal(["CR-COPIED-FROM-LAST-YEAR", "CR-COPIED-FROM-LAST-YEAR"], flags.Select(f => f.Rule));
        Assert.Contains("偏差原因分析及改进措施与上年自评表一字不差", flags[0].Reason);
        Assert.Contains("年度总体目标完成情况", flags[1].Reason);
        // short values repeat for want of words, not copying
        Assert.DoesNotContain(flags, f => f.Reason.Contains("实际完成值", StringComparison.Ordinal));
    }

    [Fact]
    public void The_verdict_and_the_units_summary()
    {
        var rows = Sound();
        rows[4] = Row("效益指标", "社会效益指标", "群众满意度", 30, "进一步提高", "明显提高");
        var doubtful = Check(Form(rows, executed: 60m));
        Assert.Equal("疑点较多", doubtful.Verdict);
        var unit = UnitCredibility.Of([doubtful, Check(Form(Sound())), Check(Form(Sound(), executed: 85m))]);
        Assert.Equal((3, 2), (unit.Forms, unit.FlaggedForms));
        Assert.Equal(("CR-LOW-RATE-UNEXPLAINED", 2), (unit.Common[0].Rule, unit.Common[0].Forms));
    }

    [Fact]
    public void The_seeds_forms_are_flagged_where_a_reviewer_would_ask_and_nowhere_else()
    {
        var flags = new[] { Seeds.ShangraoBigData2021, Seeds.GanzhouRongjiang2023 }
            .SelectMany(seed => Seeds.Import(seed).Forms)
            .ToDictionary(f => f.Header.ProjectName, f => Rules(Check(f)));
        // 002 智能化维保: 执行率 97.73%, targets met; one 效益 target is a wish, not a measure
        Assert.Equal(["CR-UNMEASURABLE-TARGET"], flags["智能化维保"]);
        // 002 赣服通: 执行率 75%, indicators 98%; two deductions with the reason column empty
        Assert.Equal(["CR-DEDUCTION-UNEXPLAINED", "CR-DEDUCTION-UNEXPLAINED", "CR-SCORE-ABOVE-FUNDS"], flags["“赣服通”上饶分厅4.0版项目"]);
        // 004: 执行率 62.60% and 75.43% with every indicator at full marks and no word on the money left
        Assert.Equal(["CR-SCORE-ABOVE-FUNDS", "CR-LOW-RATE-UNEXPLAINED"], flags["大厅日常运行维护经费"]);
        Assert.Equal(["CR-SCORE-ABOVE-FUNDS", "CR-LOW-RATE-UNEXPLAINED"], flags["政务服务及“赣服通”系统建设"]);
    }
}
