using Approval.Workflow.Checking;
using Approval.Workflow.SelfEvaluation;
using Approval.Workflow.Templates;

namespace Approval.Workflow.Tests;

/// <summary>
/// Every 自评表 of seeds 002 and 004, recomputed. Each error asserted here is a real mistake in the published
/// report, justified by the arithmetic in the comment beside it; rounding differences must stay rounding notes.
/// </summary>
public class SeedSelfEvaluationGoldenTests
{
    private static SelfEvaluationResult Form(string seed, string project)
    {
        var form = Seeds.Import(seed).Forms.Single(f => f.Header.ProjectName.Contains(project));
        return SelfEvaluationEngine.Evaluate(form);
    }

    private static (string Rule, Severity Severity)[] Findings(SelfEvaluationResult r) =>
        r.Findings.Select(f => (f.Rule, f.Severity)).OrderBy(f => f.Rule).ThenBy(f => f.Severity).ToArray();

    [Fact]
    public void Seed_002_has_two_forms_and_004_has_two()
    {
        Assert.Equal(["智能化维保", "“赣服通”上饶分厅4.0版项目"], Seeds.Import(Seeds.ShangraoBigData2021).Forms.Select(f => f.Header.ProjectName));
        Assert.Equal(["大厅日常运行维护经费", "政务服务及“赣服通”系统建设"], Seeds.Import(Seeds.GanzhouRongjiang2023).Forms.Select(f => f.Header.ProjectName));
    }

    [Fact]
    public void Seed_002_maintenance_form()
    {
        var r = Form(Seeds.ShangraoBigData2021, "智能化维保");
        Assert.Equal(BuiltInTemplates.Ministry2020.Id, r.TemplateId);

        // 执行率 215 / 220 = 97.7272…%; funds 9.77; printed 97.70% and 9.8 are roundings of those.
        Assert.Equal(97.73m, Money.Round2(r.Funds.RatePercent!.Value));
        Assert.Equal(9.77m, Money.Round2(r.Funds.Score));

        // Every quantitative indicator reaches its target; qualitative ones keep the scorer's full marks.
        Assert.Equal([10m, 5, 5, 5, 10, 5, 10, 10, 10, 10, 10, 5, 5], r.Indicators.Select(i => Money.Round2(i.Counted)));
        Assert.Equal([TargetKind.Positive, TargetKind.Positive, TargetKind.Positive, TargetKind.Positive, TargetKind.Qualitative,
            TargetKind.Qualitative, TargetKind.Qualitative, TargetKind.Positive, TargetKind.Qualitative, TargetKind.Qualitative,
            TargetKind.Positive, TargetKind.Positive, TargetKind.Positive], r.Indicators.Select(i => i.Kind));

        // 效益 rows weigh 10 + 10 + 10 + 10 = 40 although the label and the template say 30,
        // so the weights total 10 + 50 + 40 + 10 = 110 and the recomputed total 9.77 + 100 = 109.77.
        Assert.Equal(109.77m, Money.Round2(r.Total));
        Assert.Equal(Grade.优, r.Grade);
        Assert.Equal(
        [
            ("SE-FUNDS-RATE", Severity.Rounding),      // 97.70% printed, 97.73% computed
            ("SE-FUNDS-SCORE", Severity.Rounding),     // 9.8 printed, 9.77 computed
            ("SE-LEVEL1-PRINTED", Severity.Error),     // 效益指标(30分) but rows sum to 40
            ("SE-LEVEL1-WEIGHT", Severity.Error),      // template 效益 30, rows 40
            ("SE-TOTAL-OVER", Severity.Error),         // 109.77 > 100
            ("SE-TOTAL-RECOMPUTED", Severity.Warning), // printed 99.8 vs recomputed 109.77
            ("SE-TOTAL-SUM", Severity.Error),          // 9.8 + 50 + 40 + 10 = 109.8, printed 99.8
            ("SE-WEIGHT-SUM", Severity.Error),         // 110 ≠ 100
            ("SE-WEIGHT-TOTAL", Severity.Error),       // 总分 row says 100, weights sum to 110
        ], Findings(r));
        var totalSum = r.Findings.Single(f => f.Rule == "SE-TOTAL-SUM");
        Assert.Equal("109.8", totalSum.Expected);
        Assert.Equal("99.8", totalSum.Actual);

        // It was approved and published as 优. 109.77 of 110 is no grade on the 100-point bands: the suggestion depends on the
        // five weight errors (SE-TOTAL-SUM is a score error, and 99.8 printed is 优 as well: it changes no band).
        Assert.False(r.GradeIsTrusted);
        Assert.Equal(["SE-LEVEL1-WEIGHT", "SE-LEVEL1-PRINTED", "SE-WEIGHT-SUM", "SE-WEIGHT-TOTAL", "SE-TOTAL-OVER"], r.GradeDependsOn!.Select(f => f.Rule));
        var card = Approval.Workflow.Submissions.SubmissionScoring.Score(Approval.Workflow.Submissions.SubmissionKind.ProjectSelfEvaluation,
            new() { ProjectForm = Seeds.Import(Seeds.ShangraoBigData2021).Forms[0] }, 1);
        Assert.Null(card.SuggestedGrade);
        Assert.Equal(Grade.优, card.GradeCaveat!.Recomputed);
        Assert.Equal(["SE-LEVEL1-WEIGHT（效益指标）", "SE-LEVEL1-PRINTED（效益指标）", "SE-WEIGHT-SUM", "SE-WEIGHT-TOTAL", "SE-TOTAL-OVER"], card.GradeCaveat.DependsOn);
        Assert.Equal("不可信（5 处错误会改变总分，见检查结果）", card.GradeCaveat.Text);
    }

