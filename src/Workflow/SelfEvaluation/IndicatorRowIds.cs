namespace Approval.Workflow.SelfEvaluation;

/// <summary>
/// The stable identity of 三级指标 rows: who gets which id, which row of one version is which row of the next, and how a
/// row is named to a reader when its name alone does not tell it from another.
/// Content recorded before rows had ids is read as it was written: a row without an id is known by its place in that
/// content (<see cref="Legacy"/>), and is matched to another version's row by its levels and name, else by its place.
/// </summary>
public static partial class IndicatorRowIds
{
    public const int MaxLength = 40;

    /// <summary>The id of a row recorded without one: its place in that content, 1-based ("r3" for the third row).</summary>
    public static string Legacy(int index) => $"r{(index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>A fresh id for a row that has just come into existence.</summary>
    public static string New() => Guid.NewGuid().ToString("N")[..12];

    public static string IdAt(IReadOnlyList<IndicatorRow> rows, int index) => rows[index].Id ?? Legacy(index);

    /// <summary>The form with every row's id set: a row recorded without one gets <see cref="Legacy"/> (what the editor sends back).</summary>
    public static ProjectSelfEvaluationForm WithIds(ProjectSelfEvaluationForm form) =>
        form.Indicators.All(i => i.Id is not null) ? form : form with { Indicators = [.. form.Indicators.Select((row, i) => row with { Id = IdAt(form.Indicators, i) })] };

    /// <summary>What is wrong with the rows' ids as sent: a malformed id, or one id on two rows.</summary>
    public static IEnumerable<string> Problems(IReadOnlyList<IndicatorRow> rows)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in rows.Select(r => r.Id).OfType<string>())
        {
            if (!WellFormed().IsMatch(id)) { yield return $"指标行标识须为 1–{MaxLength} 个英文字母、数字、- 或 _"; yield break; }
            if (!seen.Add(id)) { yield return $"指标行标识「{id}」重复：每行一个标识"; yield break; }
        }
    }

    /// <summary>
    /// The incoming rows with ids: a row that brings one keeps it; one that does not (an import, a client that sends no
    /// ids) takes the id of the earlier row it matches (<see cref="Pair"/>), else a new one.
    /// </summary>
    public static IReadOnlyList<IndicatorRow> Adopt(IReadOnlyList<IndicatorRow> before, IReadOnlyList<IndicatorRow> incoming, Func<string>? newId = null)
    {
        if (incoming.All(r => r.Id is not null)) return incoming;
        var pairs = Pair(before, incoming);
        var used = new HashSet<string>(incoming.Select(r => r.Id).OfType<string>(), StringComparer.Ordinal);
        var rows = new List<IndicatorRow>(incoming.Count);
        for (var i = 0; i < incoming.Count; i++)
        {
            var row = incoming[i];
            if (row.Id is null)
            {
                var id = pairs[i] is { } b && !used.Contains(IdAt(before, b)) ? IdAt(before, b) : Fresh(used, newId ?? New);
                row = row with { Id = id };
                used.Add(id);
            }
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>
    /// For each row of <paramref name="after"/>, the index of the same row in <paramref name="before"/> (null: a new row).
    /// By id first (a row without one is known by its place); then, where either side has no id of its own, by 一级/二级
    /// 指标 and name in order, then by place. Two rows that both carry ids are the same row only when the ids are equal.
    /// </summary>
    public static int?[] Pair(IReadOnlyList<IndicatorRow> before, IReadOnlyList<IndicatorRow> after)
    {
        var result = new int?[after.Count];
        var taken = new bool[before.Count];
        var byId = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var b = 0; b < before.Count; b++) byId.TryAdd(IdAt(before, b), b);
        for (var a = 0; a < after.Count; a++)
            if (after[a].Id is { } id && byId.TryGetValue(id, out var b) && !taken[b]) (result[a], taken[b]) = (b, true);

        bool Open(int a, int b) => result[a] is null && !taken[b] && (after[a].Id is null || before[b].Id is null);
        for (var a = 0; a < after.Count; a++)
            for (var b = 0; b < before.Count && result[a] is null; b++)
                if (Open(a, b) && before[b].Name == after[a].Name && before[b].LevelOne == after[a].LevelOne && before[b].LevelTwo == after[a].LevelTwo)
                    (result[a], taken[b]) = (b, true);
        for (var a = 0; a < after.Count && a < before.Count; a++)
            if (Open(a, a)) (result[a], taken[a]) = (a, true);
        return result;
    }

    /// <summary>The row as a reader tells it apart: its name, with its levels when another row has the same name, and its place when even those agree.</summary>
    public static string Reference(IReadOnlyList<IndicatorRow> rows, int index) => rows[index].Name + Qualifier(rows, index);

    /// <summary><see cref="Reference"/> with the name quoted, as the diff writes it: 「企业满意度」（产出/质量）.</summary>
    public static string Quoted(IReadOnlyList<IndicatorRow> rows, int index) => $"「{rows[index].Name}」{Qualifier(rows, index)}";

    private static string Qualifier(IReadOnlyList<IndicatorRow> rows, int index)
    {
        var row = rows[index];
        var named = rows.Where(r => r.Name == row.Name).ToList();
        if (named.Count == 1) return "";
        return named.Count(r => r.LevelOne == row.LevelOne && r.LevelTwo == row.LevelTwo) == 1
            ? $"（{row.LevelOne}/{row.LevelTwo}）"
            : $"（{row.LevelOne}/{row.LevelTwo}，第 {(index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)} 项指标）";
    }

    private static string Fresh(HashSet<string> used, Func<string> newId)
    {
        for (var attempt = 0; ; attempt++)
        {
            var id = newId();
            if (!used.Contains(id)) return id;
            if (attempt > 100) throw new InvalidOperationException("the row id source keeps repeating itself");
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9_-]{1,40}$")]
    private static partial System.Text.RegularExpressions.Regex WellFormed();
}
