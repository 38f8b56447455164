using System.Text.RegularExpressions;

namespace Approval.Workflow.Disclosure;

/// <summary>
/// Rows that hold counts, not 万元: 07's 相关统计数 (团组数, 人次, 辆, 批次) and 10's vehicles and equipment (台、辆、套).
/// A count is a whole number; "74.00" 批次 is a misreading.
/// </summary>
public static partial class CountRows
{
    public static bool IsCount(DisclosureTable table, TableRow row) => table.Kind switch
    {
        DisclosureTableKind.ThreePublicExpenses => CountUnit().IsMatch(row.Name) || int.TryParse(row.LineNo, out var n) && n >= 10,
        DisclosureTableKind.StateAssets => !MoneyOrArea().IsMatch(row.Name),
        _ => false,
    };

    /// <summary>
    /// The unit a count row states at the end of its name — "（个）" → 个, "(台、辆)" → 台/辆 — or null: an amount, or a count
    /// whose row states none (10's vehicle lines under "车辆数合计(台、辆)").
    /// </summary>
    public static string? UnitOf(DisclosureTable table, TableRow row) =>
        IsCount(table, row) && CountUnit().Match(row.Name) is { Success: true } m
            ? string.Join("/", m.Value.Trim().Trim('（', '(', '）', ')').Split(['、', '，', ','], StringSplitOptions.RemoveEmptyEntries))
            : null;

    /// <summary>Rows of 10 that some localities add in 万元 or 平方米 (资产总额, 房屋面积); "单价100万元以上设备" is still counted in 台.</summary>
    [GeneratedRegex(@"[（(]万元[)）]\s*$|平方米|面积|总额|价值")]
    private static partial Regex MoneyOrArea();

    /// <summary>"（辆）", "(台、辆)", "（台，套）", "（个）", "（人）" at the end of a row's name.</summary>
    [GeneratedRegex(@"[（(][台辆套个人次批、，,]+[)）]\s*$")]
    private static partial Regex CountUnit();
}
