using Approval.Workflow.Checking;
using Approval.Workflow.Narrative;

namespace Approval.Workflow.Tests;

/// <summary>Issue #27: the common phrasings of change, share and completion in real 情况说明, each checked; lists that are no parts of a total are not summed.</summary>
public class NarrativePhrasingTests
{
    private static IReadOnlyList<Finding> Check(string text) => NarrativeChecker.Check(text);

    [Theory]
    [InlineData("本年支出合计80万元，与上年相比减少20万元，降低25%。")] // last year 80 + 20 = 100: 20%
    [InlineData("本年支出合计120万元，同比上年度增加20万元，增加25%。")] // last year 120 − 20 = 100: 20%
    public void Change_phrasings_are_checked(string text)
    {
        var finding = Assert.Single(Check(text));
        Assert.Equal("NR-CHANGE", finding.Rule);
        Assert.Equal("20.0%", finding.Expected);
        Assert.Equal(1, NarrativeChecker.ClaimCount(text));
    }

    [Theory]
    [InlineData("本年支出合计80万元，与上年相比减少20万元，降低20%。")]
    [InlineData("本年支出合计120万元，同比上年度增加20万元，增加20%。")]
    public void Change_phrasings_that_hold_give_no_finding(string text)
    {
        Assert.Empty(Check(text));
        Assert.Equal(1, NarrativeChecker.ClaimCount(text));
    }

    [Theory]
    [InlineData("19.72", false)]
    [InlineData("29.72", true)]
    public void Shares_written_after_the_whole_with_qi_zhong_are_checked(string share, bool wrong)
    {
        var text = $"本年支出合计1664.55万元，其中：基本支出328.25万元，占{share}%；项目支出1336.30万元，占80.28%。";
        var findings = Check(text);
        Assert.Equal(wrong, findings.Any(f => f.Rule == "NR-SHARE" && f.Actual == $"{share}%"));
        Assert.DoesNotContain(findings, f => f.Actual == "80.28%");
        Assert.Equal(2, NarrativeChecker.ClaimCount(text));
    }

    [Fact]
    public void Completing_the_budget_100_percent_while_spending_beyond_it_is_caught()
    {
        var finding = Assert.Single(Check("年初预算数为100万元，决算数为110万元，完成年初预算100%。"));
        Assert.Equal("NR-COMPLETION", finding.Rule);
        Assert.Equal("110.0%", finding.Expected);
        Assert.Empty(Check("年初预算数为100万元，决算数为100万元，完成年初预算100%。"));
    }

    [Fact]
    public void Retired_staff_listed_after_the_serving_ones_are_no_part_of_their_total()
    {
        Assert.Equal(20m, Breakdowns.InClause("在职人员20人，其中行政编制15人，事业编制5人，退休人员8人")!.Sum);
        // Without the retired, a breakdown that exceeds its total is still one.
        Assert.Equal(23m, Breakdowns.InClause("在职人员20人，其中行政编制15人，事业编制8人")!.Sum);
    }
}
