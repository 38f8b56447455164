using Approval.Workflow.Disclosure;

namespace Approval.Workflow.Narrative;

/// <summary>A 公开表's figure for a label of <see cref="QuotedFigures"/>: where it stands, and whether a difference is an error (Strict) or may be a difference of scope.</summary>
public sealed record TableFigure(decimal Value, string Where, bool Strict);

/// <summary>
/// Where a 部门决算公开 package states the figures a text quotes. Tables are found by kind, never by number (seed 002's
/// 三公 table is 公开07, seed 003's 公开09). 公开06 covers the 一般公共预算财政拨款 基本支出 only, so its economic classes are
/// strict only where the text speaks of exactly that (`basicScope` of <see cref="Resolve"/>: the 情况说明's 基本支出 section).
/// </summary>
public static class TableFigures
{
    public static TableFigure? Resolve(string label, IReadOnlyList<DisclosureTable> tables, bool basicScope = false)
    {
        DisclosureTable? T(DisclosureTableKind kind) => tables.FirstOrDefault(t => t.Kind == kind);
        var summary = T(DisclosureTableKind.IncomeExpenditureSummary);
        var basic = T(DisclosureTableKind.GeneralBudgetBasicExpenditure);
        var threePublic = T(DisclosureTableKind.ThreePublicExpenses);
        TableFigure? Of(decimal? value, string where, bool strict = true) => value is { } v ? new(v, where, strict) : null;
        return label switch
        {
            "决算收入" or "本年收入合计" => Of(Row(summary, "收入", "本年收入合计"), "公开01表本年收入合计"),
            "决算支出" or "本年支出合计" => Of(Row(summary, "支出", "本年支出合计"), "公开01表本年支出合计"),
            "年初结转和结余" => Of(Row(summary, "收入", "年初结转和结余"), "公开01表年初结转和结余"),
            "年末结转和结余" => Of(Row(summary, "支出", "年末结转和结余"), "公开01表年末结转和结余"),
            "收入总计" => Of(Row(summary, "收入", "总计"), "公开01表收入总计"),
            "支出总计" => Of(Row(summary, "支出", "总计"), "公开01表支出总计"),
            "财政拨款支出" => Of(Row(T(DisclosureTableKind.FiscalAppropriationSummary), "支出", "本年支出合计"), "公开04表本年支出合计"),
            "基本支出" or "项目支出" => Of(ColumnOfTotal(T(DisclosureTableKind.Expenditure), label), $"公开03表合计行{label}"),
            "一般公共预算财政拨款基本支出" => Of(ColumnOfTotal(T(DisclosureTableKind.GeneralBudgetExpenditure), "基本支出"), "公开05表合计行基本支出"),
            "工资福利支出" => Of(Code(basic, "301"), "公开06表 301 工资福利支出", basicScope),
            "商品和服务支出" => Of(Code(basic, "302"), "公开06表 302 商品和服务支出", basicScope),
            "对个人和家庭的补助" => Of(Code(basic, "303"), "公开06表 303 对个人和家庭的补助", basicScope),
            "资本性支出" => Of(Code(basic, "310"), "公开06表 310 资本性支出", basicScope),
            "公用经费" => Of(Stated(basic, "公用经费合计"), "公开06表公用经费合计", basicScope),
            "人员经费" => Of(Stated(basic, "人员经费合计"), "公开06表人员经费合计", basicScope),
            // Where a 三公 table prints 机关运行经费 it is that; otherwise 06's 公用经费 is its usual counterpart (行政单位), not always (事业单位).
            "机关运行经费" => Of(Named(threePublic, "机关运行经费", Spent(threePublic)), $"{Name(threePublic)}机关运行经费")
                           ?? Of(Stated(basic, "公用经费合计"), "公开06表公用经费合计", false),
            "三公经费" => Of(Named(threePublic, "三公”经费支出", Spent(threePublic)) ?? Named(threePublic, "三公经费支出", Spent(threePublic)), $"{Name(threePublic)}“三公”经费支出决算数"),
            "因公出国（境）费" => Of(Named(threePublic, "因公出国", Spent(threePublic)), $"{Name(threePublic)}因公出国（境）费决算数"),
            "公务接待费" => Of(Named(threePublic, "公务接待费", Spent(threePublic)), $"{Name(threePublic)}公务接待费决算数"),
            "公务用车购置及运行维护费" => Of(Named(threePublic, "公务用车购置及运行维护费", Spent(threePublic)), $"{Name(threePublic)}公务用车购置及运行维护费决算数"),
            _ => null,
        };
    }

    private static string Name(DisclosureTable? table) => table?.Number is { } n ? $"公开{n}表" : "“三公”经费表";

    private static decimal? Row(DisclosureTable? table, string side, string name) =>
        table?.Rows.Where(r => r.Section == side).FirstOrDefault(r => DisclosureChecker.Normalize(r.Name).StartsWith(name, StringComparison.Ordinal))?.Value(0);

    private static decimal? Code(DisclosureTable? table, string code) => table?.Rows.FirstOrDefault(r => r.Code == code)?.Value(0);

    private static decimal? Stated(DisclosureTable? table, string name) => table is not null && table.StatedTotals.TryGetValue(name, out var v) ? v : null;

    /// <summary>The 决算数 column of a table that prints 预算数 and 决算数 side by side (the 三公 table); the last column otherwise.</summary>
    private static int Spent(DisclosureTable? table)
    {
        if (table is null) return 0;
        var index = table.Columns.ToList().FindIndex(c => c.Replace(" ", "").Contains("决算", StringComparison.Ordinal));
        return index >= 0 ? index : Math.Max(0, table.Columns.Count - 1);
    }

    private static decimal? Named(DisclosureTable? table, string name, int column) =>
        table?.Rows.FirstOrDefault(r => DisclosureChecker.Normalize(r.Name).Replace("\"", "”").Contains(name, StringComparison.Ordinal))?.Value(column);

    private static decimal? ColumnOfTotal(DisclosureTable? table, string column)
    {
        if (table is null) return null;
        var index = table.Columns.ToList().FindIndex(c => c.Replace(" ", "").Contains(column, StringComparison.Ordinal));
        var total = table.Rows.FirstOrDefault(r => r.Code is null && r.Name.Replace(" ", "").Contains("合计", StringComparison.Ordinal));
        return index < 0 || total is null ? null : total.Value(index);
    }
}
