using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Approval.Workflow.Narrative;

/// <summary>An amount in 万元 the report states for a label ("工资福利支出 149.72 万元"), as printed, with its sentence.</summary>
public sealed record QuotedFigure(string Label, decimal Amount, int Decimals, string Sentence);

/// <summary>
/// The 决算 figures a 部门整体 report quotes. A figure counts only when the amount follows its label directly or
/// after "预算为 X 万元，决算数为": "工资福利支出预算为 183.36 万元" is a budget, not the 决算.
/// </summary>
public static partial class QuotedFigures
{
    /// <summary>The labels looked for, each with its printed variants.</summary>
    public static readonly IReadOnlyList<(string Label, string Pattern)> Labels =
    [
        ("决算收入", "决算(?:数)?收入|收入决算数?"),
        ("决算支出", "决算(?:数)?支出|支出决算数?"),
        ("财政拨款支出", "财政拨款支出"),
        ("工资福利支出", "工资福利支出"),
        ("商品和服务支出", "商品和?服务支出"),
        ("公用经费", "日常公用支出|日常公用经费|公用经费"),
        ("人员经费", "人员经费"),
        ("基本支出", "(?<!项目)基本支出"),
        ("项目支出", "项目支出(?!绩效)"),
    ];

    public static IReadOnlyList<QuotedFigure> Find(string text) => Find(text, Labels);

    /// <summary>The figures of <paramref name="labels"/> (label, pattern of its printed variants) in <paramref name="text"/>, sentence by sentence.</summary>
    public static IReadOnlyList<QuotedFigure> Find(string text, IReadOnlyList<(string Label, string Pattern)> labels)
    {
        var found = new List<QuotedFigure>();
        foreach (var sentence in Sentences(text))
        {
            foreach (var (label, pattern) in labels)
            {
                var (direct, afterBudget) = ExpressionsFor(pattern);
                foreach (var m in afterBudget.Matches(sentence).Concat(direct.Matches(sentence)))
                    Add(found, label, m.Groups["a"].Value, sentence);
            }
            // "年底决算收入为 241.44 万元，支出为 241.44 万元": the 支出 shares the 决算 of the clause before.
            foreach (Match m in IncomeThenExpense().Matches(sentence))
                Add(found, "决算支出", m.Groups["a"].Value, sentence);
        }
        return found;
    }

    /// <summary>
    /// The two expressions of a label's printed variants, built once per pattern (the patterns are the code's own lists):
    /// building them for every sentence and label was two thirds of importing and checking seed 002 (back to back here:
    /// 280–380 ms before, 90–140 ms after).
    /// </summary>
    private static readonly ConcurrentDictionary<string, (Regex Direct, Regex AfterBudget)> ExpressionsByPattern = new();

    private static (Regex Direct, Regex AfterBudget) ExpressionsFor(string pattern) => ExpressionsByPattern.GetOrAdd(pattern, p => (
        new Regex($@"(?:{p})(?:决算数?)?(?:为|是|共|共计|合计|：|:)?(?<a>\d+(?:\.\d+)?)万元"),
        new Regex($@"(?:{p})(?:年初|全年)?预算数?为?\d+(?:\.\d+)?万元[，,](?:较上年[^，,。]*[，,])?决算数?为?(?<a>\d+(?:\.\d+)?)万元")));

    private static void Add(List<QuotedFigure> found, string label, string amount, string sentence)
    {
        var value = decimal.Parse(amount, CultureInfo.InvariantCulture);
        if (found.Any(f => f.Label == label && f.Amount == value && f.Sentence == sentence)) return;
        var point = amount.IndexOf('.');
        found.Add(new QuotedFigure(label, value, point < 0 ? 0 : amount.Length - point - 1, sentence));
    }

    /// <summary>The sentences of <paramref name="text"/>, whitespace removed (a PDF's line breaks fall anywhere).</summary>
    public static IReadOnlyList<string> Sentences(string text) => SentenceBreak().Split(Compact(text));

    public static string Compact(string text) => Whitespace().Replace(text, "");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("[。；;]")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"决算(?:数)?收入(?:为|是)?\d+(?:\.\d+)?万元[，,、]支出(?:为|是)?(?<a>\d+(?:\.\d+)?)万元")]
    private static partial Regex IncomeThenExpense();
}
