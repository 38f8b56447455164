using Approval.Workflow.Checking;
using Approval.Workflow.Disclosure;
using Approval.Workflow.Import;

namespace Approval.Workflow.Tests;

/// <summary>
/// A 公开表 workbook as a unit makes it: one table per sheet, the sheet named by the table's title or its code (公开01表), the
/// title row printed again or left out, 01 and 04 with their two-row 收入/支出 headers (a merged range is its top-left cell).
/// </summary>
public class DisclosureWorkbookTests
{
    /// <summary>Seed 002's ten tables cut out of its text, each with the lines down to the next table (notes included).</summary>
    private static List<(DisclosureTableKind Kind, string Title, List<string> Lines)> Seed002Tables()
    {
        var lines = File.ReadAllLines(Seeds.PathOf(Seeds.ShangraoBigData2021));
        var tables = new List<(DisclosureTableKind, string, List<string>)>();
        foreach (var line in lines.TakeWhile(l => !l.StartsWith("## 第三部分", StringComparison.Ordinal)))
        {
            var title = line.TrimStart('#', ' ').Replace("*", "", StringComparison.Ordinal).Trim();
            if (line.StartsWith('#') && DisclosureTableKinds.PrintedTitles.FirstOrDefault(t => t.Title == title) is { Title: not null } printed)
                tables.Add((printed.Kind, title, []));
            else if (tables.Count > 0) tables[^1].Item3.Add(line);
        }
        return tables;
    }

    private static byte[] Workbook()
    {
        var sheets = new List<(string, string)>();
        foreach (var (kind, title, lines) in Seed002Tables())
        {
            var rows = kind == DisclosureTableKind.FiscalAppropriationSummary ? MergedHeader04(lines) : lines;
            var (name, withTitle) = kind switch
            {
                DisclosureTableKind.IncomeExpenditureSummary => (title, true),             // named by its title, the title row printed again
                DisclosureTableKind.Income => ("公开02表", false),                          // named by its code only
                DisclosureTableKind.FiscalAppropriationSummary => (title, true),
                DisclosureTableKind.StateAssets => ("公开10表", false),
                _ => (sheets.Count % 2 == 0 ? title : $"公开{sheets.Count + 1:00}表", true), // code or title, with the title row
            };
            sheets.Add((name, string.Join('\n', withTitle ? [title, .. rows] : rows)));
        }
        return PastedIntoExcel.CreateSheets(sheets);
    }

    /// <summary>04's header as the official form prints it: 决算数 merged over the four fund columns, their names on the row below.</summary>
    private static List<string> MergedHeader04(List<string> lines) =>
        [.. lines.SelectMany(l => l.StartsWith("项 目\t行次\t金额", StringComparison.Ordinal)
            ? new[] { "项 目\t行次\t金额\t项目（按功能分类）\t行次\t决算数", "\t\t\t\t\t合计\t一般公共预算财政拨款\t政府性基金预算财政拨款\t国有资本经营预算财政拨款" }
            : [l])];

    private static List<string> Findings(ImportedReport report) =>
        [.. ReportChecker.Check(report).Documents.Where(d => d.Kind == ReportChecker.TableKind)
            .SelectMany(d => d.Findings.Select(f => $"{d.Title} | {f.Rule} | {f.Severity} | {f.Location} | {f.Expected} | {f.Actual} | {f.Message}"))
            .Order(StringComparer.Ordinal)];

    private static IEnumerable<string> Rows(IEnumerable<DisclosureTable> tables) =>
        tables.OrderBy(t => t.Kind).SelectMany(t => t.Rows.Select(r =>
            $"{t.Kind}|{r.Section}|{r.Code}|{r.Name}|{r.LineNo}|{string.Join(",", r.Values.Select(v => v?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)))}"));

    [Fact]
    public void Seed_002s_tables_one_per_sheet_give_the_tables_and_findings_of_the_text()
    {
        var text = Seeds.Import(Seeds.ShangraoBigData2021);
        var workbook = ReportImporter.Read(Workbook(), "决算公开表.xlsx");

        Assert.Equal(10, workbook.Tables.Count); // no empty table for a sheet whose name and first row both name it
        Assert.Equal(text.Tables.Select(t => (t.Kind, t.Number, t.Heading)).OrderBy(t => t.Kind), workbook.Tables.Select(t => (t.Kind, t.Number, t.Heading)).OrderBy(t => t.Kind));
        Assert.Equal(Rows(text.Tables), Rows(workbook.Tables));
        Assert.DoesNotContain(workbook.Issues, i => i.Fatal);
        var expected = Findings(text);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Findings(workbook));
    }
}
