using System.Text.RegularExpressions;
using Approval.Workflow.Checking;
using Approval.Workflow.Disclosure;

namespace Approval.Workflow.Narrative;

/// <summary>
/// NT-FIGURE-TABLE: the figures a 部门决算公开 package's 情况说明 states (年初结转和结余, 收入/支出合计, 基本/项目支出, 三公经费,
/// 机关运行经费, the 基本支出 classes …) against its own 公开表. Within the 基本支出 section the classes are 公开06's very scope,
/// so a difference there is an error; elsewhere, and 机关运行经费 against 06's 公用经费, a warning.
/// </summary>
public static partial class NarrativeTableFigures
{
    public static readonly IReadOnlyList<(string Label, string Pattern)> Labels =
    [
        ("年初结转和结余", "年初结转和结余"),
        ("年末结转和结余", "年末结转和结余"),
        ("收入总计", "收入总计"),
        ("支出总计", "支出总计"),
        ("本年收入合计", "本年收入合计"),
        ("本年支出合计", "本年支出合计"),
        ("财政拨款支出", "(?<!一般公共预算)财政拨款(?:本年)?支出"),
        ("一般公共预算财政拨款基本支出", "一般公共预算财政拨款基本支出"),
        ("基本支出", "(?<!项目|财政拨款)基本支出"),
        ("项目支出", "项目支出(?!绩效)"),
        ("工资福利支出", "工资福利支出"),
        ("商品和服务支出", "商品和?服务支出"),
        ("对个人和家庭的补助", "对个人和家庭的?补助(?:支出)?"),
        ("资本性支出", "资本性支出"),
        ("机关运行经费", "机关运行经费(?:支出)?"),
        ("三公经费", "[“\"]三公[”\"]经费(?:支出)?"),
        ("因公出国（境）费", "因公出国[（(]境[）)](?:费|支出)+"),
        ("公务接待费", "公务接待费(?:支出)?"),
        ("公务用车购置及运行维护费", "公务用车购置及运行维护费(?:支出)?"),
    ];

    public static IReadOnlyList<Finding> Check(string narrative, IReadOnlyList<DisclosureTable> tables, string document, CheckOptions options)
    {
        var findings = new List<Finding>();
        if (tables.Count == 0) return findings;
        var basicScope = false;
        foreach (var sentence in QuotedFigures.Sentences(narrative))
        {
            var headings = SectionHeading().Matches(sentence);
            if (headings.Count > 0) basicScope = headings[^1].Value.Contains("基本支出", StringComparison.Ordinal);
            foreach (var figure in QuotedFigures.Find(sentence, Labels))
            {
                if (TableFigures.Resolve(figure.Label, tables, basicScope) is not { } source) continue;
                // Only 行政单位 and 参公事业单位 have 机关运行经费; a unit that says it is neither has 公用经费 all the same (seed 004).
                if (figure.Label == "机关运行经费" && !source.Strict && NotAnAdministration().IsMatch(figure.Sentence)) continue;
                // A figure printed with d decimals stands for anything within half a unit of its last digit; the table's own within 0.005.
                var tolerance = 0.5m * (decimal)Math.Pow(10, -figure.Decimals) + options.RoundingPerFigure;
                var difference = figure.Amount - source.Value;
                if (Math.Abs(difference) <= tolerance) continue;
                findings.Add(new Finding("NT-FIGURE-TABLE", source.Strict ? Severity.Error : Severity.Warning,
                    new FindingLocation(document, null, Excerpt(figure.Sentence)), Money.Format(source.Value), Money.Format(figure.Amount), difference,
                    $"情况说明中{figure.Label} {figure.Amount} 万元，{source.Where}为 {Money.Format(source.Value)} 万元，相差 {Money.Exact(difference)}" +
                    (source.Strict ? "" : "（口径可能不同，请核实）")));
            }
        }
        return findings;
    }

    /// <summary>The start of a sentence as a finding's location, without the Markdown a heading pasted into it carries ("####**四、…**").</summary>
    internal static string Excerpt(string sentence)
    {
        var plain = Markup().Replace(sentence, "");
        return plain.Length <= 40 ? plain : plain[..40] + "…";
    }

    [GeneratedRegex(@"#{1,6}|\*\*|__|</?b>")]
    private static partial Regex Markup();

    [GeneratedRegex("不是行政单位|非行政单位|不属于行政单位|无机关运行经费")]
    private static partial Regex NotAnAdministration();

    [GeneratedRegex(@"[一二三四五六七八九十]{1,2}、[^，。；]{0,30}?情况说明")]
    private static partial Regex SectionHeading();
}
