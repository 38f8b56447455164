using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Approval.Workflow.Workbooks;

/// <summary>
/// One printable sheet of an official form, written with the OpenXml SDK: cells with a <see cref="CellLook"/>,
/// merged ranges (every cell of a range carries the style, so borders draw all round), column widths, row heights,
/// list validations, print area, repeated header rows and A4 page setup. Numbers are written as the decimal was
/// entered (never through double); text goes to the shared-string table.
/// </summary>
/// <summary>A formula with the value it computes now, so a reader that does not calculate (our importer) sees the figure.</summary>
internal sealed record SheetFormula(string Expression, decimal? Value);

internal sealed class SheetWriter(string sheetName, IReadOnlyList<double> columnWidths)
{
    private readonly SortedDictionary<(int Row, int Column), (object? Value, CellLook Look)> cells = [];
    private readonly List<string> merges = [];
    private readonly Dictionary<int, double> heights = [];
    private readonly List<DataValidation> validations = [];
    private readonly HashSet<int> hiddenColumns = [];
    private (int From, int To)? titleRows;

    public string Name { get; } = sheetName;

    public int LastColumn => columnWidths.Count;

    public bool Landscape { get; init; } = true;

    public void Set(int row, int column, object? value, CellLook look) => cells[(row, column)] = (value, look);

    /// <summary>A merged range holding <paramref name="value"/> in its top-left cell.</summary>
    public void Merge(int row, int column, int toRow, int toColumn, object? value, CellLook look)
    {
        for (var r = row; r <= toRow; r++)
            for (var c = column; c <= toColumn; c++)
                Set(r, c, r == row && c == column ? value : null, look);
        if (toRow > row || toColumn > column) merges.Add($"{Reference(row, column)}:{Reference(toRow, toColumn)}");
    }

    public void Height(int row, double points) => heights[row] = points;

    public void Hide(int column) => hiddenColumns.Add(column);

    public void RepeatOnEveryPage(int fromRow, int toRow) => titleRows = (fromRow, toRow);

    /// <summary>A drop-down list on a column range; a value outside it warns (the preparer may still keep it).</summary>
    public void List(int column, int fromRow, int toRow, IEnumerable<string> items, string prompt)
    {
        if (toRow < fromRow) return;
        validations.Add(new DataValidation
        {
            Type = DataValidationValues.List, AllowBlank = true, ShowInputMessage = true, ShowErrorMessage = true,
            ErrorStyle = DataValidationErrorStyleValues.Warning, ErrorTitle = "不在列表中", Error = "请从下拉列表中选择" + prompt,
            PromptTitle = prompt, Prompt = "从下拉列表中选择" + prompt,
            SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{Reference(fromRow, column)}:{Reference(toRow, column)}" },
            Formula1 = new Formula1("\"" + string.Join(",", items) + "\""),
        });
    }

    /// <summary>Height that shows <paramref name="text"/> wrapped in a range <paramref name="width"/> characters wide.</summary>
    public static double HeightFor(string? text, double width, double minimum = 20)
    {
        if (string.IsNullOrEmpty(text)) return minimum;
        var units = text.Sum(c => c > 0x2E80 ? 1.7 : 1.0);
        var lines = Math.Ceiling(units / Math.Max(width - 1, 1));
        return Math.Max(minimum, lines * 14.5 + 4);
    }

    public double Width(int fromColumn, int toColumn) => columnWidths.Skip(fromColumn - 1).Take(toColumn - fromColumn + 1).Sum();

    public byte[] Save() => SaveAll([this]);

    /// <summary>One workbook of several sheets, in the order given (names unique, at most 31 characters), sharing one string table.</summary>
    public static byte[] SaveAll(IReadOnlyList<SheetWriter> sheets)
    {
        var strings = new Dictionary<string, int>(StringComparer.Ordinal);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            Write(workbookPart.AddNewPart<WorkbookStylesPart>(), WorkbookStyles.Create());
            var entries = new Sheets();
            var names = new DefinedNames();
            for (var index = 0; index < sheets.Count; index++)
            {
                var sheet = sheets[index];
                var lastRow = sheet.cells.Keys.Select(k => k.Row).DefaultIfEmpty(1).Max();
                var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
                Write(sheetPart, sheet.Worksheet(lastRow, strings));
                entries.Append(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = (uint)(index + 1), Name = sheet.Name });
                names.Append(new DefinedName($"'{sheet.Name}'!$A$1:${ColumnName(sheet.LastColumn)}${lastRow}") { Name = "_xlnm.Print_Area", LocalSheetId = (uint)index });
                if (sheet.titleRows is { } t) names.Append(new DefinedName($"'{sheet.Name}'!${t.From}:${t.To}") { Name = "_xlnm.Print_Titles", LocalSheetId = (uint)index });
            }

