using System.Text.Json.Serialization;

namespace Approval.Workflow.Disclosure;

/// <summary>The ten 部门决算公开表. Tables are identified by title, not number: localities number them differently.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DisclosureTableKind>))]
public enum DisclosureTableKind
{
    IncomeExpenditureSummary,
    Income,
    Expenditure,
    FiscalAppropriationSummary,
    GeneralBudgetExpenditure,
    GeneralBudgetBasicExpenditure,
    ThreePublicExpenses,
    GovernmentFund,
    StateCapital,
    StateAssets,
}

/// <summary>
/// One 公开表 as rows of figures. <see cref="TableRow.Code"/> keeps 功能分类/经济分类 codes as codes (strings);
/// <see cref="TableRow.Section"/> tells the side of two-sided tables (收入/支出) or the group (人员经费/公用经费).
/// </summary>
public sealed record DisclosureTable(
    DisclosureTableKind Kind,
    string? Number,
    string Title,
    IReadOnlyList<string> Columns,
    IReadOnlyList<TableRow> Rows)
{
    /// <summary>Totals printed outside the rows (06's 人员经费合计 and 公用经费合计).</summary>
    public IReadOnlyDictionary<string, decimal> StatedTotals { get; init; } = new Dictionary<string, decimal>();

    /// <summary>The line printed above the table (编制单位, 年度, 金额单位); null when the source had none.</summary>
    public DisclosureTableHeading? Heading { get; init; }

    /// <summary>The notes printed under the table (注：…, 说明：…); null when none (and then not written, so events
    /// stored before notes were read serialize as they were hashed).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Notes { get; init; }

    /// <summary>A stated total's label where the source printed another than its key (公用支出合计 for 公用经费合计); null when none.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string>? PrintedTotalLabels { get; init; }

    public string DisplayName => Number is null ? Title : $"公开{Number}表 {Title}";
}

/// <summary>"编制单位：大数据发展管理局 2021年度 公开01表 金额单位：万元" as its parts, each null when not printed.</summary>
public sealed record DisclosureTableHeading(string? PreparingUnit, int? Year, string? Unit);

public sealed record TableRow(int? SourceLine, string Section, string? Code, string Name, string? LineNo, IReadOnlyList<decimal?> Values)
{
    public decimal? Value(int column) => column < Values.Count ? Values[column] : null;

    /// <summary>"2010301" → 3 (项), "20103" → 2 (款), "201" → 1 (类); 0 when there is no code.</summary>
    public int CodeLevel => Code switch
    {
        { Length: 3 } => 1,
        { Length: 5 } => 2,
        { Length: 7 } => 3,
        _ => 0,
    };

    public string Label => Code is null ? Name : $"{Code} {Name}";
}

public static class DisclosureTableKinds
{
    public static string Title(DisclosureTableKind kind) => kind switch
    {
        DisclosureTableKind.IncomeExpenditureSummary => "收入支出决算总表",
        DisclosureTableKind.Income => "收入决算表",
        DisclosureTableKind.Expenditure => "支出决算表",
        DisclosureTableKind.FiscalAppropriationSummary => "财政拨款收入支出决算总表",
        DisclosureTableKind.GeneralBudgetExpenditure => "一般公共预算财政拨款支出决算表",
        DisclosureTableKind.GeneralBudgetBasicExpenditure => "一般公共预算财政拨款基本支出决算表",
        DisclosureTableKind.ThreePublicExpenses => "财政拨款“三公”经费支出决算表",
        DisclosureTableKind.GovernmentFund => "政府性基金预算财政拨款收入支出决算表",
        DisclosureTableKind.StateCapital => "国有资本经营预算财政拨款支出决算表",
        DisclosureTableKind.StateAssets => "国有资产占用情况表",
        _ => kind.ToString(),
    };

    /// <summary>The table the ministry's layout numbers 公开 <paramref name="number"/> (01 收入支出决算总表 … 10 国有资产占用情况表).</summary>
    public static DisclosureTableKind? ByStandardNumber(int number) => number switch
    {
        1 => DisclosureTableKind.IncomeExpenditureSummary,
        2 => DisclosureTableKind.Income,
        3 => DisclosureTableKind.Expenditure,
        4 => DisclosureTableKind.FiscalAppropriationSummary,
        5 => DisclosureTableKind.GeneralBudgetExpenditure,
        6 => DisclosureTableKind.GeneralBudgetBasicExpenditure,
        7 => DisclosureTableKind.ThreePublicExpenses,
        8 => DisclosureTableKind.GovernmentFund,
        9 => DisclosureTableKind.StateCapital,
        10 => DisclosureTableKind.StateAssets,
        _ => null,
    };

    /// <summary>The value columns of the official layout, for tables whose rows carry one figure per column.</summary>
    public static IReadOnlyList<string> Columns(DisclosureTableKind kind) => kind switch
    {
        DisclosureTableKind.IncomeExpenditureSummary => ["决算数"],
        DisclosureTableKind.Income => ["本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"],
        DisclosureTableKind.Expenditure => ["本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"],
        DisclosureTableKind.FiscalAppropriationSummary => ["小计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"],
        DisclosureTableKind.GeneralBudgetExpenditure => ["本年支出合计", "基本支出", "项目支出"],
        DisclosureTableKind.GeneralBudgetBasicExpenditure => ["金额"],
        DisclosureTableKind.ThreePublicExpenses => ["年初预算数", "决算数"],
        DisclosureTableKind.GovernmentFund => ["年初结转和结余", "本年收入", "本年支出小计", "基本支出", "项目支出", "年末结转和结余"],
        DisclosureTableKind.StateCapital => ["合计", "基本支出", "项目支出"],
        DisclosureTableKind.StateAssets => ["决算数"],
        _ => [],
    };

    /// <summary>Which printed titles name which table (longest first when matching).</summary>
    public static readonly IReadOnlyList<(string Title, DisclosureTableKind Kind)> PrintedTitles =
    [
        ("一般公共预算财政拨款基本支出决算表", DisclosureTableKind.GeneralBudgetBasicExpenditure),
        ("一般公共预算财政拨款支出决算表", DisclosureTableKind.GeneralBudgetExpenditure),
        ("政府性基金预算财政拨款收入支出决算表", DisclosureTableKind.GovernmentFund),
        ("国有资本经营预算财政拨款支出决算表", DisclosureTableKind.StateCapital),
        ("一般公共预算财政拨款“三公”经费支出决算表", DisclosureTableKind.ThreePublicExpenses),
        ("财政拨款“三公”经费支出决算表", DisclosureTableKind.ThreePublicExpenses),
        ("“三公”经费支出决算表", DisclosureTableKind.ThreePublicExpenses),
        ("财政拨款收入支出决算总表", DisclosureTableKind.FiscalAppropriationSummary),
        ("财政收支决算表", DisclosureTableKind.FiscalAppropriationSummary),
        ("收入支出决算总表", DisclosureTableKind.IncomeExpenditureSummary),
        ("国有资产占用情况表", DisclosureTableKind.StateAssets),
        ("收入决算表", DisclosureTableKind.Income),
        ("支出决算表", DisclosureTableKind.Expenditure),
    ];
}
