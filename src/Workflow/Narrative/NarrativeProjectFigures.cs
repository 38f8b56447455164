using System.Globalization;
using System.Text.RegularExpressions;
using Approval.Workflow.Checking;
using Approval.Workflow.SelfEvaluation;

namespace Approval.Workflow.Narrative;

/// <summary>
/// NT-PROJECT-SCORE / NT-PROJECT-FUNDS: "赣服通自评得分为95分。项目全年预算数为428万元，执行数为321万元，完成预算的75%" against
/// the 项目支出绩效自评表 of that project in the same report. The text names a project shorter than its form does
/// ("赣服通" for "“赣服通”上饶分厅4.0版项目"): a form matches when one name contains the other, or they share 4 characters
/// in a row, and only one form matches.
/// </summary>
public static partial class NarrativeProjectFigures
{
    public static IReadOnlyList<Finding> Check(string narrative, IReadOnlyList<ProjectSelfEvaluationForm> forms, string document)
    {
        var findings = new List<Finding>();
        if (forms.Count == 0) return findings;
        var text = QuotedFigures.Compact(narrative);
        foreach (Match m in ScoreStatement().Matches(text))
        {
            var name = Bare(m.Groups["name"].Value);
            var matching = forms.Where(f => SameProject(name, Bare(f.Header.ProjectName))).ToList();
            if (matching.Count != 1) continue;
            var form = matching[0];
            var title = form.Header.ProjectName;
            var location = new FindingLocation(document, null, NarrativeTableFigures.Excerpt(m.Value));
            var quoted = Parse(m.Groups["s"].Value);
            if (form.StatedTotal is { } total && Math.Round(total, Decimals(m.Groups["s"].Value), MidpointRounding.AwayFromZero) != quoted)
            {
                var printed = (form.Funds.StatedScore ?? 0) + form.Indicators.Sum(i => i.StatedScore ?? 0);
                findings.Add(new Finding("NT-PROJECT-SCORE", Severity.Error, location, Money.Exact(total), Money.Exact(quoted), quoted - total,
                    $"情况说明中「{name}」自评得分为 {quoted} 分，其项目支出绩效自评表「{title}」总分为 {total} 分（各项得分之和 {printed}）"));
            }
            Funds("全年预算数", m.Groups["b"].Value, form.Funds.Total.FullYearBudget, title, location, findings);
            Funds("全年执行数", m.Groups["e"].Value, form.Funds.Total.Executed, title, location, findings);
            if (m.Groups["p"].Success && form.Funds.Total is { FullYearBudget: > 0 and var budget, Executed: { } executed })
            {
                var rate = executed / budget * 100;
                var stated = Parse(m.Groups["p"].Value);
                if (Math.Abs(stated - rate) > HalfUnit(m.Groups["p"].Value))
                    findings.Add(new Finding("NT-PROJECT-FUNDS", Severity.Error, location, Money.Format(rate) + "%", m.Groups["p"].Value + "%", stated - rate,
                        $"情况说明中「{name}」完成预算的 {m.Groups["p"].Value}%，其自评表 {Money.Exact(executed)} ÷ {Money.Exact(budget)} = {Money.Format(rate)}%"));
            }
        }
        return findings;
    }

    private static void Funds(string what, string printed, decimal? form, string title, FindingLocation location, List<Finding> findings)
    {
        if (printed.Length == 0 || form is not { } value) return;
        var stated = Parse(printed);
        if (Math.Abs(stated - value) <= HalfUnit(printed) + 0.005m) return;
        findings.Add(new Finding("NT-PROJECT-FUNDS", Severity.Error, location, Money.Format(value), Money.Format(stated), stated - value,
            $"情况说明中{what} {printed} 万元，项目支出绩效自评表「{title}」为 {Money.Format(value)} 万元"));
    }

    internal static bool SameProject(string a, string b)
    {
        if (a.Length < 2 || b.Length < 2) return false;
        if (a.Contains(b, StringComparison.Ordinal) || b.Contains(a, StringComparison.Ordinal)) return true;
        for (var i = 0; i + 4 <= a.Length; i++)
            if (b.Contains(a.Substring(i, 4), StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>A project's name without quotes and the words around it ("项目", "绩效").</summary>
    internal static string Bare(string name) => Decorations().Replace(QuotedFigures.Compact(name), "");

    private static int Decimals(string printed) => printed.Contains('.') ? printed.Length - printed.IndexOf('.') - 1 : 0;

    private static decimal HalfUnit(string printed) => 0.5m * (decimal)Math.Pow(10, -Decimals(printed));

    private static decimal Parse(string s) => decimal.Parse(s, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?<name>[^。；;，,：:、]{2,40}?)(?:项目)?(?:支出)?(?:绩效)?自评得分为?(?<s>\d{1,3}(?:\.\d+)?)分[。，,；;]?(?:项目)?(?:全年)?预算数?为?(?<b>\d+(?:\.\d+)?)万元[，,]执行数为?(?<e>\d+(?:\.\d+)?)万元(?:[，,]完成预算的(?<p>\d+(?:\.\d+)?)%)?")]
    private static partial Regex ScoreStatement();

    [GeneratedRegex(@"[“”""‘’《》]|项目$|绩效$|^\d+[.、]")]
    private static partial Regex Decorations();
}
