using DocumentFormat.OpenXml.Spreadsheet;

namespace Approval.Workflow.Workbooks;

/// <summary>The few cell formats an official form uses; the value is the index into the workbook's cell formats.</summary>
internal enum CellLook : uint
{
    Default = 0,
    Title,
    Subtitle,
    UnitNote,
    Label,
    Header,
    Text,
    Centered,
    /// <summary>万元 with two decimals and thousands separators (the stored value keeps every digit).</summary>
    Money,
    Figure,
    /// <summary>A percentage stored as its number of percent (97.70 shows as 97.70%).</summary>
    Percent,
    Note,
    /// <summary>A label written top to bottom, a character under the other (绩效指标 down the indicator rows).</summary>
    VerticalLabel,
    /// <summary>A score or weight: the number as entered, shown with two decimals (10 shows as 10.00).</summary>
    Score,
    /// <summary>A count (团组数, 车辆数): a whole number, right-aligned like the amounts.</summary>
    Count,
}

/// <summary>The stylesheet behind <see cref="CellLook"/>: 宋体, thin borders, wrapped text, #,##0.00 for money, 0.00 for scores.</summary>
internal static class WorkbookStyles
{
    private const uint MoneyFormat = 164;
    private const uint PercentFormat = 165;
    private const uint TwoDecimals = 2; // built-in "0.00"

    public static Stylesheet Create()
    {
        var formats = new (CellLook Look, uint Font, bool Border, HorizontalAlignmentValues Horizontal, uint NumberFormat)[]
        {
            (CellLook.Default, 0, false, HorizontalAlignmentValues.General, 0),
            (CellLook.Title, 1, false, HorizontalAlignmentValues.Center, 0),
            (CellLook.Subtitle, 0, false, HorizontalAlignmentValues.Center, 0),
            (CellLook.UnitNote, 0, false, HorizontalAlignmentValues.Right, 0),
            (CellLook.Label, 0, true, HorizontalAlignmentValues.Center, 0),
            (CellLook.Header, 2, true, HorizontalAlignmentValues.Center, 0),
            (CellLook.Text, 0, true, HorizontalAlignmentValues.Left, 0),
            (CellLook.Centered, 0, true, HorizontalAlignmentValues.Center, 0),
            (CellLook.Money, 0, true, HorizontalAlignmentValues.Right, MoneyFormat),
            (CellLook.Figure, 0, true, HorizontalAlignmentValues.Center, 0),
            (CellLook.Percent, 0, true, HorizontalAlignmentValues.Center, PercentFormat),
            (CellLook.Note, 3, false, HorizontalAlignmentValues.Left, 0),
            (CellLook.VerticalLabel, 0, true, HorizontalAlignmentValues.Center, 0),
            (CellLook.Score, 0, true, HorizontalAlignmentValues.Center, TwoDecimals),
            (CellLook.Count, 0, true, HorizontalAlignmentValues.Right, 1), // built-in "0"
        };
        var cellFormats = new CellFormats { Count = (uint)formats.Length };
        foreach (var (look, font, border, horizontal, numberFormat) in formats)
        {
            if ((uint)look != cellFormats.ChildElements.Count) throw new InvalidOperationException("cell formats out of order");
            var alignment = new Alignment { Horizontal = horizontal, Vertical = VerticalAlignmentValues.Center, WrapText = look != CellLook.Default };
            if (look == CellLook.VerticalLabel) alignment.TextRotation = 255; // stacked, as the paper form prints 绩效指标
            cellFormats.Append(new CellFormat(alignment)
            {
                FontId = font, FillId = 0, BorderId = border ? 1u : 0u, NumberFormatId = numberFormat, FormatId = 0,
                ApplyFont = true, ApplyBorder = true, ApplyAlignment = true, ApplyNumberFormat = numberFormat != 0,
            });
        }
        return new Stylesheet(
            new NumberingFormats(
                new NumberingFormat { NumberFormatId = MoneyFormat, FormatCode = "#,##0.00" },
                new NumberingFormat { NumberFormatId = PercentFormat, FormatCode = "0.00\"%\"" })
            { Count = 2 },
            new Fonts(Font(11, bold: false), Font(16, bold: true), Font(11, bold: true), Font(10, bold: false)) { Count = 4 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(
                new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
                new Border(Thin(new LeftBorder()), Thin(new RightBorder()), Thin(new TopBorder()), Thin(new BottomBorder()), new DiagonalBorder()))
            { Count = 2 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            cellFormats,
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }

    private static Font Font(double size, bool bold)
    {
        var font = new Font();
        if (bold) font.Append(new Bold());
        font.Append(new FontSize { Val = size }, new FontName { Val = "宋体" }, new FontCharSet { Val = 134 });
        return font;
    }

    private static T Thin<T>(T border) where T : BorderPropertiesType
    {
        border.Style = BorderStyleValues.Thin;
        border.Append(new Color { Auto = true });
        return border;
    }
}
