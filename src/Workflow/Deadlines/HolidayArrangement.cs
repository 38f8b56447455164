using System.Globalization;

namespace Approval.Workflow.Deadlines;

/// <summary>
/// The shipped arrangements, from the 国务院办公厅 notices (docs/rules.md, 截止日期与法定工作日). A bureau's 管理员 may replace
/// any year and enters the years to come when the State Council publishes them (usually in November).
/// </summary>
public static class HolidayArrangement
{
    /// <summary>国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）.</summary>
    public static readonly HolidayYear Year2025 = new(2025,
        [
            .. Days("2025-01-01"),
            .. Range("2025-01-28", "2025-02-04"), // 春节 8 天
            .. Range("2025-04-04", "2025-04-06"), // 清明节
            .. Range("2025-05-01", "2025-05-05"), // 劳动节
            .. Range("2025-05-31", "2025-06-02"), // 端午节
            .. Range("2025-10-01", "2025-10-08"), // 国庆节、中秋节
        ],
        Days("2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"),
        "国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）");

    /// <summary>国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日发布）.</summary>
    public static readonly HolidayYear Year2026 = new(2026,
        [
            .. Range("2026-01-01", "2026-01-03"), // 元旦
            .. Range("2026-02-15", "2026-02-23"), // 春节 9 天
            .. Range("2026-04-04", "2026-04-06"), // 清明节
            .. Range("2026-05-01", "2026-05-05"), // 劳动节
            .. Range("2026-06-19", "2026-06-21"), // 端午节
            .. Range("2026-09-25", "2026-09-27"), // 中秋节
            .. Range("2026-10-01", "2026-10-07"), // 国庆节
        ],
        Days("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"),
        "国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）");

    public static IReadOnlyList<HolidayYear> Shipped { get; } = [Year2025, Year2026];

    public static HolidayYear? ShippedFor(int year) => Shipped.FirstOrDefault(y => y.Year == year);

    private static DateOnly[] Days(params string[] days) => [.. days.Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture))];

    private static IEnumerable<DateOnly> Range(string first, string last)
    {
        var (from, to) = (Days(first)[0], Days(last)[0]);
        for (var day = from; day <= to; day = day.AddDays(1)) yield return day;
    }
}
