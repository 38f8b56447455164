using Approval.Workflow.Checking;
using Approval.Workflow.Templates;

namespace Approval.Workflow.SelfEvaluation;

/// <summary>Scores a 项目支出绩效自评表 against its template and checks its own arithmetic.</summary>
public static class SelfEvaluationEngine
{
    public static SelfEvaluationResult Evaluate(
        ProjectSelfEvaluationForm form,
        IndicatorTemplate? template = null,
        CheckOptions? options = null,
        IReadOnlyList<IndicatorTemplate>? templates = null)
    {
        options ??= CheckOptions.Default;
        var available = templates ?? BuiltInTemplates.All;
        template ??= form.TemplateId is { } id && available.Where(t => t.Id == id).MaxBy(t => t.Version) is { } chosen
            ? chosen
            : BuiltInTemplates.ChooseFor(form.TemplateClues(), available);

        var document = $"项目支出绩效自评表：{form.Header.ProjectName}";
        var findings = new List<Finding>();

        var funds = ScoreFunds(form.Funds, template, new FindingLocation(document, "项目资金", form.Funds.Total.Name), findings);

        var indicators = new List<IndicatorScore>();
        for (var i = 0; i < form.Indicators.Count; i++)
        {
            var row = form.Indicators[i];
            var where = new FindingLocation(document, "绩效指标", RowLabel(row, i));
            var (score, rowFindings) = IndicatorScorer.Score(row, i + 1, template.Tiers, where);
            indicators.Add(score);
            findings.AddRange(rowFindings);
            CheckStructure(row, template, where, findings);
        }

        var subtotals = Subtotals(indicators, template);
        CheckWeights(form, template, funds, subtotals, document, findings);

        var total = funds.Score + indicators.Sum(i => i.Counted);
        var grade = template.Grades.GradeOf(Money.Round2(total));
        CheckTotals(form, template, funds, indicators, total, grade, document, options, findings);

        return new SelfEvaluationResult(template.Id, template.Version, funds, indicators, subtotals, total, grade, findings)
        {
            GradeDependsOn = GradeTrust.DependsOn(findings, grade, GradeTrust.FormsOwnGrade(form, template)) is { Count: > 0 } dependsOn ? dependsOn : null,
        };
    }

    private static string RowLabel(IndicatorRow row, int index) =>
        row.SourceLine is { } line ? $"第 {index + 1} 行「{row.Name}」（原文第 {line} 行）" : $"第 {index + 1} 行「{row.Name}」";

    private static FundsScore ScoreFunds(FundsBlock funds, IndicatorTemplate template, FindingLocation where, List<Finding> findings)
    {
        var a = funds.Total.FullYearBudget;
        var b = funds.Total.Executed;
        if (funds.Weight != template.FundsWeight)
            findings.Add(new Finding("SE-FUNDS-WEIGHT", Severity.Error, where with { Column = "分值" }, Money.Exact(template.FundsWeight), Money.Exact(funds.Weight),
                funds.Weight - template.FundsWeight, $"预算执行分值应为 {template.FundsWeight}（模板 {template.Name}），表中为 {funds.Weight}"));

        if (a is null or <= 0 || b is null)
        {
            findings.Add(new Finding("SE-FUNDS-MISSING", Severity.Error, where, null, null, null, "全年预算数或全年执行数未填写（或为零），无法计算执行率"));
            return new FundsScore(null, funds.Weight, 0, funds.StatedScore, "缺少全年预算数或全年执行数");
        }

        var rate = b.Value / a.Value;
        var ratePercent = rate * 100;
        var score = template.FundsRule.Score(rate, funds.Weight);
        var explanation = $"执行率 = 全年执行数 {Money.Exact(b.Value)} ÷ 全年预算数 {Money.Exact(a.Value)} = {Money.Round2(ratePercent)}%；" +
                          $"{template.FundsRule.Describe()}，得分 {Money.Round2(score)}";

        if (funds.StatedRatePercent is { } statedRate)
        {
            var diff = statedRate - ratePercent;
            var halfUnit = 0.5m * (decimal)Math.Pow(10, -Math.Min((int)statedRate.Scale, 4));
            if (Math.Abs(diff) > halfUnit)
            {
                var severity = Math.Abs(diff) <= Math.Max(halfUnit, 0.05m) ? Severity.Rounding : Severity.Error;
                findings.Add(new Finding("SE-FUNDS-RATE", severity, where with { Column = "执行率" }, $"{Money.Round2(ratePercent)}%", funds.StatedRateText ?? $"{statedRate}%",
                    Money.Round2(diff), severity == Severity.Rounding
                        ? $"执行率填报 {funds.StatedRateText ?? statedRate + "%"}，按 B/A 计算为 {Money.Round2(ratePercent)}%，属舍入差异"
                        : $"执行率填报 {funds.StatedRateText ?? statedRate + "%"}，按 B/A 计算应为 {Money.Round2(ratePercent)}%"));
            }
        }

        if (funds.StatedScore is { } stated)
        {
            var severity = ScoreComparison.Classify(stated, score);
            if (severity is not null)
                findings.Add(new Finding("SE-FUNDS-SCORE", severity.Value, where with { Column = "得分" }, Money.Format(score), Money.Exact(stated),
                    stated - Money.Round2(score), severity == Severity.Rounding
                        ? $"预算执行得分 {stated} 为计算值 {Money.Format(score)} 的舍入"
                        : $"预算执行得分 {stated} 不符合模板规则（{template.FundsRule.Describe()}），应为 {Money.Format(score)}"));
        }

        CheckFundsSubRows(funds, where, findings);
        return new FundsScore(ratePercent, funds.Weight, score, funds.StatedScore, explanation);
    }

