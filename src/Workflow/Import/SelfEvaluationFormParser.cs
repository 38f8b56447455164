using System.Globalization;
using System.Text.RegularExpressions;
using Approval.Workflow.Checking;
using Approval.Workflow.SelfEvaluation;
using Approval.Workflow.Templates;

namespace Approval.Workflow.Import;

/// <summary>Reads a 项目支出绩效自评表 laid out as tab-separated lines (seeds 002 and 004), however its cells drift.</summary>
internal static partial class SelfEvaluationFormParser
{
    /// <summary>Columns an indicator header must have, by any of their names (<see cref="FormColumns"/>).</summary>
    private static readonly string[] RequiredIndicatorColumns = [FormColumns.Weight, FormColumns.Score, FormColumns.Target];

    public static ProjectSelfEvaluationForm? Parse(IReadOnlyList<(int Line, string Text)> region, List<ImportIssue> issues, IReadOnlySet<int>? spaced = null)
    {
        spaced ??= new HashSet<int>();
        var unreadRows = new List<int>();
        var firstLine = region.Count > 0 ? region[0].Line : 0;
        int? year = region.Select(l => YearPattern().Match(l.Text)).FirstOrDefault(m => m.Success) is { } y ? int.Parse(y.Groups[1].Value, CultureInfo.InvariantCulture) : null;
        // A row is a line with a tab, or an empty funds row (上年结转资金) left as its label alone (spaces, pipes or a pasted row keep no tab).
        var lines = region.Where(l => l.Text.Contains('\t') || FundsLabel([Cells.Compact(l.Text)]) is not null)
            .Select(l => (l.Line, Cells: Cells.Split(l.Text))).ToList();

        string projectName = "", department = "", unit = "";
        FundsLine? total = null;
        var subRows = new List<FundsLine>();
        decimal fundsWeight = 10;
        decimal? statedRate = null, statedFundsScore = null, statedWeightTotal = null, statedTotal = null;
        string? statedRateText = null, statedGrade = null;
        var goal = new OverallGoal("", "");
        var indicators = new List<IndicatorRow>();
        var printedWeights = new Dictionary<string, decimal>();
        var inIndicators = false;
        var headerChecked = false;
        Dictionary<string, int>? columns = null;
        string? columnsRead = null;
        var textColumns = 3; // 三级指标 … before 分值 in the seeds' header: 三级指标, 年度指标值, 实际完成值
        List<string> fundsOrder = [.. FormColumns.StandardFunds];
        string levelOne = "", levelTwo = "";

        for (var k = 0; k < lines.Count; k++)
        {
            var (line, cells) = lines[k];
            var compact = cells.Select(Cells.Compact).ToArray();
            var first = Array.FindIndex(compact, c => c.Length > 0);
            if (first < 0) continue;
            var label = compact[first];

            if (label == "项目名称" || compact.Contains("项目名称"))
            {
                projectName = After(cells, compact, "项目名称") ?? projectName;
                if (compact.Contains("主管部门")) department = After(cells, compact, "主管部门") ?? department;
                if (compact.Contains("实施单位")) unit = After(cells, compact, "实施单位") ?? unit;
                continue;
            }
            if (label is "部门名称" or "部门（单位）名称" or "单位名称")
            {
                // 部门整体支出绩效自评表: the 部门 stands where a project's name does.
                projectName = After(cells, compact, label) ?? projectName;
                continue;
            }
            if (label == "主管部门")
            {
                department = After(cells, compact, "主管部门") ?? "";
                unit = After(cells, compact, "实施单位") ?? unit;
                continue;
            }
            if (!compact.Any(c => c.StartsWith("一级指标", StringComparison.Ordinal)) && FundsLabel(compact) is null && FormColumns.OfFunds(compact) is { } fundsHeader)
            {
                fundsOrder = fundsHeader; // the header's own order: 年初预算数 may be missing, 执行率 may stand before 分值
                var header = compact.FirstOrDefault(c => c.StartsWith("项目资金", StringComparison.Ordinal) || c.StartsWith("年度预算", StringComparison.Ordinal));
                if (header is not null && WeightInLabel().Match(header) is { Success: true } w) fundsWeight = decimal.Parse(w.Groups[1].Value, CultureInfo.InvariantCulture);
                continue;
            }
            if (FundsLabel(compact) is { } fundsIndex)
            {
                var name = compact[fundsIndex].TrimEnd(':', '：');
                var present = cells.Skip(fundsIndex + 1).Count(c => c.Length > 0);
                if (spaced.Contains(line) && present > 0 && present < fundsOrder.Count)
                {
                    // Runs of spaces left no trace of the empty cell: which figure is which cannot be told.
                    if (name.Contains("资金总额"))
                    {
                        issues.Add(new ImportIssue(line, $"第 {line} 行：以空格分列的「{name}」只有 {present} 个数，少于表头的 {fundsOrder.Count} 列，无法确定各数属于哪一列（请用制表符或竖线分列，空单元格留空位）", Fatal: true));
                        return null;
                    }
                    unreadRows.Add(line);
                    continue;
                }
                var values = Cells.Figures(cells.Select(c => c.Replace("%", "")).ToArray(), fundsIndex + 1, fundsOrder.Count, line, issues);
                decimal? Value(string key) => fundsOrder.IndexOf(key) is var at and >= 0 ? values[at] : null;
                var fundsLine = new FundsLine(name, Value(FormColumns.PlannedBudget), Value(FormColumns.Budget), Value(FormColumns.Executed));
                if (name.Contains("年度资金总额") || name.Contains("资金总额"))
                {
                    total = fundsLine;
                    if (Value(FormColumns.Weight) is { } weight) fundsWeight = weight;
                    statedRate = Value(FormColumns.Rate);
                    var rateAt = fundsOrder.IndexOf(FormColumns.Rate);
                    statedRateText = rateAt < 0 ? null : cells.Skip(fundsIndex + 1).Where(c => c.Length > 0).Skip(rateAt).FirstOrDefault();
                    statedFundsScore = Value(FormColumns.Score);
                }
                else subRows.Add(fundsLine with { Name = name.Replace("其中:", "").Replace("其中：", "") });
                continue;
            }
            if (compact.Contains("预期目标"))
            {
                if (k + 1 < lines.Count)
                {
                    var nextCells = lines[k + 1].Cells;
                    var next = nextCells.Where(c => c.Length > 0).ToList();
                    var nextCompact = next.Select(Cells.Compact).ToList();
                    if (!nextCompact.Contains("一级指标") && next.Count > 0)
                    {
                        // A lone text under 实际完成情况 (the 预期目标 left empty) is the actual one, not the expected.
                        var actualColumn = Array.IndexOf(compact, "实际完成情况");
                        var onlyActual = next.Count == 1 && actualColumn > first && Array.FindIndex(nextCells, c => c.Length > 0) >= actualColumn;
                        goal = onlyActual ? new OverallGoal("", next[0]) : new OverallGoal(next[0], next.Count > 1 ? next[1] : "");
                        k++;
                    }
                }
                continue;
            }
            if (compact.Any(c => c.StartsWith("一级指标", StringComparison.Ordinal)) && compact.Any(c => c.StartsWith("三级指标", StringComparison.Ordinal)))
            {
                inIndicators = true;
                if (!headerChecked)
                {
                    headerChecked = true;
                    // A header in two rows under merged cells ("指标值" over 年度指标值 / 实际完成值): the lower row names its columns.
                    if (k + 1 < lines.Count && lines[k + 1].Cells.Select(Cells.Compact).ToArray() is var lower
                        && lower.Count(c => c.Length > 0) is var named and > 0 && FormColumns.OfIndicators(lower).Count == named
                        && !lower.Any(c => c.StartsWith("一级指标", StringComparison.Ordinal)))
                    {
                        compact = [.. Enumerable.Range(0, Math.Max(compact.Length, lower.Length))
                            .Select(i => i < lower.Length && lower[i].Length > 0 ? lower[i] : i < compact.Length ? compact[i] : "")];
                        k++;
                    }
                    var map = FormColumns.OfIndicators(compact);
                    var missing = RequiredIndicatorColumns.Where(c => !map.ContainsKey(c)).ToList();
                    if (missing.Count > 0)
                    {
                        issues.Add(new ImportIssue(line, $"第 {line} 行：自评表指标表头缺少列：{string.Join("、", missing)}（分值也可写作权重，年度指标值也可写作指标值）", Fatal: true));
                        return null;
                    }
                    // The seeds' own header is read by position (its rows drift); any other order or wording by the header's words.
                    if (!FormColumns.IsStandard(compact, map)) columns = map;
                    else textColumns = map[FormColumns.Weight] - map[FormColumns.LevelThree];
                    columnsRead = (columns is null ? "按位置（标准表头）：" : "按表头：") + FormColumns.Describe(compact, map);
                }
                continue;
            }
            if (label == "总分")
            {
                // Only cells that are numbers, so each TryParse succeeds.
                var numbers = cells.Skip(first + 1).Where(Money.IsNumber).ToList();
                if (columns is not null && !spaced.Contains(line) && columns.TryGetValue("分值", out var weightColumn) && columns.TryGetValue("得分", out var scoreColumn))
                {
                    // A grid with header positions: each figure under its own column, either may be empty.
                    _ = Money.TryParse(weightColumn < cells.Length ? cells[weightColumn] : "", out statedWeightTotal);
                    _ = Money.TryParse(scoreColumn < cells.Length ? cells[scoreColumn] : "", out statedTotal);
                }
                else if (numbers.Count >= 2 && columns is not null && columns.TryGetValue(FormColumns.Weight, out var w) && columns.TryGetValue(FormColumns.Score, out var sc) && sc < w)
                { _ = Money.TryParse(numbers[^2], out statedTotal); _ = Money.TryParse(numbers[^1], out statedWeightTotal); } // 得分 printed before 分值
                else if (numbers.Count >= 2) { _ = Money.TryParse(numbers[^2], out statedWeightTotal); _ = Money.TryParse(numbers[^1], out statedTotal); }
                else if (numbers.Count == 1) _ = Money.TryParse(numbers[0], out statedTotal);
                inIndicators = false;
                continue;
            }
            if (label.Contains("评价等级"))
            {
                var grades = compact.Skip(first + 1).Where(c => c.Length > 0).ToList();
                // A bare legend "优 良 中 差" marks nothing; a fifth grade after it (or a lone grade) is the one chosen.
                if (grades.Count == 5 && Grades.TryParse(grades[4], out _)) statedGrade = grades[4];
                else if (grades.Count == 1 && Grades.TryParse(grades[0], out _)) statedGrade = grades[0];
                continue;
            }
            if (!inIndicators) continue;

            if (columns is not null && spaced.Contains(line))
            {
                // Spaces keep no empty cell: place the row's cells under the header (levels by their names, the rest in order).
                if (SpacedRow(cells, columns) is { } placed) cells = placed;
                else
                {
                    unreadRows.Add(line);
                    continue;
                }
            }
            var row = columns is null
                ? IndicatorLine(cells, compact, line, ref levelOne, ref levelTwo, printedWeights, issues, textColumns)
                : IndicatorByColumns(cells, columns, line, ref levelOne, ref levelTwo, printedWeights, issues);
            if (row is not null) indicators.Add(row);
        }

        if (unreadRows.Count > 0)
            issues.Add(new ImportIssue(unreadRows[0], $"自评表中 {unreadRows.Count} 行以空格分列且少于表头的列数（第 {string.Join("、", unreadRows)} 行）：空单元格没有留下位置，无法确定各格属于哪一列，未读取（请用制表符或竖线分列，空单元格留空位）")
            {
                UnreadTable = true,
            });
        if (total is null)
        {
            issues.Add(new ImportIssue(firstLine, $"第 {firstLine} 行起的自评表缺少“年度资金总额”行", Fatal: true));
            return null;
        }
        if (indicators.Count == 0)
        {
            issues.Add(new ImportIssue(firstLine, $"第 {firstLine} 行起的自评表没有可读的绩效指标行", Fatal: true));
            return null;
        }
        foreach (var negative in indicators.Where(i => i.Weight < 0))
            issues.Add(new ImportIssue(negative.SourceLine ?? firstLine, $"第 {negative.SourceLine} 行：指标「{negative.Name}」分值为负数（{negative.Weight}）", Fatal: true));
        if (indicators.Sum(i => i.Weight) + fundsWeight <= 0)
            issues.Add(new ImportIssue(firstLine, $"第 {firstLine} 行起的自评表分值合计为 0，无法评分", Fatal: true));

        if (projectName.Length == 0 && region[0].Text.StartsWith(ReportTextImporter.SheetMarker, StringComparison.Ordinal))
        {
            projectName = SheetYear().Replace(region[0].Text[ReportTextImporter.SheetMarker.Length..], "").Trim(); // the year is read above
            issues.Add(new ImportIssue(firstLine, $"自评表没有“项目名称”，以工作表名「{projectName}」作为项目名称"));
        }
        return new ProjectSelfEvaluationForm
        {
            Header = new ProjectHeader(projectName, NullIfEmpty(department), NullIfEmpty(unit), year),
            Funds = new FundsBlock
            {
                Total = total, SubRows = subRows, Weight = fundsWeight, StatedRatePercent = statedRate, StatedRateText = statedRateText, StatedScore = statedFundsScore,
            },
            Goal = goal,
            Indicators = indicators,
            StatedWeightTotal = statedWeightTotal,
            StatedTotal = statedTotal,
            StatedGrade = statedGrade,
            StatedLevelOneWeights = printedWeights,
            ColumnsRead = columnsRead,
        };
    }

