using System.Text.RegularExpressions;
using Approval.Workflow.Checking;
using Approval.Workflow.Disclosure;

namespace Approval.Workflow.Narrative;

/// <summary>
/// NT-VEHICLES: the vehicles the 情况说明 counts against its own tables — "共有车辆 N 辆" against 公开10's 车辆数合计, "购置公务用车 N 辆"
/// and "公务用车保有（量）N 辆" against the 三公 table's 公务用车购置数 and 公务用车保有量 (决算数). Counts are exact: any difference is an error.
/// </summary>
public static partial class NarrativeVehicleCounts
{
    public static IReadOnlyList<Finding> Check(string narrative, IReadOnlyList<DisclosureTable> tables, string document)
    {
        var findings = new List<Finding>();
        var assets = tables.FirstOrDefault(t => t.Kind == DisclosureTableKind.StateAssets);
        var threePublic = tables.FirstOrDefault(t => t.Kind == DisclosureTableKind.ThreePublicExpenses);
        foreach (var sentence in QuotedFigures.Sentences(narrative))
        {
            Compare(sentence, TotalVehicles(), assets, "车辆数合计", "车辆数合计");
            Compare(sentence, Purchased(), threePublic, "公务用车购置数", "公务用车购置数");
            Compare(sentence, Held(), threePublic, "公务用车保有量", "公务用车保有量");
        }
        return findings;

        void Compare(string sentence, Regex pattern, DisclosureTable? table, string rowName, string what)
        {
            if (table is null || pattern.Match(sentence) is not { Success: true } m) return;
            var row = table.Rows.FirstOrDefault(r => QuotedFigures.Compact(r.Name).Contains(rowName, StringComparison.Ordinal));
            var column = table.Columns.ToList().IndexOf("决算数");
            if (row?.Value(column < 0 ? row.Values.Count - 1 : column) is not { } printed) return;
            var stated = decimal.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (stated == printed) return;
            findings.Add(new Finding("NT-VEHICLES", Severity.Error, new FindingLocation(document, null, NarrativeTableFigures.Excerpt(sentence)),
                Money.Exact(printed), Money.Exact(stated), stated - printed,
                $"情况说明中{what}为 {stated} 辆，{table.DisplayName}「{row.Name}」为 {Money.Exact(printed)}"));
        }
    }

    [GeneratedRegex(@"共有车辆(?<n>\d+)辆")]
    private static partial Regex TotalVehicles();

    [GeneratedRegex(@"购置公务用车(?<n>\d+)辆")]
    private static partial Regex Purchased();

    [GeneratedRegex(@"公务用车保有(?:量)?(?:为)?(?<n>\d+)辆")]
    private static partial Regex Held();
}
