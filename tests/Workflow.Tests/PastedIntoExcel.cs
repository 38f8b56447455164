using System.Globalization;
using System.Text.RegularExpressions;
using Approval.Workflow.Checking;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Approval.Workflow.Tests;

/// <summary>
/// A report pasted into Excel cell by cell and saved, as Excel does it: one row per line, one cell per tab-separated
/// field, markup gone, figures turned into numbers stored as Excel stores them (binary doubles written with 17
/// significant digits: 9.8 is "9.8000000000000007"), and percentages as fractions with a per cent format (97.7% is 0.977).
/// Optionally the 合计 cells are formulas saved without a cached value, as files written by other programs are.
/// </summary>
public static partial class PastedIntoExcel
{
    /// <summary>Styles 1–5: a percentage with 0–4 decimals, as Excel formats a typed "97.70%" (0.00%).</summary>
    private static uint PercentStyle(int decimals) => (uint)(1 + Math.Min(decimals, 4));

    public static byte[] Create(string text, string sheetName = "Sheet1") => CreateSheets([(sheetName, text)]);

    /// <summary>A workbook of several sheets, each one pasted as <see cref="Create"/> does.</summary>
    public static byte[] CreateSheets(IReadOnlyList<(string Name, string Text)> sheetTexts)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            AddStyles(workbook);
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            foreach (var (sheetName, text) in sheetTexts)
                AddSheet(workbook, sheets, sheetName, text);
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static void AddSheet(WorkbookPart workbook, Sheets sheets, string sheetName, string text)
    {
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var r = 0; r < lines.Length; r++)
        {
            var row = new Row { RowIndex = (uint)(r + 1) };
            var cells = lines[r].Split('\t');
            for (var c = 0; c < cells.Length; c++)
            {
                var value = Markup().Replace(cells[c], "").Trim();
                if (value.Length == 0) continue;
                row.Append(CellFor(Reference(c, r), value));
            }
            data.Append(row);
        }
        sheetPart.Worksheet = new Worksheet(data);
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = (uint)sheets.Count() + 1, Name = sheetName });
    }

    private static Cell CellFor(string reference, string value)
    {
        if (Money.TryParse(value, out var number) && number is { } d)
            return new Cell { CellReference = reference, CellValue = new CellValue(AsExcelStores(d)), DataType = CellValues.Number };
        if (value.EndsWith('%') && decimal.TryParse(value[..^1], NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var percent))
            return new Cell { CellReference = reference, CellValue = new CellValue(AsExcelStores(percent / 100)), DataType = CellValues.Number, StyleIndex = PercentStyle(Money.Decimals(value[..^1])) };
        return new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value)) };
    }

    /// <summary>The double nearest the figure, written with 17 significant digits (round-trip), as Excel's file format does.</summary>
    public static string AsExcelStores(decimal value) => ((double)value).ToString("G17", CultureInfo.InvariantCulture);

    public static string Reference(int column, int row) => $"{(char)('A' + column % 26)}{row + 1}".Insert(0, column >= 26 ? ((char)('A' + column / 26 - 1)).ToString() : "");

    /// <summary>Style 0 is General; styles 1–5 show a percentage with 0–4 decimals (built-in 9 and 10, custom 164–166).</summary>
    private static void AddStyles(WorkbookPart workbook)
    {
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new NumberingFormats(
                new NumberingFormat { NumberFormatId = 164, FormatCode = "0.0%" },
                new NumberingFormat { NumberFormatId = 165, FormatCode = "0.000%" },
                new NumberingFormat { NumberFormatId = 166, FormatCode = "0.0000%" }),
            new Fonts(new Font()),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None })),
            new Borders(new Border()),
            new CellFormats(new uint[] { 0, 9, 164, 10, 165, 166 }.Select(id => new CellFormat { NumberFormatId = id, ApplyNumberFormat = id != 0 })));
    }

    [GeneratedRegex("</?[a-zA-Z][^>]*>")]
    private static partial Regex Markup();
}