    /// <summary>The total line equals the sum of its sub-rows (当年财政拨款 + 上年结转 + 其他) where they are filled.</summary>
    private static void CheckFundsSubRows(FundsBlock funds, FindingLocation where, List<Finding> findings)
    {
        var filled = funds.SubRows.Where(r => r.FullYearBudget is not null || r.Executed is not null || r.InitialBudget is not null).ToList();
        if (filled.Count == 0) return;
        foreach (var (column, pick) in new (string, Func<FundsLine, decimal?>)[]
                 {
                     ("年初预算数", l => l.InitialBudget), ("全年预算数", l => l.FullYearBudget), ("全年执行数", l => l.Executed),
                 })
        {
            var total = pick(funds.Total);
            if (total is null) continue;
            var parts = filled.Select(pick).Where(v => v is not null).Select(v => v!.Value).ToList();
            var diff = total.Value - parts.Sum();
            var severity = CheckOptions.Default.Classify(total, parts.Select(p => (decimal?)p).ToList());
            if (severity is null) continue;
            findings.Add(new Finding("SE-FUNDS-SUBROWS", severity.Value, where with { Column = column }, Money.Exact(parts.Sum()), Money.Exact(total.Value), diff,
                severity == Severity.Rounding
                    ? $"{column}：资金总额 {Money.Exact(total.Value)} 与其中各项之和 {Money.Exact(parts.Sum())} 相差 {Money.Exact(diff)}，属尾数误差（计算使用原值）"
                    : $"{column}：资金总额 {Money.Exact(total.Value)} 不等于其中各项之和 {Money.Exact(parts.Sum())}"));
        }
    }

    private static void CheckStructure(IndicatorRow row, IndicatorTemplate template, FindingLocation where, List<Finding> findings)
    {
        if (row.Weight < 0)
            findings.Add(new Finding("SE-NEGATIVE-WEIGHT", Severity.Error, where with { Column = "分值" }, ">= 0", Money.Exact(row.Weight), null, $"「{row.Name}」分值为负数"));
        var levelOne = template.FindLevelOne(row.LevelOne);
        if (levelOne is null)
        {
            findings.Add(new Finding("SE-LEVEL1-UNKNOWN", Severity.Error, where with { Column = "一级指标" }, string.Join("/", template.LevelOnes.Select(l => l.Name)),
                row.LevelOne, null, $"一级指标「{row.LevelOne}」不在模板「{template.Name}」中"));
        }
        else if (!levelOne.LevelTwos.Contains(IndicatorNames.LevelTwo(row.LevelTwo)))
        {
            findings.Add(new Finding("SE-LEVEL2-UNKNOWN", Severity.Warning, where with { Column = "二级指标" }, string.Join("/", levelOne.LevelTwos),
                row.LevelTwo, null, $"二级指标「{row.LevelTwo}」不属于模板中的一级指标「{levelOne.Name}」"));
        }
    }

    private static List<LevelOneSubtotal> Subtotals(IReadOnlyList<IndicatorScore> indicators, IndicatorTemplate template)
    {
        var names = template.LevelOnes.Select(l => l.Name).Concat(indicators.Select(i => i.LevelOne)).Distinct();
        return names.Select(n => new LevelOneSubtotal(n, template.FindLevelOne(n)?.Weight,
            indicators.Where(i => i.LevelOne == n).Sum(i => i.Weight),
            indicators.Where(i => i.LevelOne == n).Sum(i => i.Counted))).ToList();
    }

