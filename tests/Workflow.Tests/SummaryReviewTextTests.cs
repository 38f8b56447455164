using Approval.Workflow.Checking;
using Approval.Workflow.Summary;

namespace Approval.Workflow.Tests;

/// <summary>Seed 001's trailing 汇总审核表 (附件4-1), its cells one per line, read by `check` and checked with the SR rules.</summary>
public class SummaryReviewTextTests
{
    [Fact]
    public void Seed_001_summary_is_read_row_by_row()
    {
        var table = Seeds.Import(Seeds.YiyangGovService2021).Summary!;
        Assert.Equal(("弋阳县政务服务中心", 2021), (table.Unit, table.Year));
        Assert.Equal(
        [
            // "70 70 63 95.38": four figures for five columns — 年中追加/追减数 left blank.
            new SummaryRow(1, "弋阳县政务服务中心", "政府购买工作人员 14 名", 70m, null, 70m, 63m, 95.38m),
            new SummaryRow(2, "弋阳县政务服务中心", "公共资源交易中心日常运转", 7.42m, null, 7.42m, 7.42m, 99.5m),
        ], table.Rows);
        // 合计 "77.42 77.42": 年初预算数 and 小计; 全年执行数 left blank.
        Assert.Equal(new SummaryTotals(77.42m, null, 77.42m, null), table.StatedTotals);
        Assert.Equal(97.44m, table.StatedAverage);
    }

    [Fact]
    public void Seed_001_summary_findings_are_the_blanks_only()
    {
        var document = Seeds.Check(Seeds.YiyangGovService2021).Documents.Single(d => d.Kind == "项目支出绩效自评情况汇总审核表");
        // 自评价平均分 97.44 = (95.38 + 99.5) ÷ 2 = 97.44; 合计 77.42 = 70 + 7.42 for 年初预算数 and 小计.
        Assert.Equal(97.44m, document.Score);
        Assert.Equal(
        [
            // 63 + 7.42 = 70.42 would be the 合计's 全年执行数, left blank.
            ("SR-TOTAL-MISSING", Severity.Warning, "70.42"),
            // The form's 项目支出总额 and 提交时间 cells are blank in the seed.
            ("SR-COVERAGE-MISSING", Severity.Warning, (string?)null),
            ("SR-SUBMITTED-MISSING", Severity.Warning, null),
        ], document.Findings.Select(f => (f.Rule, f.Severity, f.Expected)));
    }

    [Fact]
    public void A_report_without_the_summary_has_none() =>
        Assert.Null(Seeds.Import(Seeds.ShangraoBigData2021).Summary);
}
