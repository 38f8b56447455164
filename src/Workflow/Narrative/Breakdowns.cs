using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Approval.Workflow.Narrative;

/// <summary>
/// A whole and the parts a text lists "其中" under it. <see cref="Listed"/>: the parts are numbered paragraphs
/// （一）（二）… that follow "其中：", as a 情况说明 breaks down 基本支出 or 财政拨款支出 — the breakdown the form asks for;
/// otherwise they stand in the same clause ("共 10 人，其中 7 人…，4 人…"), often only some of them.
/// </summary>
public sealed record Breakdown(decimal Total, string Unit, IReadOnlyList<decimal> Parts, IReadOnlyList<string> Labels, string Excerpt, bool Listed)
{
    public decimal Sum => Parts.Sum();
}

public static partial class Breakdowns
{
    /// <summary>"编制人数共 10 人，其中…7 人，…4 人" within one clause (no 。；) of compact text; a change (较上年增加 D) is never a part.</summary>
    public static Breakdown? InClause(string clause)
    {
        var m = ClauseBreakdown().Match(clause);
        if (!m.Success || m.Groups["rest"].Value.Contains("较上年", StringComparison.Ordinal)) return null;
        var unit = m.Groups["u"].Value;
        var rest = m.Groups["rest"].Value;
        // "在职 20 人，其中…15 人，…5 人，退休人员 8 人": the retired (and what comes after 另有/此外) are listed beside the total, not in it.
        if (OtherPopulation().Match(rest) is { Success: true } other && !OtherPopulation().IsMatch(clause[..m.Index])) rest = rest[..other.Index];
        var parts = PartsIn(unit).Matches(rest)
            .Select(p => Parse(p.Groups[1].Value)).ToList();
        return parts.Count < 2 ? null : new Breakdown(Parse(m.Groups["t"].Value), unit, parts, [], clause, false);
    }

    /// <summary>The parts of a breakdown in <paramref name="unit"/> (万元, 人, 个 or 件: <see cref="ClauseBreakdown"/>'s), built once per unit.</summary>
    private static Regex PartsIn(string unit) => PartsByUnit.GetOrAdd(unit, u => new Regex($@"(?<!(?:增加|减少|降低|增长|下降|增减)了?|预算数?为?)(?<![\d.])(\d+(?:\.\d+)?){u}"));

    private static readonly ConcurrentDictionary<string, Regex> PartsByUnit = new();

    /// <summary>"…基本支出 328.25 万元，其中：（一）工资福利支出 294.39 万元…（二）…" in compact text, up to the next section heading.</summary>
    public static IReadOnlyList<Breakdown> Listed(string compact)
    {
        var found = new List<Breakdown>();
        foreach (Match start in ListStart().Matches(compact))
        {
            var before = compact[..start.Index].TrimEnd('。', '，', ',');
            var head = before[(before.LastIndexOfAny(['。', '；', ';']) + 1)..];
            if (TotalOf(head) is not { } total) continue;
            var from = start.Index + start.Length;
            var heading = SectionHeading().Match(compact, from);
            var limit = heading.Success ? heading.Index : compact.Length;
            var parts = new List<decimal>();
            var labels = new List<string>();
            for (var k = 1; k < Numerals.Length; k++)
            {
                var at = compact.IndexOf($"（{Numerals[k - 1]}）", from, StringComparison.Ordinal);
                if (at < 0 || at >= limit || (k == 1 && at != from)) break;
                var next = compact.IndexOf($"（{Numerals[k]}）", at, StringComparison.Ordinal);
                var end = next >= 0 && next < limit ? next : Math.Min(limit, SentenceEnd(compact, at));
                var item = compact[(at + 3)..end];
                if (ItemAmount(item) is not { } amount) { parts.Clear(); break; }
                parts.Add(amount);
                labels.Add(LabelOf(item));
                from = end;
            }
            if (parts.Count >= 2) found.Add(new Breakdown(total, "万元", parts, labels, head, true));
        }
        return found;
    }

    private static readonly string[] Numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五"];

    private static int SentenceEnd(string text, int from)
    {
        var end = text.IndexOf('。', from);
        return end < 0 ? text.Length : end;
    }

    /// <summary>The whole before "其中": its 决算数 where the sentence gives a budget too, else its last amount that is not a change.</summary>
    private static decimal? TotalOf(string head)
    {
        var spent = SpentAmount().Matches(head);
        if (spent.Count > 0) return Parse(spent[^1].Groups["a"].Value);
        var amounts = Amount().Matches(head);
        return amounts.Count > 0 ? Parse(amounts[^1].Groups["a"].Value) : null;
    }

    /// <summary>An item's own figure: the first amount, unless that is its budget ("年初预算数为 8 万元，决算数为 7.11 万元").</summary>
    private static decimal? ItemAmount(string item)
    {
        var first = Amount().Match(item);
        if (!first.Success) return null;
        var lead = item[Math.Max(0, first.Index - 6)..first.Index];
        if (!lead.Contains("预算", StringComparison.Ordinal)) return Parse(first.Groups["a"].Value);
        var spent = SpentAmount().Match(item);
        return spent.Success ? Parse(spent.Groups["a"].Value) : null;
    }

    private static string LabelOf(string item)
    {
        var m = LeadingLabel().Match(item);
        return m.Success ? m.Groups[1].Value : item[..Math.Min(8, item.Length)];
    }

    private static decimal Parse(string s) => decimal.Parse(s, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?<t>\d+(?:\.\d+)?)(?<u>万元|人|个|件)[，,]其中[：:]?(?<rest>.+)$")]
    private static partial Regex ClauseBreakdown();

    [GeneratedRegex(@"离退休|退休|离休|遗属|另有|此外")]
    private static partial Regex OtherPopulation();

    [GeneratedRegex(@"其中[：:]?(?=（一）)")]
    private static partial Regex ListStart();

    [GeneratedRegex(@"(?<=[。；;#*】]|^)[一二三四五六七八九十]{1,2}、")]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"(?<!(?:增加|减少|降低|增长|下降|增减)了?)(?<![\d.])(?<a>\d+(?:\.\d+)?)万元")]
    private static partial Regex Amount();

    [GeneratedRegex(@"决算数?为?(?<a>\d+(?:\.\d+)?)万元")]
    private static partial Regex SpentAmount();

    [GeneratedRegex(@"^([^\d，,：:]{2,24}?)(?:支出)?(?:年初|全年)?(?:预算|决算|\d)")]
    private static partial Regex LeadingLabel();
}
