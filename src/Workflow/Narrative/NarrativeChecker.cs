using System.Globalization;
using System.Text.RegularExpressions;
using Approval.Workflow.Checking;

namespace Approval.Workflow.Narrative;

/// <summary>
/// Best-effort checks of percentages stated in the 情况说明 where the figures stand in the same sentence:
/// "完成（年初）预算的 X%" = 决算 ÷ 预算, "较上年增加/减少 D 万元，增长/下降 Y%" with last year's figure as the base
/// (or, when D and Y are exactly another line's, that they belong to it), and "占 X%" shares (NarrativeShares).
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

        CheckChanges(text, document, findings);
        CheckShares(text, document, findings);
        return Once(findings);
    }

    private static readonly string[] GrowthWords = ["增加", "增长", "上升", "增幅"];

    private static void CheckChanges(string text, string document, List<Finding> findings)
    {
        var changes = ChangePattern().Matches(text).Select(m => new Change(m, Snippet(text, m))).ToList();
        foreach (var change in changes)
        {
            var m = change.Match;
            var location = new FindingLocation(document, null, change.Snippet);
            if (change.Increased != change.SaysGrowth)
            {
                findings.Add(new Finding("NR-DIRECTION", Severity.Error, location, change.Increased ? "增长" : "下降", m.Groups["pdir"].Value, null,
                    $"金额{m.Groups["dir"].Value}却写「{m.Groups["pdir"].Value}」：{change.Snippet}"));
                continue;
            }
            if (!change.Increased && change.Percent > 100)
            {
                findings.Add(new Finding("NR-DECREASE-OVER-100", Severity.Error, location, "≤ 100%", change.PercentText + "%", change.Percent - 100,
                    $"下降幅度不可能超过 100%：{change.Snippet}"));
                continue;
            }
            if (change.LastYear <= 0 || change.Holds()) continue; // grew from nothing: there is no base to take a percentage of
            // The same 增减额 and 幅度 stand, and hold, in another line's sentence: they were copied from it.
            if (changes.FirstOrDefault(c => c.Delta == change.Delta && c.Delta > 0 && c.PercentText == change.PercentText && c.Current != change.Current &&
                                            c.Increased == change.Increased && c.Holds()) is { } owner)
            {
                findings.Add(new Finding("NR-CHANGE-OTHER-LINE", Severity.Error, location, null, $"{m.Groups["dir"].Value}{m.Groups["delta"].Value}万元，{m.Groups["pdir"].Value}{change.PercentText}%", null,
                    $"「{m.Groups["dir"].Value} {m.Groups["delta"].Value} 万元，{m.Groups["pdir"].Value} {change.PercentText}%」是{owner.Subject}（{owner.Match.Groups["current"].Value} 万元）的变动，" +
                    $"不是{change.Subject}（{m.Groups["current"].Value} 万元）的：请核实{change.Subject}较上年的增减额和幅度：{change.Snippet}"));
                continue;
            }
            var nominal = change.Delta / change.LastYear * 100;
            Judge("NR-CHANGE", change.PercentText, nominal, change.Low, change.High,
                $"{m.Groups["dir"].Value} {m.Groups["delta"].Value} ÷ 上年 {Money.Format(change.LastYear)}", change.Snippet, document, findings);
        }
    }

    /// <summary>One "X 万元，较上年增加/减少 D 万元，增长/下降 P%" and what its figures imply.</summary>
    private sealed class Change(Match match, string snippet)
    {
        public Match Match => match;
        public string Snippet => snippet;
        public decimal Current { get; } = Amount(match.Groups["current"].Value);
        public decimal Delta { get; } = Amount(match.Groups["delta"].Value);
        public bool Increased { get; } = GrowthWords.Contains(match.Groups["dir"].Value);
        public bool SaysGrowth { get; } = GrowthWords.Any(w => match.Groups["pdir"].Value.StartsWith(w, StringComparison.Ordinal));
        public string PercentText => match.Groups["pct"].Value;
        public decimal Percent => decimal.Parse(PercentText, CultureInfo.InvariantCulture);
        public decimal LastYear => Increased ? Current - Delta : Current + Delta;

        /// <summary>The line the sentence is about: the words before its figure ("其中本年支出合计" → "本年支出合计").</summary>
        public string Subject => SubjectPrefix().Replace(snippet[..Math.Max(0, snippet.IndexOf(match.Groups["current"].Value, StringComparison.Ordinal))], "")
            .TrimEnd('为') is { Length: > 0 } s ? s : "该项";

        public decimal Low => Bounds.Low;
        public decimal High => Bounds.High;

        private (decimal Low, decimal High) Bounds => Increased
            ? Range(Current, Delta, (c, d) => d / (c - d) * 100)
            : Range(Current, Delta, (c, d) => d / (c + d) * 100);

        public bool Holds() => Within(PercentText, Low, High);
    }

    /// <summary>A 情况说明 often repeats a sentence word for word (in its overview and again in its section): one finding, saying so.</summary>
    private static List<Finding> Once(List<Finding> findings) =>
        findings.GroupBy(f => (f.Rule, f.Location, f.Expected, f.Actual))
            .Select(g => g.Count() == 1 ? g.First() : g.First() with { Message = $"{g.First().Message}（此句在文中出现 {g.Count()} 次）" })
            .ToList();

    /// <summary>Whether a printed percentage lies within half a unit of its last digit of [low, high].</summary>
    private static bool Within(string stated, decimal low, decimal high)
    {
        var value = decimal.Parse(stated, CultureInfo.InvariantCulture);
        var half = 0.5m * (decimal)Math.Pow(10, -DecimalsOf(stated));
        return value >= low - half && value <= high + half;
    }

    private static int DecimalsOf(string stated) => stated.Contains('.') ? stated.Length - stated.IndexOf('.') - 1 : 0;

    private static void Judge(string rule, string stated, decimal nominal, decimal low, decimal high, string how, string snippet, string document, List<Finding> findings)
    {
        if (Within(stated, low, high)) return;
        var value = decimal.Parse(stated, CultureInfo.InvariantCulture);
        var decimals = DecimalsOf(stated);
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

    // 年初预算数为388.03万元，决算数为328.25万元，完成年初预算的85%  /  …完成年初预算100%
    [GeneratedRegex(@"预算(?:数)?(?:为)?(?<budget>\d[\d,]*(?:\.\d+)?)万元[，,](?:决算数)?(?:为)?(?<actual>\d[\d,]*(?:\.\d+)?)万元[，,]完成(?:年初|全年)?预算(?:数)?的?(?<pct>\d+(?:\.\d+)?)%")]
    private static partial Regex CompletionPattern();

    // 本年收入合计1387.15万元，较2020年减少590.97万元，下降30%  /  决算数为7.11万元，完成预算的89%，决算数较2020年增加5.66万元，增长80%
    // 26.03万元（与…一致），较上年决算数减少64.53万元，降低247.90%  /  …减少10万元，降幅为20%
    // 与上年相比减少10万元，降低20%  /  同比上年度增加5万元，增加25%
    [GeneratedRegex(@"(?<current>\d[\d,]*(?:\.\d+)?)万元(?:（[^（）]{0,80}）)?(?:[，,][^，,。；]{0,20}?%)?[，,](?:决算数)?(?:与|同)?[^，,。；\d]{0,6}?(?:较|比)[^，,。；\d]{0,12}(?:\d{4}年)?[^，,。；\d]{0,8}(?<dir>增加|减少|增长|下降|降低|上升)(?<delta>\d[\d,]*(?:\.\d+)?)万元[，,](?<pdir>增长|下降|降低|减少|增加|上升|增幅为?|降幅为?)(?<pct>\d+(?:\.\d+)?)%")]
    private static partial Regex ChangePattern();

    [GeneratedRegex(@"^(其中[：:]?|本部门|本单位|\d{4}年度?|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、)+")]
    private static partial Regex SubjectPrefix();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();
}
