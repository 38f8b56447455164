using System.Globalization;
using System.Text.RegularExpressions;

namespace Approval.Workflow.Checking;

/// <summary>Amounts are 万元 as <see cref="decimal"/>; rounding is 四舍五入 (away from zero), only for display.</summary>
public static partial class Money
{
    public static decimal Round2(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    public static string Format(decimal value) => Round2(value).ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>Formats exactly as entered (no rounding), for findings that must say which figure they used.</summary>
    public static string Exact(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Parses "1,387.15", "<b>1,387.15</b>", "123.950406", "-", "" (null). Returns false for text that is not a number.</summary>
    public static bool TryParse(string? text, out decimal? value)
    {
        value = null;
        var cleaned = Clean(text);
        if (cleaned.Length == 0 || cleaned is "-" or "--" or "---" or "—" or "——" or "/") return true;
        if (!NumberPattern().IsMatch(cleaned)) return false;
        if (!decimal.TryParse(cleaned.Replace(",", ""), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var d))
            return false;
        value = d;
        return true;
    }

    public static bool IsNumber(string? text) => TryParse(text, out var v) && v is not null;

    public static string Clean(string? text) =>
        TagPattern().Replace(text ?? "", "").Replace('\u00a0', ' ').Trim();

    /// <summary>How many decimals a figure was written with: its own rounding unit.</summary>
    public static int Decimals(string text)
    {
        var cleaned = Clean(text).Replace(",", "");
        var dot = cleaned.IndexOf('.');
        return dot < 0 ? 0 : cleaned.Length - dot - 1;
    }

    [GeneratedRegex(@"^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"</?[a-zA-Z][^>]*>")]
    private static partial Regex TagPattern();
}
