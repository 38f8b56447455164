namespace Approval.Workflow.Import;

/// <summary>
/// The columns of a 自评表 found by their header words, with the regional synonyms: 权重 = 分值, 指标值 / 目标值 = 年度指标值,
/// 实际值 / 完成值 = 实际完成值, 自评得分 = 得分, 未完成原因 = 偏差原因分析. A column the header lacks is simply absent.
/// </summary>
internal static class FormColumns
{
    public const string LevelOne = "一级指标", LevelTwo = "二级指标", LevelThree = "三级指标", Nature = "指标性质", Unit = "度量单位",
        Target = "年度指标值", Actual = "实际完成值", Weight = "分值", Score = "得分", Deviation = "偏差原因";

    public const string PlannedBudget = "年初预算数", Budget = "全年预算数", Executed = "全年执行数", Rate = "执行率";

    /// <summary>The standard order of the figure columns of the funds block (seeds 002, 004).</summary>
    public static readonly IReadOnlyList<string> StandardFunds = [PlannedBudget, Budget, Executed, Weight, Rate, Score];

    private static readonly (string Key, Func<string, bool> Matches)[] IndicatorWords =
    [
        (LevelOne, c => c.StartsWith("一级指标", StringComparison.Ordinal)),
        (LevelTwo, c => c.StartsWith("二级指标", StringComparison.Ordinal)),
        (LevelThree, c => c.StartsWith("三级指标", StringComparison.Ordinal)),
        (Nature, c => c == "指标性质"),
        (Unit, c => c == "度量单位" || c == "计量单位"),
        (Target, c => c.StartsWith("年度指标", StringComparison.Ordinal) || c.StartsWith("指标值", StringComparison.Ordinal) || c.StartsWith("年度目标值", StringComparison.Ordinal)
            || c.StartsWith("目标值", StringComparison.Ordinal) || c.StartsWith("预期指标值", StringComparison.Ordinal)),
        (Actual, c => c.StartsWith("实际完成", StringComparison.Ordinal) || c.StartsWith("实际值", StringComparison.Ordinal) || c.StartsWith("全年实际值", StringComparison.Ordinal)
            || c.StartsWith("完成值", StringComparison.Ordinal)),
        (Weight, c => c.StartsWith("分值", StringComparison.Ordinal) || c.StartsWith("权重", StringComparison.Ordinal)),
        (Score, c => c.StartsWith("得分", StringComparison.Ordinal) || c.StartsWith("自评得分", StringComparison.Ordinal)),
        (Deviation, c => c.StartsWith("偏差原因", StringComparison.Ordinal) || c.StartsWith("未完成原因", StringComparison.Ordinal) || c.StartsWith("偏差", StringComparison.Ordinal)),
    ];

    /// <summary>Each known column's index in a header row (compacted cells); the first cell that matches wins.</summary>
    public static Dictionary<string, int> OfIndicators(string[] compact)
    {
        var map = new Dictionary<string, int>();
        for (var i = 0; i < compact.Length; i++)
            foreach (var (key, matches) in IndicatorWords)
                if (!map.ContainsKey(key) && !map.ContainsValue(i) && compact[i].Length > 0 && matches(compact[i])) map[key] = i;
        return map;
    }

    /// <summary>The columns found, in words: "三级指标、年度指标值（表头「指标值」）、分值（表头「权重」）…".</summary>
    public static string Describe(string[] compact, Dictionary<string, int> map) =>
        string.Join("、", map.OrderBy(p => p.Value).Select(p => compact[p.Value] == p.Key ? p.Key : $"{p.Key}（表头「{compact[p.Value]}」）"));

    /// <summary>Whether the header is the seeds' own (年度指标值, 实际完成值, 分值, 得分 in that order, no explicit nature): read by the drift-tolerant positional reader.</summary>
    public static bool IsStandard(string[] compact, Dictionary<string, int> map) =>
        !map.ContainsKey(Nature) && !map.ContainsKey(Unit)
        && map.TryGetValue(Target, out var target) && compact[target].StartsWith("年度指标", StringComparison.Ordinal)
        && map.TryGetValue(Weight, out var weight) && compact[weight] == "分值" && map.TryGetValue(Score, out var score) && compact[score] == "得分"
        && target < weight && weight < score && (!map.TryGetValue(Actual, out var actual) || target < actual && actual < weight)
        && (!map.TryGetValue(Deviation, out var deviation) || deviation > score);

    /// <summary>The funds block's figure columns in the order its header prints them (执行率 may stand anywhere; 年初预算数 may be missing).</summary>
    public static List<string>? OfFunds(string[] compact)
    {
        var order = new List<string>();
        foreach (var c in compact)
        {
            var key = c.StartsWith("年初预算", StringComparison.Ordinal) ? PlannedBudget
                : c.StartsWith("全年预算", StringComparison.Ordinal) || c is "预算数" or "年度预算数" ? Budget
                : c.StartsWith("全年执行", StringComparison.Ordinal) || c is "执行数" or "实际执行数" or "年度执行数" ? Executed
                : c.StartsWith("执行率", StringComparison.Ordinal) ? Rate
                : c.StartsWith("分值", StringComparison.Ordinal) || c.StartsWith("权重", StringComparison.Ordinal) ? Weight
                : c.StartsWith("得分", StringComparison.Ordinal) ? Score
                : null;
            if (key is not null && !order.Contains(key)) order.Add(key);
        }
        return order.Contains(Budget) && order.Contains(Executed) ? order : null;
    }
}
