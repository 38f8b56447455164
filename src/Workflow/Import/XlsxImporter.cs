using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Approval.Workflow.Import;

/// <summary>
/// Reads an .xlsx workbook (our downloadable template, or a unit's own sheets laid out like the published
/// tables, or the official layout of <see cref="Workbooks.SelfEvaluationWorkbook"/>): each sheet's rows become
/// tab-separated lines for the same readers as report text (a merged range is its top-left cell, the rest empty; empty
/// cells at the end of a row are dropped). Guards against zip bombs before opening anything.
/// </summary>
public static class XlsxImporter
{
    public const long MaxUncompressedBytes = 64L * 1024 * 1024;
    public const int MaxRows = 20_000;
    public const int MaxColumns = 64;

    public static ImportedReport Read(byte[] bytes, string source)
    {
        CheckArchive(bytes);
        var text = new StringBuilder();
        var origins = new List<string>();
        var formulaIssues = new List<ImportIssue>();
        var sheetRows = new Dictionary<int, int>(); // text line → row of its sheet
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var document = SpreadsheetDocument.Open(stream, false);
            var workbook = document.WorkbookPart ?? throw new UnreadableInputException("xlsx 文件缺少工作簿");
            var strings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
            var percentStyles = PercentStyles(workbook);
            var sheets = workbook.Workbook.Sheets?.Elements<Sheet>().ToList() ?? [];
            foreach (var sheet in sheets)
            {
                if (sheet.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part) continue;
                var name = sheet.Name?.Value ?? "";
                text.AppendLine(CultureInfo.InvariantCulture, $"## 工作表 {name}");
                origins.Add($"工作表「{name}」");
                var rowCount = 0;
                foreach (var row in part.Worksheet.Descendants<Row>())
                {
                    if (++rowCount > MaxRows) throw new UnreadableInputException($"工作表「{name}」超过 {MaxRows} 行");
                    var cells = new string[MaxColumns];
                    var last = -1;
                    var uncomputed = new List<string>();
                    foreach (var cell in row.Elements<Cell>())
                    {
                        var column = ColumnIndex(cell.CellReference?.Value);
                        if (column < 0 || column >= MaxColumns) continue;
                        cells[column] = CellText(cell, strings, percentStyles).Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
                        if (cell.CellFormula is not null && cell.CellValue is null) uncomputed.Add(cell.CellReference?.Value ?? "");
                        // Styled empty cells (the rest of a merged range, bordered blanks) end no line.
                        if (cells[column].Length > 0) last = Math.Max(last, column);
                    }
                    text.AppendLine(string.Join('\t', cells.Take(last + 1).Select(c => c ?? "")));
                    var rowNumber = (int)(row.RowIndex?.Value ?? (uint)rowCount);
                    origins.Add($"工作表「{name}」第 {rowNumber} 行");
                    sheetRows[origins.Count] = rowNumber;
                    if (uncomputed.Count > 0)
                        formulaIssues.Add(new ImportIssue(origins.Count,
                            $"单元格 {string.Join("、", uncomputed)} 是公式，文件中没有保存计算结果，按空值处理（请用 Excel 打开、保存后再导入）"));
                }
            }
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or System.Xml.XmlException)
        {
            throw new UnreadableInputException($"不是有效的 xlsx 文件：{e.Message}");
        }

