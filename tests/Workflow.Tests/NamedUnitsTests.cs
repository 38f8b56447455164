using Approval.Workflow.Import;

namespace Approval.Workflow.Tests;

/// <summary>The units a report names, and whether one of them is the importing account's unit.</summary>
public class NamedUnitsTests
{
    [Fact]
    public void Seed_001_is_named_by_its_title_for_弋阳县政务服务中心_and_is_not_上饶市大数据发展管理局()
    {
        var report = Seeds.Import(Seeds.YiyangGovService2021);
        Assert.Equal(new NamedUnit("弋阳县政务服务中心", "报告标题"), NamedUnits.In(report)[0]);
        Assert.Null(NamedUnits.OtherThan(report, "弋阳县政务服务中心"));
        Assert.Equal("弋阳县政务服务中心", NamedUnits.OtherThan(report, "上饶市大数据发展管理局")?.Name);
    }

    [Fact]
    public void Seed_002_names_大数据发展管理局_the_shortened_name_of_上饶市大数据发展管理局()
    {
        var report = Seeds.Import(Seeds.ShangraoBigData2021);
        Assert.Equal(new NamedUnit("大数据发展管理局", "报告标题"), NamedUnits.In(report)[0]); // "# 大数据发展管理局 2021 年度部门决算", as its tables' 编制单位
        Assert.Contains(NamedUnits.In(report), n => n.Name == "上饶市大数据发展管理局" && n.Where.StartsWith("实施单位（自评表", StringComparison.Ordinal));
        Assert.Null(NamedUnits.OtherThan(report, "上饶市大数据发展管理局"));
        Assert.Equal("大数据发展管理局", NamedUnits.OtherThan(report, "弋阳县政务服务中心")?.Name);
    }

    [Theory]
    [InlineData("上饶市大数据发展管理局", "大数据发展管理局", true)]
    [InlineData("上饶市大数据发展管理局", "上饶市 大数据发展管理局", true)]
    [InlineData("弋阳县政务服务中心", "上饶市政务服务中心", false)] // the same kind of office in another place is another unit
    [InlineData("上饶市政务服务管理局", "弋阳县政务服务中心", false)]
    [InlineData("上饶市大数据发展管理局", "管理局", false)] // too short to name anyone
    public void A_unit_is_named_by_its_full_name_or_its_ending(string account, string named, bool same) =>
        Assert.Equal(same, NamedUnits.IsSameUnit(account, named));

    [Fact]
    public void Seed_004_names_赣州蓉江新区政务服务中心_in_its_title()
    {
        var report = Seeds.Import(Seeds.GanzhouRongjiang2023);
        Assert.Equal(new NamedUnit("赣州蓉江新区政务服务中心", "报告标题"), NamedUnits.In(report)[0]);
        Assert.NotNull(NamedUnits.OtherThan(report, "上饶市大数据发展管理局"));
    }
}
