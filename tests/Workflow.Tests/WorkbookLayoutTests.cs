using System.Globalization;
using Approval.Workflow.Import;
using Approval.Workflow.SelfEvaluation;
using Approval.Workflow.Templates;
using Approval.Workflow.Workbooks;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Approval.Workflow.Tests;

/// <summary>The official layout itself: merges, widths, number formats, print setup, drop-downs, the year and 成本 rows.</summary>
public class WorkbookLayoutTests
{
    [Fact]
    public void The_form_is_laid_out_for_printing()
    {
        var form = Seeds.Import(Seeds.ShangraoBigData2021).Forms[0];
        var cells = WorkbookCells.Read(SelfEvaluationWorkbook.Write(form));

        Assert.Equal("项目支出绩效自评表", cells.Texts["A1"]);
        Assert.Equal("（2021年度）", cells.Texts["A2"]);
        Assert.Contains("A1:K1", cells.Merges);
        Assert.Equal((9u, OrientationValues.Landscape, 1u, 0u),
            (cells.PageSetup.PaperSize!.Value, cells.PageSetup.Orientation!.Value, cells.PageSetup.FitToWidth!.Value, cells.PageSetup.FitToHeight!.Value));
        Assert.StartsWith("'项目支出绩效自评表'!$A$1:$K$", cells.DefinedNames["_xlnm.Print_Area"]);
        var headerRow = WorkbookCells.RowOf(cells.Find("三级指标"));
        Assert.Equal($"'项目支出绩效自评表'!${headerRow}:${headerRow}", cells.DefinedNames["_xlnm.Print_Titles"]);
        Assert.All(cells.Columns.Skip(1), c => Assert.True(c.CustomWidth!.Value && c.Width!.Value >= 9));
        // no row uses 指标性质/度量单位: those two columns are hidden, so the paper form has the seed's columns
        Assert.Equal([10u, 11u], cells.Columns.Where(c => c.Hidden?.Value == true).Select(c => c.Min!.Value));

        // money: the value as entered, shown with two decimals
        var total = WorkbookCells.RowOf(cells.Find("年度资金总额"));
        Assert.Equal("220", cells.Texts[$"D{total}"]);
        Assert.Equal("#,##0.00", NumberFormat(cells, $"D{total}"));
        Assert.Equal("97.70%", cells.Texts[$"H{total}"]); // 执行率 as the form states it
        // scores and weights: the number as entered, shown with two decimals (10.00, not 10)
        Assert.Equal(("10", "0.00"), (cells.Texts[$"G{total}"], NumberFormat(cells, $"G{total}")));
        Assert.Equal(("9.8", "0.00"), (cells.Texts[$"I{total}"], NumberFormat(cells, $"I{total}")));

        // the 绩效指标 column of the official form: written down column A from the header row over every indicator row
        var header = WorkbookCells.RowOf(cells.Find("三级指标"));
        Assert.Equal("绩效指标", cells.Texts[$"A{header}"]);
        Assert.Equal(["一级指标", "二级指标", "三级指标"], new[] { "B", "C", "D" }.Select(c => cells.Texts[$"{c}{header}"]));
        Assert.Contains($"A{header}:A{header + form.Indicators.Count}", cells.Merges);

        // 产出 spans its rows in one merged cell, each 二级 its own
        var output = cells.Find("产出指标(50分)");
        Assert.Contains(cells.Merges, m => m.StartsWith(output + ":B", StringComparison.Ordinal));
        Assert.Contains(cells.Merges, m => m.StartsWith(cells.Find("数量指标") + ":C", StringComparison.Ordinal));
        var totalRow = WorkbookCells.RowOf(cells.Find("总分"));
        Assert.Equal(("100", "99.8"), (cells.Texts[$"G{totalRow}"], cells.Texts[$"H{totalRow}"]));
        Assert.Equal("0.00", NumberFormat(cells, $"G{totalRow}"));
        Assert.Equal(["优", "良", "中", "差"], new[] { "D", "E", "F", "G" }.Select(c => cells.Texts[$"{c}{totalRow + 1}"]));
        Assert.Contains(cells.Texts.Values, t => t.StartsWith("注：1.", StringComparison.Ordinal));
        Assert.Contains(cells.Texts.Values, t => t.StartsWith("优(≥90分)", StringComparison.Ordinal));
    }

