using Approval.Workflow.Checking;

namespace Approval.Workflow.Narrative;

/// <summary>
/// NT-PARTS-EXCEED / NT-PARTS-SHORT: the parts a 情况说明 lists "其中" under a whole. Parts can never exceed their whole
/// (an error beyond the rounding of the summed figures). Numbered parts （一）（二）… after "其中：" are the breakdown the
/// 情况说明 form asks for, so falling short of the whole is a warning (a part left out, or a wrong whole); parts in the
/// same clause are often only some of them, so less is no finding there.
/// </summary>
public static class NarrativeBreakdownCheck
{
    public static IReadOnlyList<Finding> Check(string narrative, string document, CheckOptions options)
    {
        var findings = new List<Finding>();
        var clauses = QuotedFigures.Sentences(narrative).SelectMany(s => s.Split('；', ';')).Select(Breakdowns.InClause).OfType<Breakdown>();
        foreach (var breakdown in Breakdowns.Listed(QuotedFigures.Compact(narrative)).Concat(clauses))
        {
            var tolerance = breakdown.Unit == "万元" ? options.ToleranceFor(breakdown.Total, breakdown.Parts.Select(p => (decimal?)p)) : 0;
            var difference = breakdown.Sum - breakdown.Total;
            var sum = string.Join(" + ", breakdown.Parts);
            var location = new FindingLocation(document, null, NarrativeTableFigures.Excerpt(breakdown.Excerpt));
            if (difference > tolerance)
                findings.Add(new Finding("NT-PARTS-EXCEED", Severity.Error, location, $"≤ {breakdown.Total}{breakdown.Unit}", $"{sum} = {breakdown.Sum}{breakdown.Unit}", difference,
                    $"「其中」所列各项之和 {breakdown.Sum}{breakdown.Unit} 超过总数 {breakdown.Total}{breakdown.Unit}{Named(breakdown)}"));
            else if (breakdown.Listed && -difference > tolerance)
                findings.Add(new Finding("NT-PARTS-SHORT", Severity.Warning, location, $"{breakdown.Total}{breakdown.Unit}", $"{sum} = {breakdown.Sum}{breakdown.Unit}", difference,
                    $"「其中」逐项列出的各项之和 {breakdown.Sum}{breakdown.Unit} 比总数 {breakdown.Total}{breakdown.Unit} 少 {Money.Exact(-difference)}{Named(breakdown)}：是否漏列了某项，或总数有误"));
        }
        return findings;
    }

    private static string Named(Breakdown breakdown) =>
        breakdown.Labels.Count == 0 ? "" : $"（{string.Join("、", breakdown.Labels.Zip(breakdown.Parts, (l, p) => $"{l} {p}"))}）";
}
