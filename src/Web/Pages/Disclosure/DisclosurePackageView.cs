using System.Globalization;
using Approval.Web.Pages.Forms;
using Approval.Workflow.Checking;
using Approval.Workflow.Disclosure;
using Approval.Workflow.Submissions;

namespace Approval.Web.Pages.Disclosure;

/// <summary>
/// What <c>_DisclosurePackage.cshtml</c> needs to print a 部门决算公开 package as the seeds print it: each 公开表 in
/// its own layout (two-sided 收入｜支出, coded 类/款/项, 06's three groups, counted 07/10) and the 情况说明 as
/// paragraphs. Cells carry <c>data-cell="{table}:{row}:{value}"</c> (indices into the package), which the editor and
/// <c>disclosure-findings.js</c> rely on.
/// </summary>
public sealed record DisclosurePackageView(IReadOnlyList<DisclosureTable> Tables, string Narrative, int? Year)
{
    public DisclosurePackageView(DisclosurePackage package, int? year) : this(package.Tables, package.Narrative, year) => Attached = package.Forms;

    /// <summary>The tables in the official order 公开01表 … 公开10表 (by the number each prints, else its kind's place),
    /// whatever order they were imported in; each keeps its index in the package for data-cell and the editor.</summary>
    public IReadOnlyList<DisclosureTableView> TableViews { get; } =
        [.. Tables.Select((t, i) => new DisclosureTableView(i, t, Year)).OrderBy(v => v.OfficialPosition).ThenBy(v => v.Index)];

    public IReadOnlyList<NarrativeBlock> NarrativeBlocks => NarrativeText.Blocks(Narrative);

    /// <summary>The 情况说明's parts in their order, then the rest of the narrative as the source has it.</summary>
    public (IReadOnlyList<NarrativeBlock> Explanation, IReadOnlyList<NarrativeBlock> Others) ArrangedNarrative => NarrativeParts.Arrange(NarrativeBlocks);

    /// <summary>The 自评表 published with the package (附件2, 附件4 …), each printed on its own sheet after the 情况说明.</summary>
    public IReadOnlyList<AttachedForm> Attached { get; init; } = [];

    /// <summary>The package's findings: those of an attached form are shown on it (the public page passes none).</summary>
    public IReadOnlyList<Finding> Findings { get; init; } = [];

    /// <summary>The engine's figures beside an attached form's (系统 …): on the unit's and reviewer's page, not the public one.</summary>
    public bool ShowsScore { get; init; }

    public static string AttachmentAnchor(int index) => $"attached-form-{index + 1}";

    /// <summary>An attached form in the official 自评表 layout, its ids prefixed so that two forms on the page never share one.</summary>
    public SelfEvaluationFormView FormView(int index)
    {
        var attached = Attached[index];
        return new SelfEvaluationFormView(attached.Form, Year)
        {
            IdPrefix = AttachmentAnchor(index) + "-",
            Attached = true,
            Result = ShowsScore ? AttachedFormChecks.Evaluate(attached) : null,
            // on the form itself the 附件 is evident: its findings read as on any 自评表
            Findings = [.. Findings.Where(f => AttachedFormChecks.Concerns(f, attached)).Select(f => f with { Message = AttachedFormChecks.Unnamed(f, attached) })],
        };
    }
}

public enum DisclosureLayout { TwoSided, Coded, BasicExpenditure, Counted }

/// <summary>One row of a two-sided form: left 行次 k beside right 行次 k + offset; a side's row index is null where it printed nothing.</summary>
public sealed record TwoSidedLine(int LeftLine, int? Left, int RightLine, int? Right);

public sealed class DisclosureTableView(int index, DisclosureTable table, int? year)
{
    public int Index { get; } = index;
    public DisclosureTable Table { get; } = table;

    public DisclosureLayout Layout => Table.Kind switch
    {
        DisclosureTableKind.IncomeExpenditureSummary or DisclosureTableKind.FiscalAppropriationSummary => DisclosureLayout.TwoSided,
        DisclosureTableKind.GeneralBudgetBasicExpenditure => DisclosureLayout.BasicExpenditure,
        DisclosureTableKind.ThreePublicExpenses or DisclosureTableKind.StateAssets => DisclosureLayout.Counted,
        _ => DisclosureLayout.Coded,
    };

    /// <summary>Printed landscape: the forms wider than an A4 portrait sheet.</summary>
    public bool Wide => Table.Kind is DisclosureTableKind.IncomeExpenditureSummary or DisclosureTableKind.FiscalAppropriationSummary
        or DisclosureTableKind.GeneralBudgetBasicExpenditure or DisclosureTableKind.Income or DisclosureTableKind.Expenditure or DisclosureTableKind.GovernmentFund;

    public string Number => Table.Number ?? (Index + 1).ToString("00", CultureInfo.InvariantCulture);

    /// <summary>Where the table comes in the package: the 公开 number it prints, else the standard place of its kind.</summary>
    public int OfficialPosition => int.TryParse(Table.Number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int)Table.Kind + 1;

    /// <summary>The notes printed under the table (注：本表反映…, 说明：当此表数据为空时…), in their order.</summary>
    public IReadOnlyList<string> Notes => Table.Notes ?? [];

    /// <summary>A total's label as the source printed it (公用支出合计 where the form says so), else <paramref name="key"/>.</summary>
    public string TotalLabel(string key) => Table.PrintedTotalLabels?.GetValueOrDefault(key) ?? key;

    public string PreparingUnit => Table.Heading?.PreparingUnit ?? "";

    public string YearText => (Table.Heading?.Year ?? year) is { } y ? $"{y}年度" : "";