    private static IndicatorRow? IndicatorLine(string[] cells, string[] compact, int line, ref string levelOne, ref string levelTwo,
        Dictionary<string, decimal> printedWeights, List<ImportIssue> issues, int textColumns)
    {
        var rest = new List<string>();
        for (var i = 0; i < cells.Length; i++)
        {
            var c = compact[i];
            if (rest.Count == 0)
            {
                if (c.Length == 0 || c is "绩效指标") continue;
                var nextLabel = compact.Skip(i + 1).FirstOrDefault(x => x.Length > 0) ?? "";
                var isOne = IndicatorNames.IsLevelOne(c);
                var isTwo = IndicatorNames.IsLevelTwo(c);
                // 成本指标 is a level-2 under 产出 in the 2020 template and a level-1 in 2023's: decide by context.
                if (isOne && (!isTwo || IndicatorNames.IsLevelTwo(nextLabel) || levelOne.Length == 0 || IndicatorNames.LevelOne(levelOne) == "成本" && IndicatorNames.LevelOne(c) != "成本"))
                {
                    levelOne = IndicatorNames.LevelOne(c);
                    levelTwo = "";
                    if (IndicatorNames.PrintedWeight(c) is { } printed) printedWeights[levelOne] = printed;
                    continue;
                }
                if (isTwo) { levelTwo = IndicatorNames.LevelTwo(c); continue; }
            }
            rest.Add(cells[i]);
        }
        while (rest.Count > 0 && rest[^1].Length == 0) rest.RemoveAt(rest.Count - 1);
        if (rest.Count == 0) return null;

        // 分值 and 得分 are the last two adjacent figures; whatever follows them is 偏差原因分析. A 得分 written as a dash
        // ("—", "/") is one left unscored: the row stands with its 分值 and no score.
        var pair = -1;
        for (var i = rest.Count - 1; i >= 1; i--)
        {
            if ((Money.IsNumber(rest[i]) || IsDash(rest[i])) && Money.IsNumber(rest[i - 1]) && rest.Take(i - 1).Count(c => c.Length > 0) >= 2) { pair = i - 1; break; }
        }
        if (pair < 0)
        {
            // A row with figures the form could not place is an unread row, not a smaller form (RD-UNREAD-TABLE).
            issues.Add(new ImportIssue(line, $"第 {line} 行：无法读出指标的分值和得分，该行未计入") { UnreadTable = rest.Any(Money.IsNumber) });
            return null;
        }
        // A figure alone under 偏差原因分析: the row holds one cell more than 三级指标…得分 and ends in three figures. The pair is
        // then the one standing where the header puts 分值 and 得分, when every text cell before it is filled (a row with an
        // empty cell among them may have drifted, as seed 002's do: it keeps the last pair).
        if (pair == textColumns + 1 && rest.Count == textColumns + 3 && Money.IsNumber(rest[textColumns])
            && rest.Take(textColumns).All(c => c.Length > 0))
            pair = textColumns;
        // The pair was chosen because both cells are numbers.
        _ = Money.TryParse(rest[pair], out var weight);
        _ = Money.TryParse(rest[pair + 1], out var score);
        var texts = rest.Take(pair).Where(c => c.Length > 0).ToList();
        var deviation = string.Join(" ", rest.Skip(pair + 2).Where(c => c.Length > 0));
        if (levelOne.Length == 0) issues.Add(new ImportIssue(line, $"第 {line} 行：指标「{texts[0]}」之前没有一级指标"));
        return new IndicatorRow
        {
            LevelOne = levelOne,
            LevelTwo = levelTwo,
            Name = texts[0],
            Target = texts.Count > 1 ? texts[1] : "",
            Actual = texts.Count > 2 ? string.Join(" ", texts.Skip(2)) : "",
            Weight = weight!.Value,
            StatedScore = score,
            Deviation = deviation.Length > 0 ? deviation : null,
            SourceLine = line,
        };
    }

