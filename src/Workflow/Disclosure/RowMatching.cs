namespace Approval.Workflow.Disclosure;

/// <summary>
/// Pairs the rows of two versions of one 公开表: first by side, code and name (the n-th "总计" with the n-th), then what is
/// left with the same code, name or 行次 (a renamed row); the rest were removed or added.
/// </summary>
public static class RowMatching
{
    public static (IReadOnlyList<(TableRow Before, TableRow After)> Pairs, IReadOnlyList<TableRow> Removed, IReadOnlyList<TableRow> Added) Match(
        IReadOnlyList<TableRow> before, IReadOnlyList<TableRow> after)
    {
        var waiting = new Dictionary<(string, string?, string), Queue<int>>();
        for (var i = 0; i < before.Count; i++)
        {
            var key = Key(before[i]);
            if (!waiting.TryGetValue(key, out var queue)) waiting[key] = queue = new Queue<int>();
            queue.Enqueue(i);
        }
        var matchedBefore = new int?[after.Count];
        var used = new bool[before.Count];
        for (var j = 0; j < after.Count; j++)
            if (waiting.TryGetValue(Key(after[j]), out var queue) && queue.Count > 0)
            {
                var i = queue.Dequeue();
                matchedBefore[j] = i;
                used[i] = true;
            }
        for (var j = 0; j < after.Count; j++)
        {
            if (matchedBefore[j] is not null) continue;
            var i = Enumerable.Range(0, before.Count).FirstOrDefault(i => !used[i] && SameRowRenamed(before[i], after[j]), -1);
            if (i < 0) continue;
            matchedBefore[j] = i;
            used[i] = true;
        }
        var pairs = Enumerable.Range(0, after.Count).Where(j => matchedBefore[j] is not null).Select(j => (before[matchedBefore[j]!.Value], after[j])).ToList();
        var removed = Enumerable.Range(0, before.Count).Where(i => !used[i]).Select(i => before[i]).ToList();
        var added = Enumerable.Range(0, after.Count).Where(j => matchedBefore[j] is null).Select(j => after[j]).ToList();
        return (pairs, removed, added);
    }

    /// <summary>The same code with another name, the same name with another code, or the same 行次 on the same side.</summary>
    private static bool SameRowRenamed(TableRow a, TableRow b) => a.Section == b.Section &&
        (a.Code is not null && a.Code == b.Code || a.Name.Trim() == b.Name.Trim() && a.Name.Trim().Length > 0 || a.LineNo is not null && a.LineNo == b.LineNo);

    private static (string, string?, string) Key(TableRow row) => (row.Section, row.Code, row.Name.Trim());
}
