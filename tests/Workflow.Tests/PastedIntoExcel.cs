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

    /// <summary>
    /// A sheet as a clerk lays it out with merged cells: each merged range (A1:I1, A5:B8) holds its text in its top-left cell,
    /// the cells it covers are blank cells of the range, as Excel writes them.
    /// </summary>
    public static byte[] CreateMerged(string text, IReadOnlyList<string> merges, string sheetName = "Sheet1") => CreateSheets([(sheetName, text)], merges);

    /// <summary>A workbook of several sheets, each one pasted as <see cref="Create"/> does.</summary>
    public static byte[] CreateSheets(IReadOnlyList<(string Name, string Text)> sheetTexts, IReadOnlyList<string>? merges = null)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            AddStyles(workbook);
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            foreach (var (sheetName, text) in sheetTexts)
                AddSheet(workbook, sheets, sheetName, text, merges ?? []);
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static void AddSheet(WorkbookPart workbook, Sheets sheets, string sheetName, string text, IReadOnlyList<string> merges)
    {
        var covered = merges.SelectMany(Covered).ToHashSet();
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
                if (value.Length == 0)
                {
                    if (covered.Contains(Reference(c, r))) row.Append(new Cell { CellReference = Reference(c, r) });
                    continue;
                }
                if (covered.Contains(Reference(c, r))) throw new ArgumentException($"{Reference(c, r)} lies inside a merged range: only its top-left cell holds text");
                row.Append(CellFor(Reference(c, r), value));
            }
            data.Append(row);
        }
        sheetPart.Worksheet = new Worksheet(data);
        if (merges.Count > 0)
            sheetPart.Worksheet.Append(new MergeCells(merges.Select(m => new MergeCell { Reference = m })) { Count = (uint)merges.Count });
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

    /// <summary>The cells a range covers besides its top-left one ("A5:B6" → B5, A6, B6).</summary>
    private static IEnumerable<string> Covered(string range)
    {
        var (from, to) = (range.Split(':')[0], range.Split(':')[1]);
        static (int Column, int Row) At(string reference) =>
            (reference.TakeWhile(char.IsLetter).Aggregate(0, (n, ch) => n * 26 + ch - 'A' + 1) - 1, int.Parse(new string(reference.SkipWhile(char.IsLetter).ToArray()), CultureInfo.InvariantCulture) - 1);
        var (c1, r1) = At(from);
        var (c2, r2) = At(to);
        for (var r = r1; r <= r2; r++)
            for (var c = c1; c <= c2; c++)
                if (r != r1 || c != c1) yield return Reference(c, r);
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
