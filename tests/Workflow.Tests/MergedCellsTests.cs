using Approval.Workflow.Checking;
using Approval.Workflow.Import;

namespace Approval.Workflow.Tests;

/// <summary>
/// Issue #27: workbooks as clerks make them, with merged cells: a title across the sheet, a label over several rows or
/// columns, a header in two rows under a merged group ("指标值" over 年度指标值 / 实际完成值, "预算数" over 年初 / 全年). Each reads
/// as the same content in the seeds' flat layout does.
/// </summary>
public class MergedCellsTests
{
    private static CheckReport CheckXlsx(byte[] workbook) => ReportChecker.Check(ReportImporter.Read(workbook, "merged.xlsx"));

    private static CheckReport CheckText(string text) => ReportChecker.Check(ReportTextImporter.ReadText(text, "flat.txt"));

    private static List<string> Outcome(CheckReport report, string kind) =>
        [.. report.Documents.Where(d => d.Kind == kind).Select(d => $"{d.Score}｜{d.Grade}｜{d.Checked}｜"
            + string.Join("；", d.Findings.Select(f => $"{f.Rule}/{f.Severity}/{f.Expected}/{f.Actual}")))];

    /// <summary>Rows A–I of a 自评表 as typed in Excel: the text of a merged range in its top-left cell only.</summary>
    private const string MergedForm = """
        项目支出绩效自评表
        （2023年度）
        项目名称		测试项目
        主管部门		测试部门			实施单位	测试单位
        项目资金（万元）		年初预算数	全年预算数	全年执行数	分值	执行率	得分
        		年度资金总额	100	100	90	10	90.00%	9
        		其中：当年财政拨款	100	100	90
        		上年结转资金
        年度总体目标	预期目标				实际完成情况
        	完成年度建设任务				完成年度建设任务
        一级指标	二级指标	三级指标	指标值		分值	得分	偏差原因分析及改进措施
        			年度指标值	实际完成值
        产出指标	数量指标	完成事项	≥10个	12个	30	30
        		新增服务	≥5项	4项	20	16	受疫情影响
        	质量指标	验收合格率	100%	100%	10	10
        效益指标	社会效益指标	群众受益	有效提升	有效提升	20	20
        满意度指标	服务对象满意度指标	群众满意率	≥90%	95%	10	10
        总分					100	95
        """;

    private static readonly string[] FormMerges =
    [
        "A1:I1", "A2:I2", "A3:B3", "C3:I3", "A4:B4", "C4:E4", "G4:I4", "A5:B8",
        "A9:A10", "B9:E9", "F9:I9", "B10:E10", "F10:I10",
        "A11:A12", "B11:B12", "C11:C12", "D11:E11", "F11:F12", "G11:G12", "H11:I12",
        "A13:A15", "B13:B14", "H13:I13", "H14:I14", "H15:I15", "H16:I16", "H17:I17", "A18:E18",
    ];

    /// <summary>The same form in the seeds' flat layout: one header row, the funds labels after two empty cells.</summary>
    private const string FlatForm = """
        项目支出绩效自评表
        （2023年度）
        项目名称		测试项目
        主管部门		测试部门			实施单位	测试单位
        项目资金（万元）		年初预算数	全年预算数	全年执行数	分值	执行率	得分
        		年度资金总额	100	100	90	10	90.00%	9
        		其中：当年财政拨款	100	100	90
        		上年结转资金
        年度总体目标	预期目标				实际完成情况
        	完成年度建设任务				完成年度建设任务
        一级指标	二级指标	三级指标	年度指标值	实际完成值	分值	得分	偏差原因分析及改进措施
        产出指标	数量指标	完成事项	≥10个	12个	30	30
        		新增服务	≥5项	4项	20	16	受疫情影响
        	质量指标	验收合格率	100%	100%	10	10
        效益指标	社会效益指标	群众受益	有效提升	有效提升	20	20
        满意度指标	服务对象满意度指标	群众满意率	≥90%	95%	10	10
        总分					100	95
        """;

