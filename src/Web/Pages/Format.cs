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

    /// <summary>A weight or a bound of a template as its author wrote it: 10, 12.5 (no trailing zeros).</summary>
    public static string Points(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