    [Fact]
    public void A_score_error_that_keeps_the_band_leaves_the_suggestion_trusted()
    {
        // Seed 004's 大厅日常运行维护经费: funds 5 printed, 6.26 by the rule (SE-FUNDS-SCORE) — the printed total 95 and the
        // recomputed 96.26 are both 优, so 优 is suggested as is.
        Assert.True(Form(Seeds.GanzhouRongjiang2023, "大厅日常运行维护经费").GradeIsTrusted);
        // Seed 002's 赣服通 form with its weights set right (效益 row 15 → 30, 总分 分值 90 → 100): its printed 87.5 and the
        // recomputed 81.34 are both 良 — the wrong 企业满意度 score (4.5 vs 4.84) does not change the suggestion.
        var seed = Seeds.Import(Seeds.ShangraoBigData2021).Forms[1];
        var weighted = seed with
        {
            StatedWeightTotal = 100,
            Indicators = [.. seed.Indicators.Select(i => i.Name == "减少群众办事成本" ? i with { Weight = 30 } : i)],
        };
        var r = SelfEvaluationEngine.Evaluate(weighted);
        Assert.Contains(r.Findings, f => f.Rule == "SE-INDICATOR-SCORE" && f.Severity == Severity.Error);
        Assert.True(r.GradeIsTrusted);
        // Printed 企业满意度 4.5 → 0.5 and 总分 87.5 → 79 (中): now the form's own total and the recomputed 81.34 (良) disagree on the band.
        var lower = weighted with
        {
            StatedTotal = 79m,
            Indicators = [.. weighted.Indicators.Select(i => i.Name == "企业满意度" ? i with { StatedScore = 0.5m } : i)],
        };
        var untrusted = SelfEvaluationEngine.Evaluate(lower);
        Assert.Contains("SE-GRADE-RECOMPUTED", untrusted.GradeDependsOn!.Select(f => f.Rule));
        Assert.Contains("SE-INDICATOR-SCORE", untrusted.GradeDependsOn!.Select(f => f.Rule));
    }