    [Fact]
    public void An_execution_rate_the_form_does_not_state_is_the_formula_of_its_figures_with_the_value()
    {
        var seed = Seeds.Import(Seeds.ShangraoBigData2021).Forms[0]; // 215 of 220; a form saved from the editor states no rate
        var form = seed with { Funds = seed.Funds with { StatedRatePercent = null, StatedRateText = null } };
        var bytes = SelfEvaluationWorkbook.Write(form);
        var cells = WorkbookCells.Read(bytes);
        var total = WorkbookCells.RowOf(cells.Find("年度资金总额"));
        Assert.Equal("97.73", cells.Texts[$"H{total}"]); // 215 ÷ 220 × 100, the value Excel shows before it recalculates
        Assert.Equal("0.00\"%\"", NumberFormat(cells, $"H{total}"));
        using (var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false))
            Assert.Equal($"F{total}/E{total}*100", document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Cell>().Single(c => c.CellReference == $"H{total}").CellFormula!.Text);
        // read back, the rate is the computed one: no formula without its value, no 执行率 finding
        var imported = ReportImporter.Read(bytes, "form.xlsx");
        Assert.DoesNotContain(imported.Issues, i => i.Message.Contains("公式", StringComparison.Ordinal));
        var back = Assert.Single(imported.Forms);
        Assert.Equal(97.73m, back.Funds.StatedRatePercent);
        Assert.DoesNotContain(SelfEvaluationEngine.Evaluate(back).Findings, f => f.Rule == "SE-FUNDS-RATE");
    }

    [Theory]
    [InlineData(2021, false)]
    [InlineData(2023, true)]
    [InlineData(2025, true)]
    public void The_template_follows_the_years_indicator_template(int year, bool hasCost)
    {
        var cells = WorkbookCells.Read(SelfEvaluationTemplateWorkbook.Create(year));
        Assert.Equal($"（{year}年度）", cells.Texts["A2"]);
        var template = SelfEvaluationTemplateWorkbook.TemplateFor(year);
        Assert.Equal(hasCost, template.FindLevelOne("成本") is not null);
        Assert.Equal(hasCost, cells.Texts.ContainsValue("成本指标(20分)"));
        Assert.Equal(hasCost, cells.Texts.ContainsValue("经济成本指标"));
        foreach (var one in template.LevelOnes)
        {
            Assert.Contains($"{one.Name}指标({one.Weight}分)", cells.Texts.Values);
            foreach (var two in one.LevelTwos) Assert.Contains($"{two}指标", cells.Texts.Values);
        }
        Assert.Contains($"项目资金(万元)({template.FundsWeight}分)", cells.Texts.Values);
        Assert.DoesNotContain(cells.Columns, c => c.Hidden?.Value == true); // 指标性质/度量单位 offered

        // drop-downs on the 一级 and 二级 cells of every indicator row
        var first = WorkbookCells.RowOf(cells.Find("一级指标")) + 1;
        var last = WorkbookCells.RowOf(cells.Find("总分")) - 1;
        Assert.Equal(template.LevelOnes.Sum(l => l.LevelTwos.Count) * SelfEvaluationTemplateWorkbook.BlankRowsPerLevelTwo, last - first + 1);
        var (levelOneRange, levelOneList) = cells.Lists.Single(l => l.Range.StartsWith('B'));
        Assert.Equal($"B{first}:B{last}", levelOneRange);
        Assert.Equal("\"" + string.Join(",", template.LevelOnes.Select(l => $"{l.Name}指标({l.Weight}分)")) + "\"", levelOneList);
        var (levelTwoRange, levelTwoList) = cells.Lists.Single(l => l.Range.StartsWith('C'));
        Assert.Equal($"C{first}:C{last}", levelTwoRange);
        Assert.Contains("服务对象满意度指标", levelTwoList);
    }

    [Theory]
    [InlineData(1999)]
    [InlineData(2101)]
    [InlineData(-5)]
    public void A_silly_year_is_refused(int year)
    {
        Assert.False(SelfEvaluationTemplateWorkbook.IsSensibleYear(year));
        Assert.Throws<ArgumentOutOfRangeException>(() => SelfEvaluationTemplateWorkbook.Create(year));
    }

    [Fact]
    public void A_template_filled_in_as_a_preparer_would_imports_as_a_form_of_that_year()
    {
        var bytes = SelfEvaluationTemplateWorkbook.Create(2025);
        var cells = WorkbookCells.Read(bytes);
        var first = WorkbookCells.RowOf(cells.Find("一级指标")) + 1; // 成本 / 经济成本, first blank row
        var funds = WorkbookCells.RowOf(cells.Find("年度资金总额"));
        bytes = Fill(bytes, new Dictionary<string, object>
        {
            ["C4"] = "大厅运行维护", ["F5"] = "某政务服务中心",
            [$"D{funds}"] = 100m, [$"E{funds}"] = 100m, [$"F{funds}"] = 90m, [$"I{funds}"] = 9m,
            [$"D{first}"] = "单位运行成本", [$"E{first}"] = "≤100万元", [$"F{first}"] = "90万元", [$"G{first}"] = 20m, [$"H{first}"] = 20m,
            [$"J{first}"] = "≤", [$"K{first}"] = "万元",
        });
        var form = Assert.Single(ReportImporter.Read(bytes, "filled.xlsx").Forms);
        Assert.Equal(new ProjectHeader("大厅运行维护", null, "某政务服务中心", 2025), form.Header);
        var row = Assert.Single(form.Indicators);
        Assert.Equal(("成本", "经济成本", "单位运行成本", 20m, "≤", "万元"), (row.LevelOne, row.LevelTwo, row.Name, row.Weight, row.Nature, row.Unit));
        Assert.Equal(20m, form.StatedLevelOneWeights["成本"]);
        Assert.Equal(100m, form.StatedWeightTotal);
        var result = SelfEvaluationEngine.Evaluate(form);
        Assert.Equal(BuiltInTemplates.Ganzhou2023.Id, result.TemplateId);
        Assert.Equal(9m, result.Funds.Score); // 90 / 100 × 10
    }

    [Fact]
    public void The_summary_review_table_has_the_seed_001_layout_and_the_computed_figures()
    {
        var table = SummaryReviewTests.Yiyang2021() with { UnitProjectExpenditure = 80m };
        var cells = WorkbookCells.Read(SummaryReviewWorkbook.Write(table));
        Assert.Equal("2021 年度项目支出绩效自评情况汇总审核表", cells.Texts["A1"]);
        foreach (var label in new[] { "序号", "预算单位", "项目名称", "全年预算数", "年初预算数", "年中追加数/追减数", "小计", "全年执行数", "绩效自评得分",
                     "开展绩效自评项目合计", "自评价平均分", "部门提交时间", "财政局业务股室审核意见（优、良、中、差）", "财政局业务股室经办人签名", "业务股室审核时间", "业务股室盖章" })
            Assert.Contains(label, cells.Texts.Values);
        Assert.Equal(("1", "政府购买工作人员14名", "70", "63", "95.38"), (cells.Texts["A5"], cells.Texts["C5"], cells.Texts["D5"], cells.Texts["G5"], cells.Texts["H5"]));
        var total = WorkbookCells.RowOf(cells.Find("开展绩效自评项目合计"));
        Assert.Equal(("77.42", "77.42", "70.42"), (cells.Texts[$"D{total}"], cells.Texts[$"F{total}"], cells.Texts[$"G{total}"]));
        Assert.Equal("#,##0.00", NumberFormat(cells, $"G{total}"));
        Assert.Equal("97.44", cells.Texts[$"H{total + 1}"]);
        var coverage = cells.Texts.Single(t => t.Value.StartsWith("开展绩效自评项目支出总额占本部门项目支出总额的比例", StringComparison.Ordinal)).Key;
        Assert.Equal("88.03", cells.Texts[$"H{WorkbookCells.RowOf(coverage)}"]); // 70.42 / 80 × 100
        Assert.Equal("$3:$4", cells.DefinedNames["_xlnm.Print_Titles"].Split('!')[1]);
        Assert.Contains("A3:A4", cells.Merges);
        Assert.Contains("D3:F3", cells.Merges);
    }

    private static string NumberFormat(WorkbookCells cells, string reference)
    {
        var format = cells.FormatOfStyle[cells.Styles[reference]];
        return format switch { 0 => "General", 2 => "0.00", _ => cells.NumberFormats[(int)format - 164] }; // 2: built-in 0.00
    }

    /// <summary>Types values into existing cells, as Excel would save them.</summary>
    private static byte[] Fill(byte[] bytes, Dictionary<string, object> values)
    {
        using var stream = new MemoryStream();
        stream.Write(bytes);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
            foreach (var (reference, value) in values)
            {
                var cell = sheet.Descendants<Cell>().Single(c => c.CellReference == reference);
                if (value is decimal d) cell.CellValue = new CellValue(d.ToString(CultureInfo.InvariantCulture));
                else
                {
                    cell.DataType = CellValues.InlineString;
                    cell.InlineString = new InlineString(new Text((string)value));
                }
            }
            sheet.Save();
        }
        return stream.ToArray();
    }
}
