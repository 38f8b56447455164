using System.Globalization;
using Approval.Workflow.SelfEvaluation;
using Approval.Workflow.Summary;
using Approval.Workflow.Templates;

namespace Approval.Workflow.Workbooks;

/// <summary>
/// 项目支出绩效自评表 as an .xlsx in the official layout (seed 002 附件2/附件4): title and year, 金额单位, the header
/// block, 项目资金 with its sub-rows, 年度总体目标, the indicator table with merged 一级/二级 cells, 总分, 评价等级,
/// the grade legend and the 注 — in the official form's columns: 绩效指标 | 一级 | 二级 | 三级 | 年度指标值 | 实际完成值 |
/// 分值 | 得分 | 偏差原因分析及改进措施. The explicit 指标性质/度量单位 columns sit at the right end and are hidden when no row
/// uses them, so a form without them prints exactly like the paper one. <see cref="Import.XlsxImporter"/> reads it back.
/// An indicator row with an empty 三级指标 is a blank line to fill in (the template's rows).
/// </summary>
public static class SelfEvaluationWorkbook
{
    public const string SheetName = "项目支出绩效自评表";
    public static readonly string[] IndicatorHeader =
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施", "指标性质", "度量单位"];

    private const int Nature = 10, Unit = 11;
    private static readonly double[] Widths = [6, 13, 18, 24, 18, 18, 9, 9, 28, 9, 9];

    /// <param name="review">The 业务股室's block once the form is approved; null writes it blank, as on paper before review.</param>
    public static byte[] Write(ProjectSelfEvaluationForm form, IndicatorTemplate? template = null, bool showNatureAndUnit = false, ReviewerBlock? review = null) =>
        Sheet(form, template, showNatureAndUnit, review).Save();

    /// <summary>The form as one sheet of a larger workbook (a 决算公开 package's 附件), under <paramref name="sheetName"/>.</summary>
    internal static SheetWriter Sheet(ProjectSelfEvaluationForm form, IndicatorTemplate? template = null, bool showNatureAndUnit = false, ReviewerBlock? review = null,
        string sheetName = SheetName)
    {
        template ??= BuiltInTemplates.ChooseFor(form.TemplateClues());
        var sheet = new SheetWriter(sheetName, Widths);
        var row = Heading(sheet, form);
        row = Funds(sheet, form.Funds, row);
        row = Goal(sheet, form.Goal, row);
        row = Indicators(sheet, form, template, row);
        row = Closing(sheet, form, template, row);
        ReviewerRows.Write(sheet, review, row + 1, 3);
        if (!showNatureAndUnit && form.Indicators.All(i => string.IsNullOrEmpty(i.Nature) && string.IsNullOrEmpty(i.Unit)))
        {
            sheet.Hide(Nature);
            sheet.Hide(Unit);
        }
        return sheet;
    }

    private static int Heading(SheetWriter sheet, ProjectSelfEvaluationForm form)
    {
        var last = sheet.LastColumn;
        sheet.Merge(1, 1, 1, last, "项目支出绩效自评表", CellLook.Title);
        sheet.Height(1, 30);
        var year = form.Header.Year?.ToString(CultureInfo.InvariantCulture) ?? "    ";
        sheet.Merge(2, 1, 2, last, $"（{year}年度）", CellLook.Subtitle);
        sheet.Merge(3, 1, 3, last, "金额单位：万元", CellLook.UnitNote);
        sheet.Merge(4, 1, 4, 2, "项目名称", CellLook.Label);
        sheet.Merge(4, 3, 4, last, form.Header.ProjectName, CellLook.Text);
        sheet.Height(4, SheetWriter.HeightFor(form.Header.ProjectName, sheet.Width(3, 9)));
        sheet.Merge(5, 1, 5, 2, "主管部门", CellLook.Label);
        sheet.Merge(5, 3, 5, 4, form.Header.SupervisingDepartment, CellLook.Text);
        sheet.Set(5, 5, "实施单位", CellLook.Label);
        sheet.Merge(5, 6, 5, last, form.Header.ImplementingUnit, CellLook.Text);
        sheet.Height(5, Math.Max(SheetWriter.HeightFor(form.Header.SupervisingDepartment, sheet.Width(3, 4)), SheetWriter.HeightFor(form.Header.ImplementingUnit, sheet.Width(6, 9))));
        return 6;
    }