    private static bool IsDash(string cell) => Cells.Compact(cell).Length > 0 && Money.TryParse(cell, out var v) && v is null;

    private static IndicatorRow? IndicatorByColumns(string[] cells, Dictionary<string, int> columns, int line, ref string levelOne, ref string levelTwo,
        Dictionary<string, decimal> printedWeights, List<ImportIssue> issues)
    {
        string Cell(string key) => columns.TryGetValue(key, out var i) && i < cells.Length ? cells[i] : "";
        var one = Cells.Compact(Cell("一级指标"));
        if (one.Length > 0)
        {
            levelOne = IndicatorNames.LevelOne(one);
            if (IndicatorNames.PrintedWeight(one) is { } printed) printedWeights[levelOne] = printed;
        }
        var two = Cells.Compact(Cell("二级指标"));
        if (two.Length > 0) levelTwo = IndicatorNames.LevelTwo(two);
        var name = Cell("三级指标");
        if (name.Length == 0) return null;
        if (!Money.TryParse(Cell("分值"), out var weight) || weight is null)
        {
            issues.Add(new ImportIssue(line, $"第 {line} 行：指标「{name}」的分值「{Cell("分值")}」不是数值，该行未计入"));
            return null;
        }
        if (!Money.TryParse(Cell("得分"), out var score))
        {
            issues.Add(new ImportIssue(line, $"第 {line} 行：指标「{name}」的得分「{Cell("得分")}」不是数值，按未填写处理"));
            score = null;
        }
        var deviation = Cell("偏差原因");
        return new IndicatorRow
        {
            LevelOne = levelOne, LevelTwo = levelTwo, Name = name, Target = Cell("年度指标值"), Actual = Cell("实际完成值"),
            Weight = weight.Value, StatedScore = score, Deviation = deviation.Length > 0 ? deviation : null,
            Nature = NullIfEmpty(Cell("指标性质")), Unit = NullIfEmpty(Cell("度量单位")), SourceLine = line,
        };
    }

