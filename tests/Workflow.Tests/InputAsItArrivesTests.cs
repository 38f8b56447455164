using System.Text;
using Approval.Workflow.Checking;
using Approval.Workflow.Import;

namespace Approval.Workflow.Tests;

/// <summary>
/// Every seed read as clerks really send it — full-width figures, GB18030 or UTF-16 from Chinese Windows, trailing
/// tabs stripped by an editor — gives exactly the findings of the seed as published.
/// </summary>
public partial class InputAsItArrivesTests
{
    public static TheoryData<string> AllSeeds() =>
    [
        Seeds.ShangraoGovService2021, Seeds.YiyangGovService2021, Seeds.ShangraoBigData2021, Seeds.JingdezhenAdminService2022, Seeds.GanzhouRongjiang2023,
    ];

    private static string Text(string seed) => File.ReadAllText(Seeds.PathOf(seed));

    /// <summary>
    /// What a check says: each document's score and grade, each finding in full (its message too) without the source line
    /// numbers a transformation may legitimately move, and what could not be read.
    /// </summary>
    private static List<string> Findings(ImportedReport report)
    {
        var check = ReportChecker.Check(report);
        return
        [
            .. check.Documents.Select(d => $"{d.Title} | 得分 {d.Score} | 等级 {d.Grade}"),
            .. check.Documents.SelectMany(d => d.Findings.Select(f => $"{d.Title} | {f.Rule} | {f.Severity} | {f.Location} | {f.Expected} | {f.Actual} | {f.Message}"))
                .Order(StringComparer.Ordinal),
            .. check.Issues.Select(i => $"未能读取 | {i.Line} | {i.Fatal} | {i.Message}"),
        ];
    }

    /// <summary>A workbook's issues name the sheet and its row where the text names the line: both reduced to "第 N 行".</summary>
    private static List<string> WithoutPlaces(List<string> findings) =>
        [.. findings.Select(f => SheetRow().Replace(LineNumber().Replace(f, "第 N 行"), ""))];

