using System.Globalization;
using Approval.Workflow.Disclosure;
using Approval.Workflow.Submissions;

namespace Approval.Workflow.Workbooks;

/// <summary>
/// A 部门决算公开 package as one .xlsx: a sheet per 公开表 in the official order (公开01 收入支出决算总表 … 公开10
/// 国有资产占用情况表, whatever order the unit printed them in), the 情况说明, then each attached 自评表 (附件2, 附件4 …) in
/// the 自评表's official layout (<see cref="SelfEvaluationWorkbook"/>). Amounts are numbers in 万元 shown with two decimals
/// (#,##0.00), counts whole numbers; a cell left empty in the package stays empty.
/// </summary>
public static class DisclosurePackageWorkbook
{
    public const string NarrativeSheet = "情况说明";
    private const int MaxSheetName = 31;

    public static byte[] Write(DisclosurePackage package, string? unitName, int? year)
    {
        var sheets = new List<SheetWriter>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in package.Tables.OrderBy(t => t.Kind))
            sheets.Add(Table(table, Unique(SheetName(table), names), unitName, year));
        if (package.Narrative.Trim().Length > 0) sheets.Add(Narrative(package.Narrative, Unique(NarrativeSheet, names)));
        foreach (var (attached, k) in package.Forms.Select((a, k) => (a, k)))
        {
            var form = year is { } y ? attached.Form with { Header = attached.Form.Header with { Year = y } } : attached.Form;
            sheets.Add(SelfEvaluationWorkbook.Sheet(form, sheetName: Unique(FormSheetName(attached, k), names)));
        }
        if (sheets.Count == 0) sheets.Add(Narrative("（本公开包没有内容）", NarrativeSheet));
        return SheetWriter.SaveAll(sheets);
    }

    /// <summary>"公开01表 收入支出决算总表": the ministry's number for the table's kind, then its title.</summary>
    public static string SheetName(DisclosureTable table) => $"公开{(int)table.Kind + 1:00}表 {DisclosureTableKinds.Title(table.Kind)}";

    /// <summary>"附件2 项目支出绩效自评表"; an unlabelled form is named by its place and project.</summary>
    public static string FormSheetName(AttachedForm attached, int index) =>
        attached.Label is { } label ? $"{label} 项目支出绩效自评表" : $"自评表{index + 1} {attached.Form.Header.ProjectName}";

    private static SheetWriter Table(DisclosureTable table, string sheetName, string? unitName, int? year) =>
        table.Kind is DisclosureTableKind.IncomeExpenditureSummary or DisclosureTableKind.FiscalAppropriationSummary
            ? TwoSided(table, sheetName, unitName, year)
            : Listed(table, sheetName, unitName, year);

    /// <summary>The title and the 编制单位·年度·表号·金额单位 line above a table.</summary>
    private static void Heading(SheetWriter sheet, DisclosureTable table, string? unitName, int? year)
    {
        var last = sheet.LastColumn;
        sheet.Merge(1, 1, 1, last, table.Title, CellLook.Title);
        sheet.Height(1, 30);
        var heading = table.Heading;
        var number = table.Number ?? ((int)table.Kind + 1).ToString("00", CultureInfo.InvariantCulture);
        var unit = heading?.Unit ?? (table.Kind == DisclosureTableKind.StateAssets ? "台、辆、套" : "万元");
        var line = string.Join("    ", new[]
        {
            $"编制单位：{heading?.PreparingUnit ?? unitName}",
            (heading?.Year ?? year) is { } y ? $"{y}年度" : null,
            $"公开{number}表",
            table.Kind == DisclosureTableKind.StateAssets ? $"单位：{unit}" : $"金额单位：{unit}",
        }.Where(p => p is not null));
        sheet.Merge(2, 1, 2, last, line, CellLook.UnitNote);
    }

    /// <summary>
    /// 01 and 04 as printed: 收入 (项目, 行次, 决算数) on the left, 支出 (项目, 行次, its columns) on the right, left 行次 k beside
    /// right 行次 k + the table's offset (31 in seed 002's 01), lines a side leaves empty keeping their 行次.
    /// </summary>
    private static SheetWriter TwoSided(DisclosureTable table, string sheetName, string? unitName, int? year)
    {
        var left = table.Rows.Where(r => r.Section == "收入").ToList();
        var right = table.Rows.Where(r => r.Section != "收入").ToList();
        var rightHeaders = table.Kind == DisclosureTableKind.FiscalAppropriationSummary ? ["合计", .. table.Columns.Skip(1)] : table.Columns;
        double[] widths = [30, 7, 15, 30, 7, .. rightHeaders.Select(_ => 15.0)];
        var sheet = new SheetWriter(sheetName, widths) { Landscape = true };
        Heading(sheet, table, unitName, year);
        sheet.Merge(3, 1, 3, 3, "收 入", CellLook.Header);
        sheet.Merge(3, 4, 3, sheet.LastColumn, "支 出", CellLook.Header);
        string[] header = ["项 目", "行次", table.Kind == DisclosureTableKind.FiscalAppropriationSummary ? "金额" : "决算数", "项目（按功能分类）", "行次", .. rightHeaders];
        for (var c = 0; c < header.Length; c++) sheet.Set(4, c + 1, header[c], CellLook.Header);
        sheet.Height(4, 32);
        sheet.RepeatOnEveryPage(3, 4);

        var row = 5;
        foreach (var (l, r, leftLine) in Pairs(left, right))
        {
            sheet.Set(row, 1, l?.Name, CellLook.Text);
            sheet.Set(row, 2, leftLine is { } n ? n : LineNumber(l?.LineNo), CellLook.Centered);
            sheet.Set(row, 3, l?.Value(0), CellLook.Money);
            sheet.Set(row, 4, r?.Name, CellLook.Text);
            sheet.Set(row, 5, LineNumber(r?.LineNo), CellLook.Centered);
            for (var v = 0; v < rightHeaders.Count; v++) sheet.Set(row, 6 + v, r?.Value(v), CellLook.Money);
            sheet.Height(row, Math.Max(SheetWriter.HeightFor(l?.Name, 30), SheetWriter.HeightFor(r?.Name, 30)));
            row++;
        }
        return sheet;
    }

    /// <summary>
    /// Left and right rows side by side: by 行次 where both sides number their lines (right = left + offset, the offset
    /// being the right side's first 行次 less one), else in order.
    /// </summary>
    private static IEnumerable<(TableRow? Left, TableRow? Right, int? LeftLine)> Pairs(List<TableRow> left, List<TableRow> right)
    {
        static int? LineOf(TableRow r) => int.TryParse(r.LineNo, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        if (left.Any(r => LineOf(r) is null) || right.Any(r => LineOf(r) is null) || right.Count == 0 || left.Count == 0)
        {
            for (var i = 0; i < Math.Max(left.Count, right.Count); i++)
                yield return (left.ElementAtOrDefault(i), right.ElementAtOrDefault(i), null);
            yield break;
        }
        var offset = right.Min(r => LineOf(r)!.Value) - 1;
        if (offset < left.Max(r => LineOf(r)!.Value))
        {
            // the sides' numbers overlap: no printed pairing to follow
            for (var i = 0; i < Math.Max(left.Count, right.Count); i++)
                yield return (left.ElementAtOrDefault(i), right.ElementAtOrDefault(i), null);
            yield break;
        }
        var lines = Math.Max(left.Max(r => LineOf(r)!.Value), right.Max(r => LineOf(r)!.Value) - offset);
        for (var k = 1; k <= lines; k++)
        {
            var l = left.FirstOrDefault(r => LineOf(r) == k);
            var r = right.FirstOrDefault(x => LineOf(x) == k + offset);
            yield return (l, r, k);
        }
    }

    private static SheetWriter Listed(DisclosureTable table, string sheetName, string? unitName, int? year)
    {
        var sided = table.Rows.Any(r => r.Section.Length > 0);
        var coded = table.Rows.Any(r => r.Code is not null);
        var lined = table.Rows.Any(r => r.LineNo is not null);
        var columns = new List<(string Header, double Width)>();
        if (sided) columns.Add(("栏目", 10));
        if (coded) columns.Add(("科目编码", 12));
        columns.Add(("项目", 36));
        if (lined) columns.Add(("行次", 7));
        var first = columns.Count + 1;
        var valueColumns = Math.Max(table.Columns.Count, table.Rows.Select(r => r.Values.Count).DefaultIfEmpty(0).Max());
        for (var c = 0; c < valueColumns; c++) columns.Add((c < table.Columns.Count ? table.Columns[c] : $"第{c + 1}栏", 15));

        var sheet = new SheetWriter(sheetName, [.. columns.Select(c => c.Width)]) { Landscape = valueColumns > 3 };
        var last = sheet.LastColumn;
        Heading(sheet, table, unitName, year);
        for (var c = 0; c < columns.Count; c++) sheet.Set(3, c + 1, columns[c].Header, CellLook.Header);
        sheet.Height(3, 32);
        sheet.RepeatOnEveryPage(3, 3);

        var row = 4;
        foreach (var r in table.Rows)
        {
            var c = 1;
            if (sided) sheet.Set(row, c++, r.Section, CellLook.Centered);
            if (coded) sheet.Set(row, c++, r.Code, CellLook.Centered);
            sheet.Set(row, c++, r.Name, CellLook.Text);
            if (lined) sheet.Set(row, c++, LineNumber(r.LineNo), CellLook.Centered);
            var count = CountRows.IsCount(table, r);
            for (var v = 0; v < valueColumns; v++)
                sheet.Set(row, first + v, r.Value(v), count ? CellLook.Count : CellLook.Money);
            sheet.Height(row, SheetWriter.HeightFor(r.Name, sheet.Width(first - (lined ? 2 : 1), first - (lined ? 2 : 1))));
            row++;
        }
        foreach (var (name, value) in table.StatedTotals)
        {
            sheet.Merge(row, 1, row, first - 1, name, CellLook.Label);
            sheet.Set(row, first, value, CellLook.Money);
            for (var v = 1; v < valueColumns; v++) sheet.Set(row, first + v, null, CellLook.Money);
            row++;
        }
        if (table.Rows.Count == 0 || !table.Rows.Any(r => r.Values.Any(v => v is not null)) && table.StatedTotals.Count == 0)
            sheet.Merge(row, 1, row, last, "本表无数据", CellLook.Centered);
        return sheet;
    }

    /// <summary>行次 as a number where it is one (Excel would flag "12" stored as text), else as printed.</summary>
    private static object? LineNumber(string? lineNo) => int.TryParse(lineNo, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : lineNo;

    private static SheetWriter Narrative(string narrative, string sheetName)
    {
        var sheet = new SheetWriter(sheetName, [80]) { Landscape = false };
        sheet.Set(1, 1, "部门决算情况说明", CellLook.Title);
        sheet.Height(1, 30);
        var row = 2;
        foreach (var paragraph in narrative.Replace("\r\n", "\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            var text = paragraph.TrimStart('#', ' ').Replace("**", "", StringComparison.Ordinal);
            sheet.Set(row, 1, text, CellLook.Note);
            sheet.Height(row, SheetWriter.HeightFor(text, 80, 16));
            row++;
        }
        return sheet;
    }

    /// <summary>A sheet name Excel takes: none of []:*?/\, at most 31 characters, unique in the workbook.</summary>
    private static string Unique(string name, HashSet<string> taken)
    {
        var clean = new string([.. name.Where(c => !"[]:*?/\\".Contains(c))]).Trim('\'', ' ');
        if (clean.Length > MaxSheetName) clean = clean[..MaxSheetName];
        var candidate = clean;
        for (var n = 2; !taken.Add(candidate); n++)
        {
            var suffix = $"({n})";
            candidate = (clean.Length + suffix.Length > MaxSheetName ? clean[..(MaxSheetName - suffix.Length)] : clean) + suffix;
        }
        return candidate;
    }
}