    [Fact]
    public void Seed_002_ganfutong_form()
    {
        var r = Form(Seeds.ShangraoBigData2021, "赣服通");

        // 321 / 428 = 75.00%, 7.5 of 10.
        Assert.Equal(75.00m, Money.Round2(r.Funds.RatePercent!.Value));
        Assert.Equal(7.50m, Money.Round2(r.Funds.Score));

        var satisfaction = r.Indicators.Single(i => i.Name == "企业满意度");
        // 92% against ≥95%: 92 / 95 × 5 = 4.8421…, printed 4.5.
        Assert.Equal(4.84m, Money.Round2(satisfaction.Computed!.Value));
        Assert.Equal(4.5m, satisfaction.StatedScore);
        Assert.Equal(14m, r.Indicators.Single(i => i.Name == "减少群众办事成本").Counted); // qualitative, 14 of 15: 达成 tier

        // 7.5 + 50 (产出) + 14 + 4.84 + 5 = 81.34 → 良; the form prints 87.5 and grades it 优.
        Assert.Equal(81.34m, Money.Round2(r.Total));
        Assert.Equal(Grade.良, r.Grade);
        Assert.Equal(
        [
            ("SE-DEVIATION-MISSING", Severity.Warning), // 减少群众办事成本 14/15 without a reason
            ("SE-DEVIATION-MISSING", Severity.Warning), // 企业满意度 below target without a reason
            ("SE-GRADE-BAND", Severity.Error),          // 87.5 is 良, printed 优
            ("SE-INDICATOR-SCORE", Severity.Error),     // 4.5 vs 4.84
            ("SE-LEVEL1-PRINTED", Severity.Error),      // 效益指标(30分) but one row of 15
            ("SE-LEVEL1-WEIGHT", Severity.Error),       // template 效益 30
            ("SE-TOTAL-RECOMPUTED", Severity.Warning),  // 87.5 vs 81.34
            ("SE-TOTAL-SUM", Severity.Error),           // 7.5 + 50 + 14 + 4.5 + 5 = 81, printed 87.5
            ("SE-WEIGHT-SUM", Severity.Error),          // 10 + 50 + 15 + 10 = 85
            ("SE-WEIGHT-TOTAL", Severity.Error),        // 总分 row says 90, weights sum to 85
        ], Findings(r));
    }

    [Fact]
    public void Seed_004_hall_operations_form()
    {
        var r = Form(Seeds.GanzhouRongjiang2023, "大厅日常运行维护经费");
        Assert.Equal(BuiltInTemplates.Ganzhou2023.Id, r.TemplateId);

        // 123.95 / 198 = 62.60%: 6.26 under the proportional rule; the form gives 5, which follows no declared rule.
        Assert.Equal(62.60m, Money.Round2(r.Funds.RatePercent!.Value));
        Assert.Equal(6.26m, Money.Round2(r.Funds.Score));
        // ≤5000元 with 3689: full 20 (negative indicator).
        var wage = r.Indicators.Single(i => i.Name == "人均月工资");
        Assert.Equal(TargetKind.Negative, wage.Kind);
        Assert.Equal(20m, wage.Computed);

        Assert.Equal(96.26m, Money.Round2(r.Total));
        Assert.Equal(Grade.优, r.Grade);
        Assert.Equal(
        [
            ("SE-FUNDS-SCORE", Severity.Error),       // 5 printed, 6.26 by the rule
            ("SE-FUNDS-SUBROWS", Severity.Rounding),  // 123.95 total vs 123.950406 sub-row: the same figure, more precise
            ("SE-TOTAL-RECOMPUTED", Severity.Warning),
        ], Findings(r));
        Assert.All(r.Subtotals, s => Assert.Equal(s.TemplateWeight, s.Weight));
    }

    [Fact]
    public void Seed_004_ganfutong_form()
    {
        var r = Form(Seeds.GanzhouRongjiang2023, "赣服通");

        // 97.3 / 129 = 75.43% → 7.54; printed 5.
        Assert.Equal(75.43m, Money.Round2(r.Funds.RatePercent!.Value));
        Assert.Equal(7.54m, Money.Round2(r.Funds.Score));
        Assert.Equal(97.54m, Money.Round2(r.Total));
        Assert.Equal(Grade.优, r.Grade);
        Assert.Equal(
        [
            ("SE-FUNDS-SCORE", Severity.Error),
            // The form prints no level-1 weights and its weights add up to its 总分 分值 100 (10 + 20 + 40 + 20 + 10):
            // it may follow another version of the template, so these are for the reviewer, not errors.
            ("SE-LEVEL1-WEIGHT", Severity.Warning), // 效益 5 + 5 + 10 = 20, template 25
            ("SE-LEVEL1-WEIGHT", Severity.Warning), // 满意度 10, template 5
            ("SE-TOTAL-RECOMPUTED", Severity.Warning),
        ], Findings(r));
    }