    /// <summary>
    /// A row pasted with runs of spaces under a header read by its words: leading level names go under 一级/二级指标, the other
    /// cells under the remaining columns in order; the last column (偏差原因分析) may be missing. Any other count is ambiguous: null.
    /// </summary>
    private static string[]? SpacedRow(string[] cells, Dictionary<string, int> columns)
    {
        var rest = cells.Where(c => c.Length > 0).SkipWhile(c => Cells.Compact(c) == "绩效指标").ToList();
        var placed = new string[columns.Values.Max() + 1];
        Array.Fill(placed, "");
        if (rest.Count > 0 && columns.TryGetValue(FormColumns.LevelOne, out var one) && IndicatorNames.IsLevelOne(Cells.Compact(rest[0])) && !IndicatorNames.IsLevelTwo(Cells.Compact(rest[0])))
        {
            placed[one] = rest[0];
            rest.RemoveAt(0);
        }
        if (rest.Count > 0 && columns.TryGetValue(FormColumns.LevelTwo, out var two) && IndicatorNames.IsLevelTwo(Cells.Compact(rest[0])))
        {
            placed[two] = rest[0];
            rest.RemoveAt(0);
        }
        var others = columns.Where(p => p.Key is not (FormColumns.LevelOne or FormColumns.LevelTwo)).OrderBy(p => p.Value).Select(p => p.Value).ToList();
        var lastIsDeviation = columns.TryGetValue(FormColumns.Deviation, out var deviation) && deviation == others[^1];
        if (rest.Count != others.Count && !(lastIsDeviation && rest.Count == others.Count - 1)) return rest.Count == 0 ? placed : null;
        for (var i = 0; i < rest.Count; i++) placed[others[i]] = rest[i];
        return placed;
    }