    [Fact]
    public void A_form_with_merged_labels_and_a_two_row_header_reads_as_its_flat_layout()
    {
        var workbook = PastedIntoExcel.CreateMerged(MergedForm, FormMerges);
        Assert.Equal(FormMerges.Length, WorkbookCellsMerges(workbook));
        var imported = ReportImporter.Read(workbook, "merged.xlsx");
        var form = Assert.Single(imported.Forms);
        Assert.Equal(["完成事项", "新增服务", "验收合格率", "群众受益", "群众满意率"], form.Indicators.Select(i => i.Name));
        // The two-row header: 年度指标值 and 实际完成值 under the merged 指标值, each read in its column.
        Assert.Equal(["≥10个", "≥5项", "100%", "有效提升", "≥90%"], form.Indicators.Select(i => i.Target));
        Assert.Equal(["12个", "4项", "100%", "有效提升", "95%"], form.Indicators.Select(i => i.Actual));
        // Labels merged over rows stand for every row they cover.
        Assert.Equal(["产出", "产出", "产出", "效益", "满意度"], form.Indicators.Select(i => i.LevelOne));
        Assert.Equal("质量", form.Indicators[2].LevelTwo);
        Assert.Equal("受疫情影响", form.Indicators[1].Deviation);
        Assert.Equal(("完成年度建设任务", "完成年度建设任务"), (form.Goal.Expected, form.Goal.Actual));
        Assert.Equal(100m, form.Funds.Total.FullYearBudget);
        Assert.Equal(95m, form.StatedTotal);

        var merged = CheckXlsx(workbook);
        var flat = CheckText(FlatForm);
        Assert.Equal(Outcome(flat, ReportChecker.FormKind), Outcome(merged, ReportChecker.FormKind));
        Assert.Equal(95m, Assert.Single(merged.Documents, d => d.Kind == ReportChecker.FormKind).Score);
        Assert.Equal(0, CheckReportFormatter.ExitCode(merged));
    }

    [Fact]
    public void A_three_public_table_with_its_header_merged_over_two_rows_reads_every_column()
    {
        // 项目, 行次 and 决算数 span both header rows; 预算数 spans 年初预算数 and 全年预算数 of the second.
        const string merged = """
            财政拨款“三公”经费支出决算表
            编制单位：测试单位	2023年度		公开07表 金额单位：万元
            项目	行次	预算数		决算数
            		年初预算数	全年预算数
            一、“三公”经费支出	1	12.50	12.50	10.20
            1.因公出国（境）费	2	0.00	0.00	0.00
            2.公务用车购置及运行维护费	3	8.00	8.00	7.00
            （1）公务用车购置费	4	0.00	0.00	0.00
            （2）公务用车运行维护费	5	8.00	8.00	7.00
            3.公务接待费	6	4.50	4.50	3.20
            """;
        var workbook = PastedIntoExcel.CreateMerged(merged, ["A1:E1", "A3:A4", "B3:B4", "C3:D3", "E3:E4"]);
        var table = Assert.Single(ReportImporter.Read(workbook, "merged.xlsx").Tables);
        Assert.Equal(["年初预算数", "全年预算数", "决算数"], table.Columns);
        var total = Assert.Single(table.Rows, r => r.LineNo == "1");
        Assert.Equal([12.50m, 12.50m, 10.20m], total.Values);
        var report = CheckXlsx(workbook);
        Assert.Equal(0, CheckReportFormatter.ExitCode(report));
        // 合计 made 11.20 against 0 + 7.00 + 3.20: DT3G-TOTAL, so the columns are really compared.
        var wrong = CheckXlsx(PastedIntoExcel.CreateMerged(merged.Replace("12.50\t12.50\t10.20", "12.50\t12.50\t11.20", StringComparison.Ordinal), ["A1:E1", "A3:A4", "B3:B4", "C3:D3", "E3:E4"]));
        Assert.Contains(wrong.Documents.SelectMany(d => d.Findings), f => f.Rule.StartsWith("DT3G", StringComparison.Ordinal) && f.Severity == Severity.Error);
    }

    [Fact]
    public void The_seed_summary_table_with_its_sides_and_title_merged_reads_as_the_seed()
    {
        var text = File.ReadAllText(Seeds.PathOf(Seeds.ShangraoBigData2021)).Replace("\r\n", "\n");
        var start = text.IndexOf("### 收入支出决算总表", StringComparison.Ordinal);
        var end = text.IndexOf("注：1.", start, StringComparison.Ordinal);
        var table = "收入支出决算总表\n" + text[(start + "### 收入支出决算总表\n".Length)..end].Trim('\n');
        // The title over A:F, 收 入 over A:C and 支 出 over D:F, the 总计 labels as printed.
        var workbook = PastedIntoExcel.CreateMerged(table, ["A1:F1", "A3:C3", "D3:F3"]);
        var fromExcel = Assert.Single(ReportImporter.Read(workbook, "merged.xlsx").Tables);
        var fromText = Assert.Single(ReportTextImporter.ReadText(table, "flat.txt").Tables);
        Assert.Equal(fromText.Rows.Select(r => (r.Section, r.Name, r.LineNo, string.Join(",", r.Values.Select(v => v?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture))))), fromExcel.Rows.Select(r => (r.Section, r.Name, r.LineNo, string.Join(",", r.Values.Select(v => v?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture))))));
        Assert.True(fromExcel.Rows.Count > 40);
    }

    private static int WorkbookCellsMerges(byte[] workbook)
    {
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(workbook), false);
        return document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.MergeCell>().Count();
    }
}
