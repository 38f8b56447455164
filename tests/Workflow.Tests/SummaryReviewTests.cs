using Approval.Workflow.Checking;
using Approval.Workflow.Summary;
using Approval.Workflow.Templates;

namespace Approval.Workflow.Tests;

public class SummaryReviewTests
{
    /// <summary>The 汇总审核表 at the end of seed 001 (弋阳县政务服务中心, 2021), as printed.</summary>
    public static SummaryReviewTable Yiyang2021() => new()
    {
        Unit = "弋阳县政务服务中心",
        Year = 2021,
        Rows =
        [
            new SummaryRow(1, "弋阳县政务服务中心", "政府购买工作人员14名", 70m, null, 70m, 63m, 95.38m),
            new SummaryRow(2, "弋阳县政务服务中心", "公共资源交易中心日常运转", 7.42m, null, 7.42m, 7.42m, 99.5m),
        ],
        // 合计 prints 77.42 twice (年初预算数 and 小计) and leaves 全年执行数 blank.
        StatedTotals = new SummaryTotals(77.42m, null, 77.42m, null),
        StatedAverage = 97.44m,
    };

    [Fact]
    public void Seed_001_average_is_the_mean_of_the_project_scores()
    {
        var figures = SummaryReviewChecker.Compute(Yiyang2021());
        Assert.Equal(97.44m, figures.Average); // (95.38 + 99.5) / 2 = 97.44
        Assert.Equal(70.42m, figures.Totals.Executed);
        Assert.Equal(77.42m, figures.Totals.Subtotal);
    }

    [Fact]
    public void Seed_001_findings_are_the_blanks_it_left()
    {
        var findings = SummaryReviewChecker.Check(Yiyang2021());
        Assert.DoesNotContain(findings, f => f.Severity == Severity.Error);
        Assert.Equal(["SR-COVERAGE-MISSING", "SR-SUBMITTED-MISSING", "SR-TOTAL-MISSING"], findings.Select(f => f.Rule).Order());
        Assert.Equal("70.42", findings.Single(f => f.Rule == "SR-TOTAL-MISSING").Expected);
    }

    [Fact]
    public void Coverage_and_a_wrong_average_are_checked()
    {
        var table = Yiyang2021() with { UnitProjectExpenditure = 80m, StatedCoveragePercent = 90m, StatedAverage = 97.5m };
        Assert.Equal(88.025m, SummaryReviewChecker.Compute(table).CoveragePercent); // 70.42 / 80 × 100
        var findings = SummaryReviewChecker.Check(table);
        Assert.Equal(Severity.Error, findings.Single(f => f.Rule == "SR-COVERAGE").Severity);
        Assert.Equal(Severity.Error, findings.Single(f => f.Rule == "SR-AVERAGE").Severity);
    }

    [Fact]
    public void Coverage_over_100_percent_and_more_projects_than_declared_are_errors_but_rounding_is_not()
    {
        // 70.42 executed against a declared 项目支出总额 of 70: the declaration or the execution is wrong.
        var findings = SummaryReviewChecker.Check(Yiyang2021() with { UnitProjectExpenditure = 70m, UnitProjectCount = 1 });
        var exceeds = findings.Single(f => f.Rule == "SR-COVERAGE-EXCEEDS");
        Assert.Equal((Severity.Error, "100.60%", 0.42m), (exceeds.Severity, exceeds.Actual, exceeds.Difference));
        var count = findings.Single(f => f.Rule == "SR-PROJECT-COUNT");
        Assert.Equal((Severity.Error, "1", "≥ 2"), (count.Severity, count.Actual, count.Expected));

        // 70.42 against 70.41 is the 尾数误差 of two figures rounded to 0.01 万元; exactly 100% and a count to spare are fine.
        foreach (var expenditure in new[] { 70.41m, 70.42m })
            Assert.DoesNotContain(SummaryReviewChecker.Check(Yiyang2021() with { UnitProjectExpenditure = expenditure, UnitProjectCount = 5 }),
                f => f.Rule is "SR-COVERAGE-EXCEEDS" or "SR-PROJECT-COUNT");
    }

    [Fact]
    public void Seed_003_lists_sixteen_project_scores_averaging_98_69()
    {
        var report = Seeds.Import(Seeds.JingdezhenAdminService2022);
        Assert.Equal(Enumerable.Range(1, 16), report.ProjectScores.Select(p => p.Sequence));
        Assert.Equal(79.1m, report.ProjectScores[2].Score);
        Assert.Equal(99.86m, report.ProjectScores[15].Score);
        // (14 × 100 + 79.1 + 99.86) / 16 = 98.685 → 98.69 by 四舍五入 (banker's rounding would say 98.68).
        Assert.Equal(98.69m, SummaryReviewChecker.Average(report.ProjectScores.Select(p => (decimal?)p.Score)));

        var document = Seeds.Check(Seeds.JingdezhenAdminService2022).Documents.Single(d => d.Kind == ReportChecker.ScoreListKind);
        Assert.Equal(98.69m, document.Score);
        Assert.Equal(nameof(Grade.优), document.Grade);
        Assert.Empty(document.Findings); // the narrative states 98.69 too
    }
}