    /// <summary>
    /// 项目资金 as the official form lays it: the label over the 绩效指标 and 一级 columns, each line's name under 二级, and
    /// the six figures in adjacent cells after it (D–I), as the reader expects. 执行率 as the form states it; where it
    /// states none (a form saved from the editor), the formula 全年执行数 ÷ 全年预算数 with its value.
    /// </summary>
    private static int Funds(SheetWriter sheet, FundsBlock funds, int row)
    {
        var last = sheet.LastColumn;
        var weight = funds.Weight.ToString(CultureInfo.InvariantCulture);
        sheet.Merge(row, 1, row + 1 + funds.SubRows.Count, 2, $"项目资金(万元)({weight}分)", CellLook.Label);
        sheet.Set(row, 3, null, CellLook.Label);
        string[] header = ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率（全年执行数/全年预算数）"];
        for (var i = 0; i < header.Length; i++) sheet.Set(row, 4 + i, header[i], CellLook.Label);
        sheet.Merge(row, 9, row, last, "得分", CellLook.Label);
        sheet.Height(row, 46);

        row++;
        sheet.Set(row, 3, string.IsNullOrWhiteSpace(funds.Total.Name) ? "年度资金总额" : funds.Total.Name, CellLook.Label);
        FundsFigures(sheet, row, funds.Total);
        sheet.Set(row, 7, funds.Weight, CellLook.Score);
        if (funds.StatedRateText is { Length: > 0 } rateText) sheet.Set(row, 8, rateText, CellLook.Centered);
        else if (funds.StatedRatePercent is { } statedRate) sheet.Set(row, 8, statedRate, CellLook.Percent);
        else if (funds.Total is { FullYearBudget: > 0 and var budget, Executed: { } executed })
            sheet.Set(row, 8, new SheetFormula($"F{row}/E{row}*100", Math.Round(executed / budget * 100, 2, MidpointRounding.AwayFromZero)), CellLook.Percent);
        else sheet.Set(row, 8, null, CellLook.Percent);
        sheet.Merge(row, 9, row, last, funds.StatedScore, CellLook.Score);

        for (var i = 0; i < funds.SubRows.Count; i++)
        {
            row++;
            var sub = funds.SubRows[i];
            var label = i == 0 ? "其中：" + sub.Name : sub.Name;
            sheet.Set(row, 3, label, CellLook.Label);
            sheet.Height(row, SheetWriter.HeightFor(label, sheet.Width(3, 3)));
            FundsFigures(sheet, row, sub);
            sheet.Set(row, 7, null, CellLook.Score);
            sheet.Set(row, 8, null, CellLook.Score);
            sheet.Merge(row, 9, row, last, null, CellLook.Score);
        }
        return row + 1;
    }

    private static void FundsFigures(SheetWriter sheet, int row, FundsLine line)
    {
        sheet.Set(row, 4, line.InitialBudget, CellLook.Money);
        sheet.Set(row, 5, line.FullYearBudget, CellLook.Money);
        sheet.Set(row, 6, line.Executed, CellLook.Money);
    }

    private static int Goal(SheetWriter sheet, OverallGoal goal, int row)
    {
        var last = sheet.LastColumn;
        sheet.Merge(row, 1, row + 1, 2, "年度总体目标", CellLook.Label);
        sheet.Merge(row, 3, row, 5, "预期目标", CellLook.Label);
        sheet.Merge(row, 6, row, last, "实际完成情况", CellLook.Label);
        sheet.Merge(row + 1, 3, row + 1, 5, goal.Expected, CellLook.Text);
        sheet.Merge(row + 1, 6, row + 1, last, goal.Actual, CellLook.Text);
        sheet.Height(row + 1, Math.Max(SheetWriter.HeightFor(goal.Expected, sheet.Width(3, 5), 40), SheetWriter.HeightFor(goal.Actual, sheet.Width(6, 9), 40)));
        return row + 2;
    }