            var table = new SharedStringTable { Count = (uint)strings.Count, UniqueCount = (uint)strings.Count };
            foreach (var text in strings.OrderBy(s => s.Value).Select(s => s.Key))
                table.Append(new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
            Write(workbookPart.AddNewPart<SharedStringTablePart>(), table);
            Write(workbookPart, new Workbook(entries, names));
        }
        return stream.ToArray();
    }

    private Worksheet Worksheet(int lastRow, Dictionary<string, int> strings)
    {
        var sheetData = new SheetData();
        foreach (var rowCells in cells.GroupBy(c => c.Key.Row))
        {
            var row = new Row { RowIndex = (uint)rowCells.Key };
            if (heights.TryGetValue(rowCells.Key, out var height)) (row.Height, row.CustomHeight) = (height, true);
            foreach (var ((r, c), (value, look)) in rowCells.OrderBy(x => x.Key.Column))
                row.Append(CellOf(Reference(r, c), value, look, strings));
            sheetData.Append(row);
        }
        var worksheet = new Worksheet(
            new SheetProperties(new PageSetupProperties { FitToPage = true }),
            new SheetDimension { Reference = $"A1:{Reference(lastRow, LastColumn)}" },
            new SheetViews(new SheetView { WorkbookViewId = 0, ShowGridLines = false }),
            new SheetFormatProperties { DefaultRowHeight = 20 },
            Columns(),
            sheetData);
        if (merges.Count > 0) worksheet.Append(new MergeCells(merges.Select(m => new MergeCell { Reference = m })) { Count = (uint)merges.Count });
        if (validations.Count > 0) worksheet.Append(new DataValidations(validations) { Count = (uint)validations.Count });
        worksheet.Append(
            new PrintOptions { HorizontalCentered = true },
            new PageMargins { Left = 0.4, Right = 0.4, Top = 0.5, Bottom = 0.6, Header = 0.3, Footer = 0.3 },
            new PageSetup { PaperSize = 9, Orientation = Landscape ? OrientationValues.Landscape : OrientationValues.Portrait, FitToWidth = 1, FitToHeight = 0 },
            new HeaderFooter(new OddFooter("&C第 &P 页，共 &N 页")));
        return worksheet;
    }

    /// <summary>
    /// Writes a part with SpreadsheetML as the default namespace. The SDK's own serialization prefixes every element
    /// (&lt;x:workbook&gt;), which Excel and LibreOffice accept but ExcelJS does not ("reading 'sheets'" of undefined).
    /// </summary>
    private static void Write(OpenXmlPart part, OpenXmlPartRootElement root)
    {
        var document = XDocument.Parse(root.OuterXml);
        var main = document.Root!.Name.Namespace;
        document.Root.Attributes().Where(a => a.IsNamespaceDeclaration && a.Value == main.NamespaceName).Remove();
        document.Root.SetAttributeValue("xmlns", main.NamespaceName);
        using var stream = part.GetStream(FileMode.Create, FileAccess.Write);
        using var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false) });
        document.Save(writer);
    }

    private Columns Columns()
    {
        var columns = new Columns();
        for (var c = 1; c <= columnWidths.Count; c++)
            columns.Append(new Column { Min = (uint)c, Max = (uint)c, Width = columnWidths[c - 1], CustomWidth = true, Hidden = hiddenColumns.Contains(c) ? true : null });
        return columns;
    }

    private static Cell CellOf(string reference, object? value, CellLook look, Dictionary<string, int> strings)
    {
        var cell = new Cell { CellReference = reference, StyleIndex = (uint)look };
        switch (value)
        {
            case null:
                break;
            case decimal d:
                cell.CellValue = new CellValue(d.ToString(CultureInfo.InvariantCulture));
                break;
            case int i:
                cell.CellValue = new CellValue(i.ToString(CultureInfo.InvariantCulture));
                break;
            case SheetFormula f:
                cell.CellFormula = new CellFormula(f.Expression);
                if (f.Value is { } computed) cell.CellValue = new CellValue(computed.ToString(CultureInfo.InvariantCulture));
                break;
            default:
                // Characters XML 1.0 cannot carry (control characters) would make the file unreadable: they are dropped.
                var text = new string((Convert.ToString(value, CultureInfo.InvariantCulture) ?? "").Where(ch => XmlConvert.IsXmlChar(ch) || char.IsSurrogate(ch)).ToArray());
                if (text.Length == 0) break;
                if (!strings.TryGetValue(text, out var index)) strings[text] = index = strings.Count;
                cell.DataType = CellValues.SharedString;
                cell.CellValue = new CellValue(index.ToString(CultureInfo.InvariantCulture));
                break;
        }
        return cell;
    }

    public static string Reference(int row, int column) => ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);

    private static string ColumnName(int column)
    {
        var name = "";
        for (var c = column; c > 0; c = (c - 1) / 26) name = (char)('A' + (c - 1) % 26) + name;
        return name;
    }
}
