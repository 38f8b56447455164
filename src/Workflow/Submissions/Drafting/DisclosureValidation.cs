using Approval.Workflow.Disclosure;

namespace Approval.Workflow.Submissions.Drafting;

/// <summary>The limits of a 决算公开 package: each problem names the table, the row and the column.</summary>
public static partial class ContentValidation
{
    public const int MaxTables = 20;
    public const int MaxRows = 1_000;
    public const int MaxColumns = 30;
    public const int MaxNameLength = 500;

    public static IEnumerable<string> Problems(DisclosurePackage package)
    {
        if (package.Narrative.Length > MaxTextLength * 10) yield return "情况说明过长";
        if (HasControlCharacters(package.Narrative)) yield return "情况说明中含有控制字符，请删除后重试";
        if (InvisibleText.Contains(package.Narrative)) yield return "情况说明中含有不可见字符或文字方向控制符，请删除后重试";
        if (package.Tables.Count > MaxTables) yield return $"公开表不能超过 {MaxTables} 张";
        foreach (var twice in package.Tables.GroupBy(t => t.Kind).Where(g => g.Count() > 1))
            yield return $"「{DisclosureTableKinds.Title(twice.Key)}」重复出现 {twice.Count()} 次，每张公开表只能有一份";
        foreach (var table in package.Tables)
            foreach (var problem in Problems(table))
                yield return problem;
    }

    private static IEnumerable<string> Problems(DisclosureTable table)
    {
        var name = table.DisplayName;
        if (new[] { table.Title, table.Number ?? "" }.Concat(table.Columns).Any(t => HasControlCharacters(t) || InvisibleText.Contains(t)))
            yield return $"{Truncate(name)}：表名或栏目名中含有控制字符或不可见字符";
        if (table.Columns.Count > MaxColumns) yield return $"{name}：栏目不能超过 {MaxColumns} 个";
        if (table.Rows.Count > MaxRows) { yield return $"{name}：行数不能超过 {MaxRows} 行"; yield break; }
        foreach (var row in table.Rows)
        {
            var label = Truncate(DisclosureDiff.RowLabel(table, row));
            if (new[] { row.Name, row.Code ?? "", row.Section, row.LineNo ?? "" }.Any(t => HasControlCharacters(t) || InvisibleText.Contains(t)))
                yield return $"{name}「{label}」：行名称中含有控制字符或不可见字符";
            if (row.Name.Length > MaxNameLength) yield return $"{name}「{label}」：行名称过长";
            if (row.Values.Count > MaxColumns) { yield return $"{name}「{label}」：数据不能超过 {MaxColumns} 栏"; continue; }
            var count = CountRows.IsCount(table, row);
            for (var c = 0; c < row.Values.Count; c++)
            {
                if (row.Values[c] is not { } v) continue;
                var where = $"{name}「{label}」{DisclosureDiff.Column(table, c)}";
                if (Math.Abs(v) > MaxAmount) yield return $"{where}超出合理范围：{v}";
                else if (v.Scale > MaxDecimals) yield return $"{where}小数位不能超过 {MaxDecimals} 位：{v}";
                if (count && decimal.Truncate(v) != v) yield return $"{where}是统计数，应为整数：{v}";
                if (count && v < 0) yield return $"{where}是统计数，不能为负数：{v}";
            }
        }
        foreach (var (key, v) in table.StatedTotals)
        {
            if (HasControlCharacters(key) || InvisibleText.Contains(key)) yield return $"{name}：合计名称中含有控制字符或不可见字符";
            if (Math.Abs(v) > MaxAmount) yield return $"{name}「{Truncate(key)}」超出合理范围：{v}";
            else if (v.Scale > MaxDecimals) yield return $"{name}「{Truncate(key)}」小数位不能超过 {MaxDecimals} 位：{v}";
        }
    }
}