    private static void CheckWeights(ProjectSelfEvaluationForm form, IndicatorTemplate template, FundsScore funds,
        IReadOnlyList<LevelOneSubtotal> subtotals, string document, List<Finding> findings)
    {
        var weightSum = funds.Weight + subtotals.Sum(s => s.Weight);
        // A form that prints no level-1 weights and whose weights add up to its own total may follow another version of
        // the template: its deviation is for the reviewer to look at, not provably wrong.
        var consistent = form.StatedLevelOneWeights.Count == 0 && weightSum == template.TotalWeight && (form.StatedWeightTotal ?? weightSum) == weightSum;
        foreach (var s in subtotals)
        {
            var where = new FindingLocation(document, "绩效指标", s.LevelOne + "指标", "分值");
            if (s.TemplateWeight is { } expected && s.Weight != expected)
                findings.Add(new Finding("SE-LEVEL1-WEIGHT", consistent ? Severity.Warning : Severity.Error, where, Money.Exact(expected), Money.Exact(s.Weight), s.Weight - expected,
                    $"一级指标「{s.LevelOne}」的三级指标分值合计为 {s.Weight}，模板「{template.Name}」规定为 {expected}" +
                    (consistent ? $"（表中未标注一级指标分值，分值合计为 {weightSum}：请核实所用模板）" : "")));
            if (form.StatedLevelOneWeights.TryGetValue(s.LevelOne, out var printed) && printed != s.Weight)
                findings.Add(new Finding("SE-LEVEL1-PRINTED", Severity.Error, where, Money.Exact(printed), Money.Exact(s.Weight), s.Weight - printed,
                    $"表中标注「{s.LevelOne}指标({printed}分)」，但其三级指标分值合计为 {s.Weight}"));
        }

        if (weightSum != template.TotalWeight)
            findings.Add(new Finding("SE-WEIGHT-SUM", Severity.Error, new FindingLocation(document, "总分", null, "分值"), Money.Exact(template.TotalWeight),
                Money.Exact(weightSum), weightSum - template.TotalWeight, $"分值合计（含预算执行 {funds.Weight}）为 {weightSum}，应为 {template.TotalWeight}"));
        if (form.StatedWeightTotal is { } statedWeights && statedWeights != weightSum)
            findings.Add(new Finding("SE-WEIGHT-TOTAL", Severity.Error, new FindingLocation(document, "总分", null, "分值"), Money.Exact(weightSum),
                Money.Exact(statedWeights), statedWeights - weightSum, $"总分行分值填 {statedWeights}，但各项分值之和为 {weightSum}"));
    }

    private static void CheckTotals(ProjectSelfEvaluationForm form, IndicatorTemplate template, FundsScore funds,
        IReadOnlyList<IndicatorScore> indicators, decimal total, Grade grade, string document, CheckOptions options, List<Finding> findings)
    {
        var where = new FindingLocation(document, "总分", null, "得分");
        if (form.StatedTotal is { } statedTotal)
        {
            var statedParts = new List<decimal>();
            if (form.Funds.StatedScore is { } fs) statedParts.Add(fs);
            statedParts.AddRange(indicators.Where(i => i.StatedScore is not null).Select(i => i.StatedScore!.Value));
            var statedSum = statedParts.Sum();
            var severity = options.Classify(statedTotal, statedParts.Select(p => (decimal?)p).ToList());
            if (severity is not null)
                findings.Add(new Finding("SE-TOTAL-SUM", severity.Value, where, Money.Exact(statedSum), Money.Exact(statedTotal), statedTotal - statedSum,
                    severity == Severity.Rounding
                        ? $"总分 {statedTotal} 与各项得分之和 {statedSum} 相差 {statedTotal - statedSum}，属尾数误差"
                        : $"总分填 {statedTotal}，但各项填报得分之和为 {statedSum}"));

            var recomputed = ScoreComparison.Classify(statedTotal, total);
            if (recomputed == Severity.Error)
                findings.Add(new Finding("SE-TOTAL-RECOMPUTED", Severity.Warning, where, Money.Format(total), Money.Exact(statedTotal), statedTotal - Money.Round2(total),
                    $"按规则重算总分为 {Money.Format(total)}（{grade}），表中为 {statedTotal}"));

            var statedBand = template.Grades.GradeOf(statedTotal);
            if (form.StatedGrade is { } printedGrade && Grades.TryParse(printedGrade, out var g) && g != statedBand)
                findings.Add(new Finding("SE-GRADE-BAND", Severity.Error, new FindingLocation(document, "评价等级"), statedBand.ToString(), printedGrade, null,
                    $"总分 {statedTotal} 对应等级为「{statedBand}」，表中评为「{printedGrade}」"));
            if (statedBand != grade)
                findings.Add(new Finding("SE-GRADE-RECOMPUTED", Severity.Error, new FindingLocation(document, "评价等级"), grade.ToString(), statedBand.ToString(), null,
                    $"按规则重算总分 {Money.Format(total)} 对应等级「{grade}」，与表中总分对应的「{statedBand}」不同"));
        }
        else if (form.StatedGrade is { } printedGrade && Grades.TryParse(printedGrade, out var g) && g != grade)
        {
            findings.Add(new Finding("SE-GRADE-BAND", Severity.Error, new FindingLocation(document, "评价等级"), grade.ToString(), printedGrade, null,
                $"重算总分 {Money.Format(total)} 对应等级为「{grade}」，表中评为「{printedGrade}」"));
        }

        if (total > template.TotalWeight)
            findings.Add(new Finding("SE-TOTAL-OVER", Severity.Error, where, $"≤ {template.TotalWeight}", Money.Format(total), total - template.TotalWeight,
                $"重算总分 {Money.Format(total)} 超过满分 {template.TotalWeight}（分值设置有误）"));
    }
}
