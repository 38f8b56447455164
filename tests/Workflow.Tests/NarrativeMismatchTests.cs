using Approval.Workflow.Checking;
using Approval.Workflow.Import;
using Approval.Workflow.Narrative;

namespace Approval.Workflow.Tests;

/// <summary>
/// The 情况说明-against-package rules fire when one figure of seed 002 is changed — in its narrative or in its table — and
/// say by how much; the unchanged seed agrees on each of these figures (SeedNarrativeGoldenTests).
/// </summary>
public class NarrativeMismatchTests
{
    private static IReadOnlyList<Finding> PackageFindings(string text)
    {
        var report = ReportTextImporter.ReadText(text, Seeds.ShangraoBigData2021);
        return PackageNarrativeChecker.Check(report.Narrative, report.Tables, report.Forms);
    }

    /// <summary>Seed 002's text with one passage (printed exactly once) replaced.</summary>
    internal static string Seed002With(string passage, string replacement)
    {
        var text = File.ReadAllText(Seeds.PathOf(Seeds.ShangraoBigData2021));
        Assert.Equal(text.IndexOf(passage, StringComparison.Ordinal), text.LastIndexOf(passage, StringComparison.Ordinal));
        Assert.Contains(passage, text);
        return text.Replace(passage, replacement, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string, string, Severity, decimal> Changes() => new()
    {
        // 三公 in the narrative: "“三公”经费支出…决算数为 7.41 万元" against 公开07's 一、“三公”经费支出 决算数 7.11: 7.41 − 7.11 = 0.30.
        { "决算数为 7.11 万元，完成预算的 89%，决算数较 2020 年增加 5.66 万元，增长 80%，其中", "决算数为 7.41 万元，完成预算的 89%，决算数较 2020 年增加 5.66 万元，增长 80%，其中", "NT-FIGURE-TABLE", "三公", Severity.Error, 0.30m },
        // 三公 in the table: 公开07 prints 7.31; the narrative's 7.11 − 7.31 = −0.20.
        { "“三公”经费支出\t1\t8.00\t7.11", "“三公”经费支出\t1\t8.00\t7.31", "NT-FIGURE-TABLE", "三公", Severity.Error, -0.20m },
        // 机关运行经费 35.85 against 公开06's 公用经费合计 33.86: 35.85 − 33.86 = 1.99; 06's 公用经费 may differ in scope: a warning.
        { "机关运行经费支出 33.85 万元", "机关运行经费支出 35.85 万元", "NT-FIGURE-TABLE", "机关运行经费", Severity.Warning, 1.99m },
        // 公开01's 年初结转和结余 printed 297.40; the narrative's 277.4 − 297.40 = −20.00.
        { "年初结转和结余\t29\t277.40", "年初结转和结余\t29\t297.40", "NT-FIGURE-TABLE", "年初结转和结余", Severity.Error, -20.00m },
        // 智能化维保 "执行数为205万元" against its 自评表's 全年执行数 215: 205 − 215 = −10 (its 97.7% still matches the form's 215 ÷ 220).
        { "执行数为215万元", "执行数为205万元", "NT-PROJECT-FUNDS", "智能化维保", Severity.Error, -10m },
        // 赣服通 "全年预算数为443万元" against its 自评表's 全年预算数 428: 443 − 428 = 15 (its 75% is the form's 321 ÷ 428).
        { "全年预算数为428万元", "全年预算数为443万元", "NT-PROJECT-FUNDS", "赣服通", Severity.Error, 15m },
        // "全年购置公务用车 2 辆" against 公开07's 3.公务用车购置数（辆） 决算数 0: 2 − 0 = 2.
        { "全年购置公务用车 0 辆", "全年购置公务用车 2 辆", "NT-VEHICLES", "公务用车购置数", Severity.Error, 2m },
    };

    [Theory, MemberData(nameof(Changes))]
    public void One_figure_changed_gives_one_finding_with_its_difference(string passage, string replacement, string rule, string where, Severity severity, decimal difference)
    {
        var before = PackageFindings(Seed002With(passage, passage)).Where(f => f.Rule == rule).Select(f => f.Message).ToHashSet();
        var added = PackageFindings(Seed002With(passage, replacement)).Where(f => f.Rule == rule && !before.Contains(f.Message)).ToList();
        var finding = Assert.Single(added);
        Assert.Equal((severity, difference), (finding.Severity, finding.Difference!.Value));
        Assert.Contains(where, finding.Location.Row + finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_004s_vehicle_count_against_its_table_10()
    {
        // "截止 2023 年 12 月 31 日，本部门共有车辆 0 辆（台）" agrees with 公开10's 车辆数合计 0; stated as 3 it is off by 3.
        var text = File.ReadAllText(Seeds.PathOf(Seeds.GanzhouRongjiang2023));
        Assert.Contains("本部门共有车辆 0 辆", text);
        var report = ReportTextImporter.ReadText(text.Replace("本部门共有车辆 0 辆", "本部门共有车辆 3 辆", StringComparison.Ordinal), Seeds.GanzhouRongjiang2023);
        var finding = Assert.Single(PackageNarrativeChecker.Check(report.Narrative, report.Tables, report.Forms), f => f.Rule == "NT-VEHICLES");
        Assert.Equal((Severity.Error, 3m), (finding.Severity, finding.Difference!.Value));
    }
}