    [System.Text.RegularExpressions.GeneratedRegex(@"第 \d+ 行")]
    private static partial System.Text.RegularExpressions.Regex LineNumber();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=未能读取 \| )\d+(?= \|)|工作表「[^」]*」第 N 行：")]
    private static partial System.Text.RegularExpressions.Regex SheetRow();

    private static List<string> Baseline(string seed) => Findings(ReportTextImporter.ReadText(Text(seed), seed));

    [Theory, MemberData(nameof(AllSeeds))]
    public void Full_width_digits_and_punctuation_give_the_same_findings(string seed)
    {
        // As a Chinese input method types figures: every digit full-width, and the point, thousands comma and per cent
        // sign of a figure too (the sentence's own ASCII punctuation stays, as the seed wrote it).
        Assert.Equal(Baseline(seed), Findings(ReportTextImporter.ReadText(FullWidth(Text(seed)), seed)));
    }

    private static string FullWidth(string text)
    {
        var fullWidth = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var inFigure = i > 0 && char.IsAsciiDigit(text[i - 1]) && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]);
            fullWidth.Append(c switch
            {
                >= '0' and <= '9' => (char)(c - '0' + '０'),
                '.' when inFigure => '．',
                ',' when inFigure => '，',
                '%' when i > 0 && char.IsAsciiDigit(text[i - 1]) => '％',
                _ => c,
            });
        }
        return fullWidth.ToString();
    }

    [Theory, MemberData(nameof(AllSeeds))]
    public void GB18030_UTF16_and_BOM_encodings_give_the_same_findings(string seed)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = Text(seed);
        var expected = Baseline(seed);
        Assert.Equal(expected, Findings(ReportTextImporter.Read(Encoding.GetEncoding("GB18030").GetBytes(text), seed)));
        Assert.Equal(expected, Findings(ReportTextImporter.Read([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)], seed)));
        Assert.Equal(expected, Findings(ReportTextImporter.Read(Encoding.Unicode.GetBytes(text), seed)));
        Assert.Equal(expected, Findings(ReportTextImporter.Read([.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)], seed)));
        Assert.Equal(expected, Findings(ReportTextImporter.Read([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)], seed)));
        Assert.Equal(expected, Findings(ReportTextImporter.Read(Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n")), seed)));
    }

    [Theory, MemberData(nameof(AllSeeds))]
    public void Rows_whose_trailing_tabs_were_stripped_give_the_same_findings(string seed)
    {
        var stripped = string.Join('\n', Text(seed).Split('\n').Select(l => l.TrimEnd('\t', ' ', '\r')));
        Assert.Equal(Baseline(seed), Findings(ReportTextImporter.ReadText(stripped, seed)));
    }

    [Theory, MemberData(nameof(AllSeeds))]
    public void Pasted_into_Excel_cell_by_cell_gives_the_same_findings(string seed)
    {
        var workbook = PastedIntoExcel.Create(Text(seed));
        Assert.Equal(WithoutPlaces(Baseline(seed)), WithoutPlaces(Findings(ReportImporter.Read(workbook, seed + ".xlsx"))));
    }

    [Theory, MemberData(nameof(AllSeeds))]
    public void Full_width_figures_in_GB18030_with_stripped_trailing_tabs_give_the_same_findings(string seed)
    {
        // All three at once, as a clerk's Windows editor saves what the input method typed.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var stripped = string.Join("\r\n", FullWidth(Text(seed)).Split('\n').Select(l => l.TrimEnd('\t', ' ', '\r')));
        Assert.Equal(Baseline(seed), Findings(ReportTextImporter.Read(Encoding.GetEncoding("GB18030").GetBytes(stripped), seed)));
    }

    [Fact]
    public void A_formula_saved_without_its_result_is_named_never_read_as_a_figure()
    {
        // 公开07's first row as a program other than Excel writes it: the 决算数 a formula with no cached value.
        var text = File.ReadAllText(Seeds.PathOf(Seeds.ShangraoBigData2021));
        var workbook = PastedIntoExcel.Create(text);
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, true))
        {
            var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
            var cell = sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>()
                .First(c => c.CellValue?.Text == PastedIntoExcel.AsExcelStores(7.11m) && c.CellReference!.Value!.StartsWith('D'));
            cell.CellValue = null;
            cell.CellFormula = new DocumentFormat.OpenXml.Spreadsheet.CellFormula("SUM(D291:D292)");
            sheet.Save();
        }
        var report = ReportImporter.Read(stream.ToArray(), "formula.xlsx");
        var issue = Assert.Single(report.Issues, i => i.Message.Contains("公式", StringComparison.Ordinal));
        Assert.Contains("没有保存计算结果", issue.Message);
        var threePublic = report.Tables.Single(t => t.Kind == Disclosure.DisclosureTableKind.ThreePublicExpenses);
        Assert.Null(threePublic.Rows[0].Value(1)); // empty, not the 年初预算数 8.00 beside it nor the formula's text
        Assert.Equal(8.00m, threePublic.Rows[0].Value(0));
    }

    [Fact]
    public void A_form_typed_as_a_plain_grid_named_by_its_sheet_is_scored_like_the_form()
    {
        // Seed 002's 赣服通 form as a clerk types it into a blank sheet: a header row of column names, one row per
        // indicator with its levels written out, the 年度资金总额 and 总分 rows; no title, no 项目名称 — the sheet says which project.
        var form = Seeds.Import(Seeds.ShangraoBigData2021).Forms[1];
        var rows = new List<string> { "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施" };
        string LevelOne(string name) => form.StatedLevelOneWeights.TryGetValue(name, out var w) ? $"{name}指标({w}分)" : name + "指标";
        rows.AddRange(form.Indicators.Select(i => string.Join('\t', LevelOne(i.LevelOne), i.LevelTwo + "指标", i.Name, i.Target, i.Actual, i.Weight, i.StatedScore, i.Deviation)));
        var funds = form.Funds;
        rows.Add(string.Join('\t', "年度资金总额", funds.Total.InitialBudget, funds.Total.FullYearBudget, funds.Total.Executed, funds.Weight, funds.StatedRateText, funds.StatedScore));
        rows.Add(string.Join('\t', "总分", "", "", "", "", form.StatedWeightTotal, form.StatedTotal));
        rows.Add(string.Join('\t', "评价等级", form.StatedGrade));
        var workbook = PastedIntoExcel.Create(string.Join('\n', rows), sheetName: $"{form.Header.ProjectName}（{form.Header.Year}年度）");

        var report = ReportImporter.Read(workbook, "自评.xlsx");
        var grid = Assert.Single(report.Forms);
        Assert.Equal(form.Header.ProjectName, grid.Header.ProjectName);
        Assert.Contains(report.Issues, i => i.Message.Contains("以工作表名", StringComparison.Ordinal));
        var expected = ReportChecker.Check(ReportTextImporter.ReadText(Text(Seeds.ShangraoBigData2021), "seed")).Documents.Single(d => d.Title.Contains(form.Header.ProjectName, StringComparison.Ordinal));
        var actual = ReportChecker.Check(report).Documents.Single();
        Assert.Equal((expected.Score, expected.Grade), (actual.Score, actual.Grade));
        var errors = actual.Findings.Where(f => f.Severity == Severity.Error).ToList();
        Assert.Equal(form.Header.Year, grid.Header.Year);
        Assert.Equal(expected.Findings.Where(f => f.Severity == Severity.Error).Select(f => f.Rule).Order(), errors.Select(f => f.Rule).Order());
        Assert.True(errors.Count >= 3, string.Join("; ", errors.Select(f => f.Rule)));
    }

    [Fact]
    public void A_package_pasted_into_Excel_keeps_what_its_layout_needs()
    {
        // Headings (编制单位·年度·单位), sides, groups, 行次 and codes come through a workbook as they come through text.
        var text = Text(Seeds.ShangraoBigData2021);
        var fromText = ReportTextImporter.ReadText(text, "seed").Tables;
        var fromExcel = ReportImporter.Read(PastedIntoExcel.Create(text), "seed.xlsx").Tables;
        Assert.Equal(fromText.Select(t => (t.Kind, t.Number, t.Heading)), fromExcel.Select(t => (t.Kind, t.Number, t.Heading)));
        static IEnumerable<string> Rows(IEnumerable<Disclosure.DisclosureTable> tables) =>
            tables.SelectMany(t => t.Rows.Select(r => $"{t.Kind}|{r.Section}|{r.Code}|{r.Name}|{r.LineNo}|{string.Join(",", r.Values.Select(v => v?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)))}"));
        Assert.Equal(Rows(fromText), Rows(fromExcel));
        Assert.Equal(fromText.Select(t => t.StatedTotals.Count), fromExcel.Select(t => t.StatedTotals.Count));
    }
}