    public string UnitText => Table.Heading?.Unit is { } unit
        ? (Table.Kind == DisclosureTableKind.StateAssets ? $"单位：{unit}" : $"金额单位：{unit}")
        : Table.Kind == DisclosureTableKind.StateAssets ? "单位：台、辆、套" : "金额单位：万元";

    /// <summary>本表无数据: no row carries a figure (08 and 09 are empty by law for most units).</summary>
    public bool IsEmpty => !Table.Rows.Any(r => r.Values.Any(v => v is not null)) && Table.StatedTotals.Count == 0;

    public string Cell(int row, int value) => $"{Index}:{row}:{value}";

    public string RowKey(int row) => $"{Index}:{row}";

    public IEnumerable<(TableRow Row, int Index)> Indexed(Func<TableRow, bool>? where = null) =>
        Table.Rows.Select((r, i) => (r, i)).Where(p => where is null || where(p.r));

    public static bool IsTotal(TableRow row) => row.Code is null && (row.Name.Contains("合计", StringComparison.Ordinal) || row.Name.Contains("总计", StringComparison.Ordinal));

    // ---- two-sided (01, 04) ----

    /// <summary>The income side has one amount column; the expense side has the table's columns.</summary>
    public IReadOnlyList<string> LeftColumns => ["决算数"];

    public string LeftHeader => Table.Kind == DisclosureTableKind.FiscalAppropriationSummary ? "金额" : "决算数";

    public IReadOnlyList<string> RightHeaders => Table.Kind == DisclosureTableKind.FiscalAppropriationSummary
        ? ["合计", .. Table.Columns.Skip(1)]
        : Table.Columns;

    /// <summary>
    /// Rows of the form: left 行次 k beside right 行次 k + offset, offset being the last left 行次 (the right side
    /// numbers on). Lines a side left empty keep their 行次. Without 行次, the sides pair up in order.
    /// </summary>
    public IReadOnlyList<TwoSidedLine> TwoSidedLines()
    {
        var left = Indexed(r => r.Section == "收入").ToList();
        var right = Indexed(r => r.Section == "支出").ToList();
        static int? No(TableRow r) => int.TryParse(r.LineNo, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        if (left.Concat(right).Any(p => No(p.Row) is null))
        {
            var count = Math.Max(left.Count, right.Count);
            return [.. Enumerable.Range(0, count).Select(k => new TwoSidedLine(k + 1, k < left.Count ? left[k].Index : null,
                left.Count + k + 1, k < right.Count ? right[k].Index : null))];
        }
        var offset = right.Count > 0 ? right.Min(p => No(p.Row)!.Value) - 1 : left.Select(p => No(p.Row)!.Value).DefaultIfEmpty(0).Max();
        var lines = Math.Max(left.Select(p => No(p.Row)!.Value).DefaultIfEmpty(0).Max(), right.Select(p => No(p.Row)!.Value - offset).DefaultIfEmpty(0).Max());
        return [.. Enumerable.Range(1, lines).Select(k => new TwoSidedLine(k, left.FirstOrDefault(p => No(p.Row) == k) is { Row: not null } l ? l.Index : null,
            k + offset, right.FirstOrDefault(p => No(p.Row) == k + offset) is { Row: not null } r ? r.Index : null))];
    }

    // ---- coded (02, 03, 05, 08, 09) ----

    /// <summary>08 prints 本年支出 over 小计 | 基本支出 | 项目支出; null for a column with its own header.</summary>
    public string? GroupOf(int column) => Table.Kind == DisclosureTableKind.GovernmentFund && column is >= 2 and <= 4 ? "本年支出" : null;

    public string ColumnHeader(int column) => Table.Columns[column] == "本年支出小计" ? "小计" : Table.Columns[column];

    // ---- 06 ----

    /// <summary>
    /// 06's three column groups as printed: 人员经费 (301, 303), 公用经费 302, and the rest of 公用经费
    /// (307, 309, 310, 312, 399 …) continued in the third group.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<int>> BasicGroups()
    {
        var personnel = Indexed(r => r.Section == "人员经费").Select(p => p.Index).ToList();
        var goods = Indexed(r => r.Section != "人员经费" && r.Code?.StartsWith("302", StringComparison.Ordinal) == true).Select(p => p.Index).ToList();
        var rest = Indexed(r => r.Section != "人员经费" && r.Code?.StartsWith("302", StringComparison.Ordinal) != true).Select(p => p.Index).ToList();
        return [personnel, goods, rest];
    }

    // ---- counted (07, 10) ----

    /// <summary>A count, not an amount (10's vehicles and equipment, 07's 统计数): the rule the editor and validation use.</summary>
    public bool IsCount(TableRow row) => CountRows.IsCount(Table, row);

    public string Format(TableRow row, decimal? value) =>
        value is not { } v ? (Layout == DisclosureLayout.Counted ? "-" : "")
        : IsCount(row) ? (v == decimal.Truncate(v) ? decimal.Truncate(v).ToString(CultureInfo.InvariantCulture) : v.ToString("0.##", CultureInfo.InvariantCulture))
        : Money.Format(v);

    /// <summary>The unit shown after a count on screen (data-unit, drawn by CSS so the cell's text stays the figure), null when none.</summary>
    public string? CountUnit(TableRow row, decimal? value) => value is null ? null : CountRows.UnitOf(Table, row);

    public IReadOnlyList<string> CountedHeaders => Table.Kind == DisclosureTableKind.StateAssets ? ["项目", "栏次"] : ["项目", "行次"];

    public static string Format(decimal? value) => value is { } v ? Money.Format(v) : "";

}
