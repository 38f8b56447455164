using Approval.Workflow.Checking;
using Approval.Workflow.Import;
using Approval.Workflow.Workbooks;

namespace Approval.Workflow.Tests;

/// <summary>Seed 001's 汇总审核表 as a grid in an xlsx — the app's own workbook, or the table typed cell by cell — read by `check` like its text.</summary>
public class SummaryReviewGridTests
{
    private const string Kind = "项目支出绩效自评情况汇总审核表";

    // 附件4-1 as printed, a row per line and a cell per tab: 年中追加/追减数 and the 合计's 全年执行数 blank, the coverage line empty.
    private const string Grid = """
        2021 年度项目支出绩效自评情况汇总审核表
        主管部门：							单位：万元
        序号	预算单位	项目名称	全年预算数			全年执行数	绩效自评得分
        			年初预算数	年中追加数/追减数	小计
        1	弋阳县政务服务中心	政府购买工作人员 14 名	70		70	63	95.38
        2	弋阳县政务服务中心	公共资源交易中心日常运转	7.42		7.42	7.42	99.5
        开展绩效自评项目合计			77.42		77.42
        自评价平均分							97.44
        2019 年本部门全口径国库决算数项目支出总额					部门项目总个数
        部门提交时间
        """;

    private static IReadOnlyList<(string Rule, Severity Severity, string? Expected)> SummaryFindings(ImportedReport report) =>
        [.. ReportChecker.Check(report).Documents.Single(d => d.Kind == Kind).Findings.Select(f => (f.Rule, f.Severity, f.Expected))];

    [Fact]
    public void The_apps_own_summary_workbook_reads_back_with_the_rows_of_the_text()
    {
        var text = Seeds.Import(Seeds.YiyangGovService2021);
        var read = XlsxImporter.Read(SummaryReviewWorkbook.Write(text.Summary!), "汇总审核表.xlsx");

        Assert.Equal(text.Summary!.Rows, read.Summary!.Rows);
        Assert.Equal((text.Summary.Unit, text.Summary.Year, text.Summary.StatedAverage), (read.Summary.Unit, read.Summary.Year, read.Summary.StatedAverage));
        // The workbook prints the 合计 it computes: 全年执行数 63 + 7.42 = 70.42, the cell seed 001 left blank.
        Assert.Equal(new Summary.SummaryTotals(77.42m, null, 77.42m, 70.42m), read.Summary.StatedTotals);
        Assert.Equal(SummaryFindings(text).Where(f => f.Rule != "SR-TOTAL-MISSING"), SummaryFindings(read));
        Assert.DoesNotContain(read.Issues, i => i.Fatal);
    }

    [Fact]
    public void Seed_001s_summary_typed_as_a_grid_gives_the_rows_and_findings_of_the_text()
    {
        var text = Seeds.Import(Seeds.YiyangGovService2021);
        var read = XlsxImporter.Read(PastedIntoExcel.Create(Grid, "附件4-1"), "附件4-1.xlsx");

        Assert.Equal(text.Summary!.Rows, read.Summary!.Rows);
        Assert.Equal(text.Summary.StatedTotals, read.Summary.StatedTotals);
        Assert.Equal((text.Summary.Unit, text.Summary.Year, text.Summary.StatedAverage), (read.Summary.Unit, read.Summary.Year, read.Summary.StatedAverage));
        Assert.Equal(SummaryFindings(text), SummaryFindings(read));
    }

    /// <summary>docs/rules.md's SR examples: seed 001's 附件4-1 (as <see cref="Grid"/>) with one cell changed.</summary>
    public static TheoryData<string, string, string, decimal?> Seed001Examples() => new()
    {
        // Row 1's 小计 70 → 72: 年初预算数 70 + 追加 (blank) = 70.
        { "名\t70\t\t70\t63", "名\t70\t\t72\t63", "SR-SUBTOTAL", 2m },
        // 合计 年初预算数 77.42 → 78.42: the rows give 70 + 7.42 = 77.42.
        { "合计\t\t\t77.42", "合计\t\t\t78.42", "SR-TOTAL", 1m },
        // Row 2's 得分 99.5 left blank.
        { "7.42\t7.42\t99.5", "7.42\t7.42\t", "SR-SCORE-MISSING", null },
        // Row 2's 全年执行数 7.42 left blank.
        { "7.42\t\t7.42\t7.42\t99.5", "7.42\t\t7.42\t\t99.5", "SR-EXECUTED-MISSING", null },
        // 项目支出总额 50 declared: the projects' 全年执行数 63 + 7.42 = 70.42 exceed it (140.84%).
        { "项目支出总额\t\t\t\t\t部门项目总个数", "项目支出总额\t\t\t50\t\t部门项目总个数\t2", "SR-COVERAGE-EXCEEDS", null },
        // 部门项目总个数 1 declared, two projects self-evaluated.
        { "项目支出总额\t\t\t\t\t部门项目总个数", "项目支出总额\t\t\t100\t\t部门项目总个数\t1", "SR-PROJECT-COUNT", null },
        // 项目支出总额 100 declared and the coverage line printed 80.00%: (63 + 7.42) ÷ 100 × 100% = 70.42%, 9.58 less.
        { "项目支出总额\t\t\t\t\t部门项目总个数\n部门提交时间",
          "项目支出总额\t\t\t100\t\t部门项目总个数\t2\n开展绩效自评项目支出总额占本部门项目支出总额的比例\t\t\t\t\t\t\t80.00%\n部门提交时间", "SR-COVERAGE", 9.58m },
    };

    [Theory, MemberData(nameof(Seed001Examples))]
    public void Seed_001s_summary_with_one_cell_changed_fires_the_documented_rule(string passage, string replacement, string rule, decimal? difference)
    {
        Assert.Contains(passage, Grid, StringComparison.Ordinal);
        var before = SummaryFindings(XlsxImporter.Read(PastedIntoExcel.Create(Grid), "附件4-1.xlsx"));
        Assert.DoesNotContain(before, f => f.Rule == rule);
        var changed = ReportChecker.Check(XlsxImporter.Read(PastedIntoExcel.Create(Grid.Replace(passage, replacement, StringComparison.Ordinal)), "附件4-1.xlsx"))
            .Documents.Single(d => d.Kind == Kind).Findings.Where(f => f.Rule == rule).ToList();
        var finding = Assert.Single(changed);
        if (difference is { } d) Assert.Equal(d, Math.Abs(finding.Difference!.Value));
    }
}
