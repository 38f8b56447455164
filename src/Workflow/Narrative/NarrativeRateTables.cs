using Approval.Workflow.Checking;

namespace Approval.Workflow.Narrative;

/// <summary>A small table inside a 评价报告 read by its header words: what it checked and which lines it took.</summary>
public sealed record RateTableReading(IReadOnlyList<Finding> Findings, IReadOnlySet<int> Lines, int Rows);

/// <summary>
/// The budget-and-spending table an evaluation report prints (seed 002: 项目 | 预算金额（万） | 实际出资额（万） | 预算执行率（%）):
/// columns found by their header words — 预算 for the budget, 实际/执行数/支出/出资 for what was spent, 执行率 for the
/// rate — wherever they stand, and each row's rate recomputed as spent ÷ budget (NR-TABLE-RATE).
/// </summary>
public static partial class NarrativeChecker
{
    public static RateTableReading CheckRateTables(string narrative, string document)
    {
        var lines = (narrative ?? "").Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var findings = new List<Finding>();
        var taken = new HashSet<int>();
        var rows = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var header = UnreadTables.SplitCells(lines[i]).Select(c => WhitespacePattern().Replace(c, "")).ToArray();
            if (header.Length < 3) continue;
            var rate = Array.FindIndex(header, c => c.Contains("执行率", StringComparison.Ordinal));
            var budget = Array.FindIndex(header, c => c.Contains("预算", StringComparison.Ordinal) && !c.Contains("执行率", StringComparison.Ordinal));
            var spent = Array.FindIndex(header, c => !c.Contains("执行率", StringComparison.Ordinal) && !c.Contains("预算", StringComparison.Ordinal)
                && (c.Contains("实际", StringComparison.Ordinal) || c.Contains("执行数", StringComparison.Ordinal) || c.Contains("支出", StringComparison.Ordinal) || c.Contains("出资", StringComparison.Ordinal)));
            if (rate < 0 || budget < 0 || spent < 0) continue;
            taken.Add(i + 1);
            for (var j = i + 1; j < lines.Length; j++)
            {
                var cells = UnreadTables.SplitCells(lines[j]);
                if (cells.Length == 0) break;
                // Cells stand under their headers from the left; a trailing 备注 left empty is simply absent.
                string At(int column) => column < cells.Length ? cells[column].TrimEnd('%', '％') : "";
                if (!Money.IsNumber(At(budget)) || !Money.IsNumber(At(spent)) || !Money.IsNumber(At(rate))) break;
                var b = Amount(At(budget));
                var s = Amount(At(spent));
                var statedRate = At(rate).Replace(",", "");
                taken.Add(j + 1);
                rows++;
                if (b <= 0) continue;
                var (low, high) = Range(s, b, (x, y) => x / y * 100);
                Judge("NR-TABLE-RATE", statedRate, s / b * 100, low, high, $"{header[spent]} {At(spent)} ÷ {header[budget]} {At(budget)}",
                    string.Join(" ", cells), document, findings);
            }
        }
        return new RateTableReading(findings, taken, rows);
    }
}