    [Fact]
    public void A_correct_ministry_form_dated_2023_is_scored_with_the_ministry_template()
    {
        // Seed 002's 智能化维保 without its extra 生态效益 row (10 分): 产出(50分) 效益(30分) 满意度(10分) as printed, weights
        // 10 + 50 + 30 + 10 = 100, scores 9.8 + 50 + 30 + 10 = 99.8 as printed — a correct form. Dated 2023.
        var seed = Seeds.Import(Seeds.ShangraoBigData2021).Forms.Single(f => f.Header.ProjectName == "智能化维保");
        var form = seed with
        {
            Header = seed.Header with { Year = 2023 },
            Indicators = [.. seed.Indicators.Where(i => !i.LevelTwo.Contains("生态效益", StringComparison.Ordinal))],
        };
        Assert.Equal(100m, form.Funds.Weight + form.Indicators.Sum(i => i.Weight));

        var r = SelfEvaluationEngine.Evaluate(form);
        // Both templates have 产出, 效益 and 满意度; the ministry one lacks nothing the form has and gives its 50/30/10.
        Assert.Equal(BuiltInTemplates.Ministry2020.Id, r.TemplateId);
        Assert.Equal([("SE-FUNDS-RATE", Severity.Rounding), ("SE-FUNDS-SCORE", Severity.Rounding)], Findings(r));
        Assert.Equal(99.77m, Money.Round2(r.Total));   // 9.77 + 90

        // What the 2023 赣州 template (chosen by year before) says of it: four level-1 weights "wrong" —
        // 成本 0 vs 20, 产出 50 vs 40, 效益 30 vs 25, 满意度 10 vs 5; errors, since the form prints its own weights.
        var ganzhou = SelfEvaluationEngine.Evaluate(form, BuiltInTemplates.Ganzhou2023);
        Assert.Equal(4, ganzhou.Findings.Count(f => f.Rule == "SE-LEVEL1-WEIGHT" && f.Severity == Severity.Error));
    }

    [Theory]
    [InlineData("上饶市大数据发展管理局", "cz-2020-default")]         // names another place: the 赣州 template does not apply
    [InlineData("赣州蓉江新区政务服务中心", "ganzhou-2023")]
    [InlineData(null, "ganzhou-2023")]                                 // nothing to go by: the latest for the year
    public void Region_words_choose_between_templates_that_fit_equally(string? region, string expected) =>
        Assert.Equal(expected, BuiltInTemplates.ChooseFor(new TemplateClues([], 2023) { Region = region }).Id);

    [Fact]
    public void A_changed_template_does_not_change_a_result_already_computed()
    {
        var form = Seeds.Import(Seeds.GanzhouRongjiang2023).Forms[0];
        var before = SelfEvaluationEngine.Evaluate(form);
        var stepped = BuiltInTemplates.Ganzhou2023 with
        {
            Version = 2,
            FundsRule = new FundsRule(FundsRuleKind.Stepped, [new FundsStep(90, 1m), new FundsStep(60, 0.5m), new FundsStep(0, 0m)]),
        };
        var after = SelfEvaluationEngine.Evaluate(form, stepped);
        Assert.Equal(6.26m, Money.Round2(before.Funds.Score));
        Assert.Equal(5m, after.Funds.Score); // 62.6% reaches the 60% step: half of 10 — the stepped rule explains the printed 5
        Assert.DoesNotContain(after.Findings, f => f.Rule == "SE-FUNDS-SCORE");
        Assert.Equal((2, 1), (after.TemplateVersion, before.TemplateVersion));
    }
}