        var report = ReportTextImporter.ReadText(text.ToString(), source);
        string Where(int line) => line >= 1 && line <= origins.Count ? origins[line - 1] : $"第 {line} 行";
        var issues = report.Issues.Concat(formulaIssues).OrderBy(i => i.Line)
            .Select(i => i with { Message = $"{Where(i.Line)}：{i.Message}" }).ToList();
        // An indicator row's SourceLine is its row in the sheet, the number the preparer sees in Excel.
        var forms = report.Forms.Select(f => f with
        {
            Indicators = f.Indicators.Select(i => i with { SourceLine = i.SourceLine is { } l && sheetRows.TryGetValue(l, out var r) ? r : i.SourceLine }).ToList(),
        }).ToList();
        return report with { Issues = issues, Forms = forms };
    }

    private static void CheckArchive(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (entry.Length > MaxUncompressedBytes || total > MaxUncompressedBytes)
                    throw new UnreadableInputException($"xlsx 文件解压后超过 {MaxUncompressedBytes / 1024 / 1024} MB，拒绝读取");
                if (entry.CompressedLength > 0 && entry.Length / entry.CompressedLength > 200 && entry.Length > 1024 * 1024)
                    throw new UnreadableInputException("xlsx 文件压缩比异常（疑似压缩炸弹），拒绝读取");
            }
            if (zip.GetEntry("[Content_Types].xml") is null || zip.Entries.All(e => !e.FullName.StartsWith("xl/", StringComparison.Ordinal)))
                throw new UnreadableInputException("文件不是 xlsx 工作簿");
        }
        catch (InvalidDataException)
        {
            throw new UnreadableInputException("文件不是有效的 xlsx（zip）文件");
        }
    }

    private static string CellText(Cell cell, string[] strings, Dictionary<uint, int> percentStyles)
    {
        if (cell.DataType?.Value == CellValues.InlineString) return cell.InlineString?.InnerText ?? "";
        // A formula saved without its result (files written by programs other than Excel): the formula is no figure.
        if (cell.CellValue is null) return "";
        var raw = cell.CellValue.Text;
        if (cell.DataType?.Value == CellValues.SharedString)
            return int.TryParse(raw, out var i) && i >= 0 && i < strings.Length ? strings[i] : "";
        if (cell.DataType?.Value == CellValues.Boolean) return raw == "1" ? "是" : "否";
        if (cell.DataType?.Value is { } type && type != CellValues.Number) return raw;
        if (!decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return raw;
        d = AsEntered(raw, d);
        return percentStyles.TryGetValue(cell.StyleIndex?.Value ?? 0, out var decimals)
            ? Math.Round(d * 100, decimals, MidpointRounding.AwayFromZero).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + "%"
            : d.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Excel keeps 15 significant digits of what was typed but writes the binary double with 17 ("9.8000000000000007"):
    /// such a number is read as the 15 digits typed. Shorter numbers are kept exactly as written (123.950406).
    /// </summary>
    private static decimal AsEntered(string raw, decimal value)
    {
        var digits = raw.TakeWhile(c => c is not ('E' or 'e')).Count(char.IsAsciiDigit) - raw.TakeWhile(c => c is '0' or '.' or '-').Count(c => c == '0');
        if (digits <= 15 || !double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var binary)) return value;
        return decimal.Parse(binary.ToString("G15", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture).Normalize();
    }

    /// <summary>
    /// The cell styles whose number format shows a fraction as a percentage (built-in 9 "0%" and 10 "0.00%", or a custom
    /// format with "%"), with the decimals the format shows: what the clerk saw and printed is what is read.
    /// </summary>
    private static Dictionary<uint, int> PercentStyles(WorkbookPart workbook)
    {
        var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
        var formats = stylesheet?.CellFormats?.Elements<CellFormat>().ToList() ?? [];
        var custom = new Dictionary<uint, int>();
        foreach (var format in stylesheet?.NumberingFormats?.Elements<NumberingFormat>() ?? [])
        {
            var code = (format.FormatCode?.Value ?? "").Replace("\"%\"", "").Split(';')[0];
            if (!code.Contains('%') || format.NumberFormatId?.Value is not { } id) continue;
            var dot = code.IndexOf('.');
            custom[id] = dot < 0 ? 0 : code.Skip(dot + 1).TakeWhile(c => c is '0' or '#').Count();
        }
        var result = new Dictionary<uint, int>();
        for (var i = 0; i < formats.Count; i++)
        {
            var id = formats[i].NumberFormatId?.Value ?? 0;
            if (id == 9) result[(uint)i] = 0;
            else if (id == 10) result[(uint)i] = 2;
            else if (custom.TryGetValue(id, out var decimals)) result[(uint)i] = decimals;
        }
        return result;
    }

    internal static decimal Normalize(this decimal value) => value / 1.000000000000000000000000000000000m;

    private static int ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return -1;
        var index = 0;
        foreach (var ch in reference)
        {
            if (!char.IsAsciiLetterUpper(ch)) break;
            index = index * 26 + (ch - 'A' + 1);
            if (index > MaxColumns) return -1;
        }
        return index - 1;
    }
}
