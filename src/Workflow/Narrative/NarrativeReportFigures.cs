using System.Globalization;
using System.Text.RegularExpressions;
using Approval.Workflow.Checking;
using Approval.Workflow.SelfEvaluation;

namespace Approval.Workflow.Narrative;

/// <summary>
/// NT-REPORT-SCORE / NT-REPORT-FUNDS: a project's attached 绩效自评报告 (seed 002: "# “赣服通”上饶分厅 4.0 版绩效自评报告") against
/// the 自评表 of that project in the same report — its 资金使用情况 table (预算金额 443, 实际出资额 321, 执行率 72.5) against the form's
/// 全年预算数, 全年执行数 and their rate, its "项目总体得分为 95" against the form's 总分. A finding per disagreeing figure.
/// The report runs from its title to the next report's title or the next 第…部分.
/// </summary>
public static partial class NarrativeReportFigures
{
    public static IReadOnlyList<Finding> Check(string narrative, IReadOnlyList<ProjectSelfEvaluationForm> forms, string document)
    {
        var findings = new List<Finding>();
        if (forms.Count == 0) return findings;
        var lines = narrative.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (ReportTitle().Match(Plain(lines[i])) is not { Success: true } title) continue;
            var name = NarrativeProjectFigures.Bare(title.Groups["name"].Value);
            var matching = forms.Where(f => NarrativeProjectFigures.SameProject(name, NarrativeProjectFigures.Bare(f.Header.ProjectName))).ToList();
            var end = Array.FindIndex(lines, i + 1, l => ReportTitle().IsMatch(Plain(l)) || PartHeading().IsMatch(Plain(l)));
            var section = lines[(i + 1)..(end < 0 ? lines.Length : end)];
            if (matching.Count == 1) CheckReport(Plain(lines[i]), section, matching[0], document, findings);
            if (end > i) i = end - 1;
        }
        return findings;
    }

    private static void CheckReport(string title, string[] section, ProjectSelfEvaluationForm form, string document, List<Finding> findings)
    {
        var location = new FindingLocation(document, null, NarrativeTableFigures.Excerpt(title));
        var formName = form.Header.ProjectName;
        var total = form.Funds.Total;
        if (FundsRow(section) is var (budget, executed, rate))
        {
            Compare("预算金额", budget, total.FullYearBudget, "全年预算数");
            Compare("实际支出", executed, total.Executed, "全年执行数");
            if (rate is { } r && total is { FullYearBudget: > 0 and var b, Executed: { } e })
                Compare("预算执行率", r, Money.Round2(e / b * 100), "执行率", "%");
        }
        foreach (Match m in TotalScore().Matches(QuotedFigures.Compact(string.Join('\n', section))))
            if (form.StatedTotal is { } stated)
            {
                var printed = m.Groups["s"].Value;
                if (Math.Round(stated, Decimals(printed), MidpointRounding.AwayFromZero) == Parse(printed)) continue;
                findings.Add(new Finding("NT-REPORT-SCORE", Severity.Error, location, Money.Exact(stated), printed, Parse(printed) - stated,
                    $"绩效自评报告中项目总体得分为 {printed} 分，其项目支出绩效自评表「{formName}」总分为 {Money.Exact(stated)} 分"));
            }

        void Compare(string what, string printed, decimal? formValue, string formWhat, string unit = " 万元")
        {
            if (formValue is not { } value) return;
            var figure = Parse(printed);
            if (Math.Abs(figure - value) <= 0.5m * (decimal)Math.Pow(10, -Decimals(printed)) + 0.005m) return;
            findings.Add(new Finding("NT-REPORT-FUNDS", Severity.Error, location, Money.Format(value), printed, figure - value,
                $"绩效自评报告中{what} {printed}{unit}，其项目支出绩效自评表「{formName}」{formWhat}为 {Money.Format(value)}{unit}"));
        }
    }

    /// <summary>The 资金使用情况 table's row: the header names 预算, 实际/执行/支出 and 执行率 columns; the row under it gives the figures.</summary>
    private static (string Budget, string Executed, string? Rate)? FundsRow(string[] section)
    {
        for (var i = 0; i + 1 < section.Length; i++)
        {
            var header = section[i].Split('\t').Select(QuotedFigures.Compact).ToArray();
            var budget = Array.FindIndex(header, h => h.Contains("预算", StringComparison.Ordinal) && !h.Contains("执行率", StringComparison.Ordinal));
            var executed = Array.FindIndex(header, h => h.Contains("实际", StringComparison.Ordinal) || h.Contains("执行数", StringComparison.Ordinal) || h.Contains("支出数", StringComparison.Ordinal));
            var rate = Array.FindIndex(header, h => h.Contains("执行率", StringComparison.Ordinal));
            if (budget < 0 || executed < 0) continue;
            var row = section.Skip(i + 1).FirstOrDefault(l => l.Trim().Length > 0)?.Split('\t').Select(c => Money.Clean(c).Trim().TrimEnd('%')).ToArray();
            if (row is null || row.Length <= Math.Max(budget, executed) || !Figure().IsMatch(row[budget]) || !Figure().IsMatch(row[executed])) continue;
            return (row[budget], row[executed], rate >= 0 && rate < row.Length && Figure().IsMatch(row[rate]) ? row[rate] : null);
        }
        return null;
    }

    private static string Plain(string line) => Markup().Replace(line, "").Trim();

    private static int Decimals(string printed) => printed.Contains('.') ? printed.Length - printed.IndexOf('.') - 1 : 0;

    private static decimal Parse(string s) => decimal.Parse(s, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<name>.{2,40}?)(?:项目)?(?:支出)?绩效(?:自评|评价)报告$")]
    private static partial Regex ReportTitle();

    [GeneratedRegex(@"^第[一二三四五六七八九十]+部分")]
    private static partial Regex PartHeading();

    [GeneratedRegex(@"(?:总体|综合)得分(?:为|是)?(?<s>\d{1,3}(?:\.\d+)?)(?!\d)")]
    private static partial Regex TotalScore();

    [GeneratedRegex(@"^\d+(?:\.\d+)?$")]
    private static partial Regex Figure();

    [GeneratedRegex(@"^#+|\*\*|</?b>")]
    private static partial Regex Markup();
}
