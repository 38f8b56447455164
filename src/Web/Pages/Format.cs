using System.Globalization;

namespace Approval.Web.Pages;

/// <summary>Display formats of the UI: dates as 2026年11月22日 in China Standard Time.</summary>
public static class Format
{
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    public static string Date(DateTimeOffset? value) =>
        value is { } v ? v.ToOffset(ChinaStandardTime).ToString("yyyy年M月d日", CultureInfo.InvariantCulture) : "—";

    public static string DateTime(DateTimeOffset? value) =>
        value is { } v ? v.ToOffset(ChinaStandardTime).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture) : "—";
}
