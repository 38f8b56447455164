using System.Globalization;
using System.Text.RegularExpressions;
using Approval.Workflow.Checking;

namespace Approval.Workflow.Narrative;

/// <summary>
/// Best-effort checks of percentages stated in the 情况说明 where the figures stand in the same sentence:
/// "完成（年初）预算的 X%" = 决算 ÷ 预算, and "较上年增加/减少 D 万元，增长/下降 Y%" with last year's figure as the base.
/// A printed percentage is accepted when it lies within half a unit of its last printed digit of any value the
/// printed amounts (each ±0.005 万元) allow. A decrease above 100% is always an error.
/// </summary>
public static partial class NarrativeChecker
{
    private const decimal AmountUncertainty = 0.005m;

    public static IReadOnlyList<Finding> Check(string narrative, string document = "部门决算情况说明")
    {
        var text = Flatten(narrative);
        var findings = new List<Finding>();

        foreach (Match m in CompletionPattern().Matches(text))
        {
            var budget = Amount(m.Groups["budget"].Value);
            var actual = Amount(m.Groups["actual"].Value);
            var stated = m.Groups["pct"].Value;
            if (budget <= 0) continue;
            var (low, high) = Range(actual, budget, (a, b) => a / b * 100);
            Judge("NR-COMPLETION", stated, actual / budget * 100, low, high, $"决算 {m.Groups["actual"].Value} ÷ 预算 {m.Groups["budget"].Value}", Snippet(text, m), document, findings);
        }

        foreach (Match m in ChangePattern().Matches(text))
        {
            var current = Amount(m.Groups["current"].Value);
            var delta = Amount(m.Groups["delta"].Value);
            var increased = m.Groups["dir"].Value == "增加";
            var saysGrowth = m.Groups["pdir"].Value == "增长";
            var stated = m.Groups["pct"].Value;
            var snippet = Snippet(text, m);
            var location = new FindingLocation(document, null, snippet);
            if (increased != saysGrowth)
            {
                findings.Add(new Finding("NR-DIRECTION", Severity.Error, location, increased ? "增长" : "下降", m.Groups["pdir"].Value, null,
                    $"金额{m.Groups["dir"].Value}却写「{m.Groups["pdir"].Value}」：{snippet}"));
                continue;
            }
            var statedValue = decimal.Parse(stated, CultureInfo.InvariantCulture);
            if (!increased && statedValue > 100)
            {
                findings.Add(new Finding("NR-DECREASE-OVER-100", Severity.Error, location, "≤ 100%", stated + "%", statedValue - 100,
                    $"下降幅度不可能超过 100%：{snippet}"));
                continue;
            }
            var lastYear = increased ? current - delta : current + delta;
            if (lastYear <= 0) continue; // grew from nothing: there is no base to take a percentage of
            var (low, high) = increased
                ? Range(current, delta, (c, d) => d / (c - d) * 100)
                : Range(current, delta, (c, d) => d / (c + d) * 100);
            Judge("NR-CHANGE", stated, delta / lastYear * 100, low, high, $"{m.Groups["dir"].Value} {m.Groups["delta"].Value} ÷ 上年 {Money.Format(lastYear)}", snippet, document, findings);
        }
        return Once(findings);
    }

    /// <summary>A 情况说明 often repeats a sentence word for word (in its overview and again in its section): one finding, saying so.</summary>
    private static List<Finding> Once(List<Finding> findings) =>
        findings.GroupBy(f => (f.Rule, f.Location, f.Expected, f.Actual))
            .Select(g => g.Count() == 1 ? g.First() : g.First() with { Message = $"{g.First().Message}（此句在文中出现 {g.Count()} 次）" })
            .ToList();

    private static void Judge(string rule, string stated, decimal nominal, decimal low, decimal high, string how, string snippet, string document, List<Finding> findings)
    {
        var value = decimal.Parse(stated, CultureInfo.InvariantCulture);
        var decimals = stated.Contains('.') ? stated.Length - stated.IndexOf('.') - 1 : 0;
        var half = 0.5m * (decimal)Math.Pow(10, -decimals);
        if (value >= low - half && value <= high + half) return;
        var expected = Math.Round(nominal, Math.Max(decimals, 1), MidpointRounding.AwayFromZero);
        findings.Add(new Finding(rule, Severity.Error, new FindingLocation(document, null, snippet), $"{expected}%", $"{stated}%", value - expected,
            $"文中写 {stated}%，按 {how} 计算应为 {expected}%：{snippet}"));
    }

    /// <summary>The least and greatest value of f over the printed amounts' rounding intervals (f is monotone in each).</summary>
    private static (decimal Low, decimal High) Range(decimal x, decimal y, Func<decimal, decimal, decimal> f)
    {
        var values = new List<decimal>();
        foreach (var dx in new[] { -AmountUncertainty, 0, AmountUncertainty })
            foreach (var dy in new[] { -AmountUncertainty, 0, AmountUncertainty })
            {
                try
                {
                    var v = f(x + dx, y + dy);
                    values.Add(v);
                }
                catch (DivideByZeroException) { }
            }
        return values.Count == 0 ? (decimal.MinValue, decimal.MaxValue) : (values.Min(), values.Max());
    }

    private static decimal Amount(string text) => decimal.Parse(text.Replace(",", "").Replace(" ", ""), CultureInfo.InvariantCulture);

    /// <summary>Joins lines (PDF extraction breaks sentences anywhere) and drops spaces, so figures are found across breaks.</summary>
    public static string Flatten(string narrative) =>
        WhitespacePattern().Replace(narrative.Replace("％", "%"), "");

    /// <summary>The clause the figures stand in, from the punctuation before the match, for locating the sentence.</summary>
    private static string Snippet(string text, Match m)
    {
        var start = m.Index == 0 ? 0 : text.LastIndexOfAny(['。', '；', '：', '，', '#', '*'], m.Index - 1) + 1;
        var snippet = text[start..Math.Min(text.Length, m.Index + m.Length)];
        return snippet.Length > 100 ? "…" + snippet[^100..] : snippet;
    }

    // 年初预算数为388.03万元，决算数为328.25万元，完成年初预算的85%
    [GeneratedRegex(@"预算(?:数)?(?:为)?(?<budget>\d[\d,]*(?:\.\d+)?)万元[，,](?:决算数)?(?:为)?(?<actual>\d[\d,]*(?:\.\d+)?)万元[，,]完成(?:年初|全年)?预算的(?<pct>\d+(?:\.\d+)?)%")]
    private static partial Regex CompletionPattern();

    // 本年收入合计1387.15万元，较2020年减少590.97万元，下降30%  /  决算数为7.11万元，完成预算的89%，决算数较2020年增加5.66万元，增长80%
    [GeneratedRegex(@"(?<current>\d[\d,]*(?:\.\d+)?)万元(?:[，,][^，,。；]{0,20}?%)?[，,](?:决算数)?(?:较|比)[^，,。；\d]{0,12}(?:\d{4}年)?[^，,。；\d]{0,8}(?<dir>增加|减少)(?<delta>\d[\d,]*(?:\.\d+)?)万元[，,](?<pdir>增长|下降)(?<pct>\d+(?:\.\d+)?)%")]
    private static partial Regex ChangePattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();
}
