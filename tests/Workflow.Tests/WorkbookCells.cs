using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Approval.Workflow.Tests;

/// <summary>What a written workbook holds, read back with the OpenXml SDK for assertions on the layout itself.</summary>
public sealed class WorkbookCells
{
    public required Dictionary<string, string> Texts { get; init; }
    public required Dictionary<string, uint> Styles { get; init; }
    public required List<string> Merges { get; init; }
    public required List<(string Range, string Formula)> Lists { get; init; }
    public required Dictionary<string, string> DefinedNames { get; init; }
    public required PageSetup PageSetup { get; init; }
    public required List<Column> Columns { get; init; }
    public required List<string> NumberFormats { get; init; }
    public required Dictionary<uint, uint> FormatOfStyle { get; init; }

    public static WorkbookCells Read(byte[] bytes)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var workbook = document.WorkbookPart!;
        var strings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
        var sheet = workbook.WorksheetParts.Single().Worksheet;
        var texts = new Dictionary<string, string>();
        var styles = new Dictionary<string, uint>();
        foreach (var cell in sheet.Descendants<Cell>())
        {
            var reference = cell.CellReference!.Value!;
            styles[reference] = cell.StyleIndex?.Value ?? 0;
            if (cell.CellValue is null) continue;
            texts[reference] = cell.DataType?.Value == CellValues.SharedString ? strings[int.Parse(cell.CellValue.Text, System.Globalization.CultureInfo.InvariantCulture)] : cell.CellValue.Text;
        }
        var stylesheet = workbook.WorkbookStylesPart!.Stylesheet;
        return new WorkbookCells
        {
            Texts = texts,
            Styles = styles,
            Merges = sheet.Descendants<MergeCell>().Select(m => m.Reference!.Value!).ToList(),
            Lists = sheet.Descendants<DataValidation>().Select(v => (v.SequenceOfReferences!.InnerText!, v.Formula1!.Text)).ToList(),
            DefinedNames = workbook.Workbook.DefinedNames!.Elements<DefinedName>().ToDictionary(n => n.Name!.Value!, n => n.Text),
            PageSetup = sheet.Descendants<PageSetup>().Single(),
            Columns = sheet.Descendants<Column>().ToList(),
            NumberFormats = stylesheet.NumberingFormats!.Elements<NumberingFormat>().Select(f => f.FormatCode!.Value!).ToList(),
            FormatOfStyle = stylesheet.CellFormats!.Elements<CellFormat>().Select((f, i) => (f, i)).ToDictionary(x => (uint)x.i, x => x.f.NumberFormatId?.Value ?? 0),
        };
    }

    /// <summary>The reference of the cell holding exactly <paramref name="text"/>.</summary>
    public string Find(string text) => Texts.Single(t => t.Value == text).Key;

    public static int RowOf(string reference) => int.Parse(new string(reference.SkipWhile(char.IsLetter).ToArray()), System.Globalization.CultureInfo.InvariantCulture);
}
