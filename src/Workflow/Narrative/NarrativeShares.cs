using System.Globalization;
using System.Text.RegularExpressions;
using Approval.Workflow.Checking;

namespace Approval.Workflow.Narrative;

/// <summary>
/// "占 X%" shares where the part and the whole both stand in the sentence: "A 万元，占 B 万元的 X%", or a
/// "具体构成" listing every component ("基本支出 328.25 万元，占 20%；项目支出 1336.3 万元，占 80%") — the whole is then
/// the sum of the listed amounts, taken only when the listed shares add up to 100% (the list is complete).
/// </summary>
public static partial class NarrativeChecker
{
    private static void CheckShares(string text, string document, List<Finding> findings)
    {
        foreach (Match m in ShareOfPattern().Matches(text))
        {
            var part = Amount(m.Groups["part"].Value);
            var whole = Amount(m.Groups["whole"].Value);
            if (whole <= 0) continue;
            var (low, high) = Range(part, whole, (p, w) => p / w * 100);
            Judge("NR-SHARE", m.Groups["pct"].Value, part / whole * 100, low, high, $"{m.Groups["part"].Value} ÷ {m.Groups["whole"].Value}",
                Snippet(text, m), document, findings);
        }

        // "支出合计 1664.55 万元，其中：基本支出 328.25 万元，占 19.72%；项目支出 1336.3 万元，占 80.28%": each share of the whole stated before 其中.
        foreach (var sentence in text.Split('。').Where(s => !s.Contains("构成", StringComparison.Ordinal)))
            foreach (Match m in WholeThenSharesPattern().Matches(sentence))
            {
                var whole = Amount(m.Groups["whole"].Value);
                if (whole <= 0) continue;
                var rest = sentence[(m.Index + m.Length)..];
                var next = WholeThenSharesPattern().Match(rest);
                if (next.Success) rest = rest[..next.Index];
                foreach (Match item in ShareItemPattern().Matches(rest))
                {
                    var part = Amount(item.Groups["amount"].Value);
                    var (low, high) = Range(part, whole, (p, w) => p / w * 100);
                    Judge("NR-SHARE", item.Groups["pct"].Value, part / whole * 100, low, high, $"{item.Groups["amount"].Value} ÷ {m.Groups["whole"].Value}",
                        $"{m.Groups["whole"].Value}万元，其中{item.Groups["name"].Value}{item.Groups["amount"].Value}万元，占{item.Groups["pct"].Value}%", document, findings);
                }
            }

        foreach (var sentence in text.Split('。').Where(s => s.Contains("构成", StringComparison.Ordinal)))
        {
            var items = ShareItemPattern().Matches(sentence).ToList();
            if (items.Count < 2) continue;
            var shares = items.Select(i => i.Groups["pct"].Value).ToList();
            var slack = shares.Sum(s => 0.5m * (decimal)Math.Pow(10, -DecimalsOf(s)));
            if (Math.Abs(shares.Sum(s => decimal.Parse(s, CultureInfo.InvariantCulture)) - 100) > slack) continue; // not the whole list
            var amounts = items.Select(i => Amount(i.Groups["amount"].Value)).ToList();
            var whole = amounts.Sum();
            if (whole <= 0) continue;
            for (var i = 0; i < items.Count; i++)
            {
                var part = amounts[i];
                var (low, high) = Range(part, whole - part, (p, rest) => p + rest == 0 ? 0 : p / (p + rest) * 100);
                Judge("NR-SHARE", shares[i], part / whole * 100, low, high, $"{items[i].Groups["amount"].Value} ÷ 所列各项合计 {Money.Format(whole)}",
                    $"{items[i].Groups["name"].Value}{items[i].Groups["amount"].Value}万元，占{shares[i]}%", document, findings);
            }
        }
    }

    // 一般公共服务支出328.25万元，占本年支出合计1664.55万元的19.72%
    [GeneratedRegex(@"(?<part>\d[\d,]*(?:\.\d+)?)万元[，,]?占[^，,。；\d%]{0,20}?(?<whole>\d[\d,]*(?:\.\d+)?)万元的(?<pct>\d+(?:\.\d+)?)%")]
    private static partial Regex ShareOfPattern();

    // 本年支出合计1664.55万元，其中：
    [GeneratedRegex(@"(?<whole>\d[\d,]*(?:\.\d+)?)万元[，,]?其中[：:，,]?")]
    private static partial Regex WholeThenSharesPattern();

    // 基本支出328.25万元，占20%
    [GeneratedRegex(@"(?<name>[^，,；;：:。\d]{1,30}?)(?<amount>\d[\d,]*(?:\.\d+)?)万元[，,]占(?<pct>\d+(?:\.\d+)?)%")]
    private static partial Regex ShareItemPattern();
}