    private static int Indicators(SheetWriter sheet, ProjectSelfEvaluationForm form, IndicatorTemplate template, int row)
    {
        var rows = form.Indicators;
        // 绩效指标 down the first column, from the header row over every indicator row, as the official form prints it
        sheet.Merge(row, 1, row + rows.Count, 1, "绩效指标", CellLook.VerticalLabel);
        for (var c = 0; c < IndicatorHeader.Length; c++) sheet.Set(row, c + 2, IndicatorHeader[c], CellLook.Header);
        sheet.Height(row, 30);
        sheet.RepeatOnEveryPage(row, row);
        var first = ++row;
        for (var k = 0; k < rows.Count; k++, row++)
        {
            var i = rows[k];
            if (k == 0 || rows[k - 1].LevelOne != i.LevelOne)
            {
                var end = k;
                while (end + 1 < rows.Count && rows[end + 1].LevelOne == i.LevelOne) end++;
                sheet.Merge(row, 2, row + end - k, 2, LevelOneLabel(i.LevelOne, form.StatedLevelOneWeights), CellLook.Label);
            }
            if (k == 0 || rows[k - 1].LevelOne != i.LevelOne || rows[k - 1].LevelTwo != i.LevelTwo)
            {
                var end = k;
                while (end + 1 < rows.Count && rows[end + 1].LevelOne == i.LevelOne && rows[end + 1].LevelTwo == i.LevelTwo) end++;
                sheet.Merge(row, 3, row + end - k, 3, Label(i.LevelTwo), CellLook.Label);
            }
            var blank = i.Name.Length == 0;
            sheet.Set(row, 4, i.Name, CellLook.Text);
            sheet.Set(row, 5, i.Target, CellLook.Centered);
            sheet.Set(row, 6, i.Actual, CellLook.Centered);
            sheet.Set(row, 7, blank ? null : i.Weight, CellLook.Score);
            sheet.Set(row, 8, i.StatedScore, CellLook.Score);
            sheet.Set(row, 9, i.Deviation, CellLook.Text);
            sheet.Set(row, Nature, i.Nature, CellLook.Centered);
            sheet.Set(row, Unit, i.Unit, CellLook.Centered);
            sheet.Height(row, new[]
            {
                SheetWriter.HeightFor(i.Name, sheet.Width(4, 4)), SheetWriter.HeightFor(i.Target, sheet.Width(5, 5)),
                SheetWriter.HeightFor(i.Actual, sheet.Width(6, 6)), SheetWriter.HeightFor(i.Deviation, sheet.Width(9, 9)),
            }.Max());
        }
        var levelOnes = template.LevelOnes.Select(l => LevelOneLabel(l.Name, template.LevelOnes.ToDictionary(x => x.Name, x => x.Weight)));
        sheet.List(2, first, row - 1, levelOnes, "一级指标");
        sheet.List(3, first, row - 1, template.LevelOnes.SelectMany(l => l.LevelTwos).Distinct().Select(Label), "二级指标");
        return row;
    }

    private static int Closing(SheetWriter sheet, ProjectSelfEvaluationForm form, IndicatorTemplate template, int row)
    {
        var last = sheet.LastColumn;
        sheet.Merge(row, 1, row, 6, "总分", CellLook.Label);
        sheet.Set(row, 7, form.StatedWeightTotal, CellLook.Score);
        sheet.Set(row, 8, form.StatedTotal, CellLook.Score);
        sheet.Merge(row, 9, row, last, null, CellLook.Score);
        row++;
        sheet.Merge(row, 1, row, 3, "主管部门(单位)评价等级", CellLook.Label);
        string[] grades = ["优", "良", "中", "差"];
        for (var g = 0; g < grades.Length; g++) sheet.Set(row, 4 + g, grades[g], CellLook.Centered);
        sheet.Merge(row, 8, row, last, form.StatedGrade, CellLook.Centered);
        row++;
        var bands = template.Grades;
        sheet.Merge(row, 1, row, last,
            $"优(≥{bands.Excellent}分)    良({bands.Good}分≤得分<{bands.Excellent}分)    中({bands.Fair}分≤得分<{bands.Good}分)    差(<{bands.Fair}分)", CellLook.Note);
        foreach (var note in Notes(template))
        {
            row++;
            sheet.Merge(row, 1, row, last, note, CellLook.Note);
            sheet.Height(row, SheetWriter.HeightFor(note, sheet.Width(1, 9), 16));
        }
        return row + 1;
    }

    private static IEnumerable<string> Notes(IndicatorTemplate template)
    {
        var t = template.Tiers;
        yield return "注：1.得分一档最高不能超过该指标分值上限。";
        yield return $"2.评分标准：（1）若为定性指标，则根据“三档”原则分别按照指标分值的100-{t.AchievedFrom}%（含{t.AchievedFrom}%）、{t.AchievedFrom}-{t.PartlyFrom}%（含{t.PartlyFrom}%）、{t.PartlyFrom}-0%（含0%）来记分；定性指标根据指标完成情况分为：达成预期指标、部分达成预期指标并具有一定效果、未达成预期指标且效果较差三档。";
        yield return "（2）若为定量指标，完成值达到指标值，记满分；未达到指标值，正向指标（指标值为≥*）按 全年实际值(B)/年度指标值(A)×该指标分值 记分，反向指标（指标值为≤*）按 年度指标值(A)/全年实际值(B)×该指标分值 记分。";
        yield return "3.请在“偏差原因分析及改进措施”中简要说明偏离目标、不能完成目标的原因，具体原因及拟采取的措施在自评报告中反映。";
    }

    private static string LevelOneLabel(string levelOne, IReadOnlyDictionary<string, decimal> printedWeights) =>
        Label(levelOne) + (printedWeights.TryGetValue(levelOne, out var w) ? $"({w.ToString(CultureInfo.InvariantCulture)}分)" : "");

    private static string Label(string level) => level.Length == 0 || level.EndsWith("指标", StringComparison.Ordinal) ? level : level + "指标";
}