    private static int? FundsLabel(string[] compact)
    {
        var index = Array.FindIndex(compact, c => c.Length > 0 && !c.StartsWith("项目资金", StringComparison.Ordinal));
        if (index < 0) return null;
        var c = compact[index];
        var isFunds = c.Contains("资金总额") || c.Contains("当年财政拨款") || c.Contains("上年结转资金") || c.Contains("其他资金") || c.Contains("政府预算资金") || c.Contains("财政拨款")
            || c.Contains("财政资金") // 四川: 其中：财政资金
            || OverallFundsRows.Contains(c.Replace("其中:", "").Replace("其中：", "")); // a 部门整体 form's 年度预算 by kind of expenditure
        return isFunds ? index : null;
    }

    private static readonly string[] OverallFundsRows = ["基本支出", "项目支出"];

    private static string? After(string[] cells, string[] compact, string label)
    {
        var index = Array.IndexOf(compact, label);
        if (index < 0) return null;
        for (var i = index + 1; i < cells.Length; i++)
        {
            if (compact[i].Length == 0) continue;
            return compact[i] is "实施单位" or "主管部门" or "项目名称" ? null : cells[i];
        }
        return null;
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    [GeneratedRegex(@"(\d{4})\s*年度")]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"[(（]?\s*\d{4}\s*年度\s*[)）]?")]
    private static partial Regex SheetYear();

    [GeneratedRegex(@"[(（](\d+(?:\.\d+)?)分[)）]")]
    private static partial Regex WeightInLabel();
}
