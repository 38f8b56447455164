using System.Text.RegularExpressions;

namespace Approval.Workflow.Import;

/// <summary>
/// The 行次 of a 三公 table's line from its label when the table prints no 行次 (or the row lost it): "合 计", "“三公”经费合计" → 1,
/// "1.因公出国（境）费" → 2, "3.公务用车费" / "公务用车购置及运行维护费" → 3, "（1）公务用车购置费" → 4, "运行维护费" → 5,
/// "公务接待费" → 6, "国内接待费" → 7, "国（境）外接待费" / "外事接待费" → 9. Numbering, spaces and "其中：" are ignored.
/// </summary>
internal static partial class ThreePublicLabels
{
    public static string? LineOf(string label)
    {
        var l = Numbering().Replace(Regex.Replace(label, @"\s+", "").Replace("其中：", "").Replace("其中:", ""), "");
        if (l.Length == 0 || l.Length > 30) return null;
        if (l.Contains("合计", StringComparison.Ordinal) || l.Contains("总计", StringComparison.Ordinal) || l is "“三公”经费支出" or "三公经费支出" or "“三公”经费") return "1";
        if (l.Contains("出国", StringComparison.Ordinal)) return "2";
        if (l.Contains("公务用车", StringComparison.Ordinal) || l.Contains("购置", StringComparison.Ordinal) || l.Contains("运行", StringComparison.Ordinal))
        {
            var purchase = l.Contains("购置", StringComparison.Ordinal);
            var running = l.Contains("运行", StringComparison.Ordinal) || l.Contains("运维", StringComparison.Ordinal);
            return purchase == running ? "3" : purchase ? "4" : "5";
        }
        if (l.Contains("接待", StringComparison.Ordinal))
            return l.Contains("国内", StringComparison.Ordinal) ? "7" : l.Contains('外') ? "9" : "6";
        return null;
    }

    [GeneratedRegex(@"^(?:\d{1,2}[.．、]|[（(][一二三四五六七八九十\d]{1,2}[）)]|[一二三四五六七八九十]{1,2}[、.．])+")]
    private static partial Regex Numbering();
}
