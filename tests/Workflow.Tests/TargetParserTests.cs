using System.Globalization;
using Approval.Workflow.SelfEvaluation;

namespace Approval.Workflow.Tests;

public class TargetParserTests
{
    [Theory]
    [InlineData("≥95%", TargetKind.Positive, "95", "%")]
    [InlineData("≥95%以上", TargetKind.Positive, "95", "%")]
    [InlineData("≤5000元", TargetKind.Negative, "5000", "元")]
    [InlineData("≥32个", TargetKind.Positive, "32", "个")]
    [InlineData("≥10 次", TargetKind.Positive, "10", "次")]
    [InlineData("高达 99%", TargetKind.Positive, "99", "%")]
    [InlineData("提高了 50%", TargetKind.Positive, "50", "%")]
    [InlineData("每周巡检次数不少于2次", TargetKind.Positive, "2", "次")]
    [InlineData("全年至少保障180次", TargetKind.Positive, "180", "次")]
    [InlineData("运维人员不少于5人", TargetKind.Positive, "5", "人")]
    [InlineData("节约各类开支不少于200万元", TargetKind.Positive, "200", "万元")]
    [InlineData("投诉率不超过3%", TargetKind.Negative, "3", "%")]
    [InlineData("响应时间控制在30分钟以内", TargetKind.Negative, "30", "分钟")]
    [InlineData("95%以上", TargetKind.Positive, "95", "%")]
    [InlineData("不低于1,000个", TargetKind.Positive, "1000", "个")]
    public void Reads_direction_value_and_unit(string text, TargetKind kind, string value, string unit)
    {
        var parsed = TargetParser.Parse(text);
        Assert.Equal(kind, parsed.Kind);
        Assert.Equal(decimal.Parse(value, CultureInfo.InvariantCulture), parsed.Value);
        Assert.Equal(unit, parsed.Unit);
        Assert.Null(parsed.Note);
    }

    [Theory]
    [InlineData("100%", "100")]
    [InlineData("10", "10")]
    [InlineData("概算为200万元", "200")]
    public void A_bare_number_is_read_as_positive_with_a_note(string text, string value)
    {
        var parsed = TargetParser.Parse(text);
        Assert.Equal(TargetKind.Positive, parsed.Kind);
        Assert.Equal(decimal.Parse(value, CultureInfo.InvariantCulture), parsed.Value);
        Assert.NotNull(parsed.Note);
    }

    [Theory]
    [InlineData("三级")]
    [InlineData("时限内完成故障修复")]
    [InlineData("设备运行良好,无故障")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("\u0000\u0001<script>")]
    public void Text_without_figures_is_qualitative_and_never_throws(string? text)
    {
        var parsed = TargetParser.Parse(text);
        Assert.Equal(TargetKind.Qualitative, parsed.Kind);
        Assert.Null(parsed.Value);
    }

    [Theory]
    [InlineData("=", "100", "%", TargetKind.Positive)]
    [InlineData("≥", "95", "%", TargetKind.Positive)]
    [InlineData("≤", "5000", "元", TargetKind.Negative)]
    [InlineData("定性", "优良", null, TargetKind.Qualitative)]
    public void Explicit_nature_and_unit_columns_win_over_the_text(string nature, string target, string? unit, TargetKind kind)
    {
        var parsed = TargetParser.Parse(target, nature, unit);
        Assert.Equal(kind, parsed.Kind);
        if (kind != TargetKind.Qualitative)
        {
            Assert.Equal(decimal.Parse(target, CultureInfo.InvariantCulture), parsed.Value);
            Assert.Equal(unit, parsed.Unit);
        }
    }

    [Theory]
    [InlineData("每周巡检次数3次", "3")]
    [InlineData("全年保障会议次数超过200次", "200")]
    [InlineData("99%", "99")]
    [InlineData("3689", "3689")]
    public void Reads_the_first_figure_of_an_actual_value(string actual, string value) =>
        Assert.Equal(decimal.Parse(value, CultureInfo.InvariantCulture), TargetParser.FirstNumber(actual)!.Value);

    [Fact]
    public void An_actual_without_figures_has_no_number() => Assert.Null(TargetParser.FirstNumber("基本达成目标"));

    [Theory]
    [InlineData("123456789012345678901234567890123456789次")]
    [InlineData("≥99999999999999999999999999999999")]
    public void A_digit_string_beyond_any_figure_is_no_number_and_scoring_does_not_fail(string text)
    {
        Assert.Null(TargetParser.FirstNumber(text));
        var row = new Approval.Workflow.SelfEvaluation.IndicatorRow { LevelOne = "产出", LevelTwo = "数量", Name = "超长数字", Target = text, Actual = text, Weight = 10, StatedScore = 10 };
        var (score, _) = IndicatorScorer.Score(row, 0, Approval.Workflow.Templates.QualitativeTiers.Ministry, new Approval.Workflow.Checking.FindingLocation("测试"));
        Assert.Equal(10m, score.Counted);
    }
}
