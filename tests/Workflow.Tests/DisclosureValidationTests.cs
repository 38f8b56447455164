using Approval.Workflow.Disclosure;
using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Drafting;

namespace Approval.Workflow.Tests;

/// <summary>A 决算公开 package the clerk edits cell by cell is refused before anything is recorded when a figure or a name cannot be right.</summary>
public class DisclosureValidationTests
{
    private static DisclosurePackage Package()
    {
        var report = Seeds.Import(Seeds.ShangraoBigData2021);
        return new DisclosurePackage(report.Tables, report.Narrative);
    }

    private static DisclosurePackage With(DisclosurePackage p, DisclosureTableKind kind, Func<DisclosureTable, DisclosureTable> change) =>
        p with { Tables = p.Tables.Select(t => t.Kind == kind ? change(t) : t).ToList() };

    private static DisclosureTable Cell(DisclosureTable t, Func<TableRow, bool> which, int column, decimal? value) => t with
    {
        Rows = t.Rows.Select(r => which(r) ? r with { Values = r.Values.Select((v, c) => c == column ? value : v).ToList() } : r).ToList(),
    };

    private static List<string> Problems(DisclosurePackage p) => ContentValidation.Problems(new SubmissionContent { Disclosure = p }).ToList();

    [Fact]
    public void The_seed_package_as_imported_is_valid() => Assert.Empty(Problems(Package()));

    [Fact]
    public void Amounts_beyond_limits_are_named_by_table_row_and_column()
    {
        var p = With(Package(), DisclosureTableKind.IncomeExpenditureSummary, t => Cell(t, r => r.Name == "本年支出合计", 0, 1e13m));
        Assert.Equal(["公开01表 收入支出决算总表「本年支出合计」决算数超出合理范围：10000000000000"], Problems(p));

        p = With(Package(), DisclosureTableKind.Expenditure, t => Cell(t, r => r.Code == "201", 1, 328.1234567m));
        Assert.Equal(["公开03表 支出决算表「201 一般公共服务支出」基本支出小数位不能超过 6 位：328.1234567"], Problems(p));
    }

    [Fact]
    public void Counts_in_07_and_10_are_whole_numbers_and_money_in_07_is_not()
    {
        var p = With(Package(), DisclosureTableKind.ThreePublicExpenses, t => Cell(t, r => r.Name.StartsWith("5.国内公务接待批次", StringComparison.Ordinal), 1, 74.5m));
        p = With(p, DisclosureTableKind.StateAssets, t => Cell(t, r => r.LineNo == "7", 0, -1m));
        Assert.Equal(
        [
            "公开07表 财政拨款“三公”经费支出决算表「5.国内公务接待批次（个）」决算数是统计数，应为整数：74.5",
            "公开10表 国有资产占用情况表「6. 特种专业技术用车」决算数是统计数，不能为负数：-1",
        ], Problems(p).Select(s => s.Replace("一般公共预算财政拨款“三公”", "财政拨款“三公”", StringComparison.Ordinal)));
        Assert.Empty(Problems(With(Package(), DisclosureTableKind.ThreePublicExpenses, t => Cell(t, r => r.LineNo == "6", 1, 7.115m))));
    }

    [Fact]
    public void A_table_twice_too_many_rows_and_hidden_characters_are_refused()
    {
        var package = Package();
        var twice = package with { Tables = [.. package.Tables, package.Tables[0]] };
        Assert.Contains(Problems(twice), m => m.StartsWith("「收入支出决算总表」重复出现 2 次", StringComparison.Ordinal));

        var rows = With(package, DisclosureTableKind.Income, t => t with { Rows = Enumerable.Repeat(t.Rows[0], ContentValidation.MaxRows + 1).ToList() });
        Assert.Contains(Problems(rows), m => m.EndsWith($"行数不能超过 {ContentValidation.MaxRows} 行", StringComparison.Ordinal));

        var hidden = With(package, DisclosureTableKind.Expenditure, t => t with { Rows = t.Rows.Select(r => r.Code == "201" ? r with { Name = "一般公共\u202E服务支出" } : r).ToList() });
        Assert.Contains(Problems(hidden), m => m.StartsWith("公开03表 支出决算表「201 一般公共", StringComparison.Ordinal) && m.EndsWith("行名称中含有控制字符或不可见字符", StringComparison.Ordinal));

        Assert.Contains("情况说明中含有不可见字符或文字方向控制符，请删除后重试", Problems(package with { Narrative = package.Narrative + "\u200B" }));
    }
}
