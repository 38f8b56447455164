using Approval.Workflow.Checking;
using Approval.Workflow.Import;

namespace Approval.Workflow.Tests;

/// <summary>
/// The constructed examples of docs/rules.md ("seed 002's … changed to … → finding"): each changes one figure of seed 002 and the
/// rule named fires, an error, by the difference the docs state — so the docs and the engine cannot drift apart.
/// </summary>
public class DocumentedExampleTests
{
    public static TheoryData<string, string, string, decimal> Seed002Examples() => new()
    {
        // 公开01 本年收入合计 1,387.15 → 1,397.15: its lines add to 1,387.15; 1,397.15 + 0.00 + 277.40 = 1,674.55 ≠ 总计 1,664.55;
        // 02's 合计 1,387.15 ≠ 01's 本年收入合计.
        { "本年收入合计\t27\t1,387.15\t本年支出合计", "本年收入合计\t27\t1,397.15\t本年支出合计", "DT01-INCOME-SUM", 10m },
        { "本年收入合计\t27\t1,387.15\t本年支出合计", "本年收入合计\t27\t1,397.15\t本年支出合计", "DT01-INCOME-TOTAL", 10m },
        { "本年收入合计\t27\t1,387.15\t本年支出合计", "本年收入合计\t27\t1,397.15\t本年支出合计", "DTX-02-01", 10m },
        // 公开01 年末结转和结余 0.00 → 5.00: 1,664.55 + 0.00 + 5.00 = 1,669.55 ≠ 总计 1,664.55.
        { "年末结转和结余\t60\t0.00", "年末结转和结余\t60\t5.00", "DT01-EXPENSE-TOTAL", 5m },
        // 公开01 支出方总计 1,664.55 → 1,674.55: ≠ 收入方总计 1,664.55.
        { "<b>总计</b>\t<b>31</b>\t<b>1,664.55</b>\t<b>总计</b>\t<b>62</b>\t<b>1,664.55</b>", "<b>总计</b>\t<b>31</b>\t<b>1,664.55</b>\t<b>总计</b>\t<b>62</b>\t<b>1,674.55</b>", "DT01-BALANCE", 10m },
        // 公开03 2010401 行政运行 本年支出合计 328.25 → 338.25: 基本 328.25 + 项目 0.00 + … = 328.25.
        { "2010401\t行政运行\t328.25\t328.25\t0.00\t0.00\t0.00\t0.00", "2010401\t行政运行\t338.25\t328.25\t0.00\t0.00\t0.00\t0.00", "DT-ROW-SUM", 10m },
        // 公开03 合计 本年支出合计 1,664.55 → 1,674.55: ≠ 01's 本年支出合计 1,664.55.
        { "\t合计\t1,664.55\t328.25\t1,336.30", "\t合计\t1,674.55\t328.25\t1,336.30", "DTX-03-01", 10m },
        // 公开04 本年收入合计 1,387.15 → 1,397.15: its lines 1,387.15 + 0.00 + 0.00; 1,397.15 + 277.40 ≠ 总计 1,664.55.
        { "<b>本年收入合计</b>\t<b>27</b>\t<b>1,387.15</b>", "<b>本年收入合计</b>\t<b>27</b>\t<b>1,397.15</b>", "DT04-INCOME-SUM", 10m },
        { "<b>本年收入合计</b>\t<b>27</b>\t<b>1,387.15</b>", "<b>本年收入合计</b>\t<b>27</b>\t<b>1,397.15</b>", "DT04-INCOME-TOTAL", 10m },
        // 公开04 一、一般公共预算财政拨款 1,387.15 → 1,397.15: ≠ 01's 一、一般公共预算财政拨款收入 1,387.15.
        { "一、一般公共预算财政拨款\t1\t1,387.15", "一、一般公共预算财政拨款\t1\t1,397.15", "DTX-04-01", 10m },
        // 公开04 一、一般公共服务支出 小计 328.25 → 338.25: ≠ 328.25 + 0.00 + 0.00; the 小计 column's lines add to 1,674.55 ≠ 1,664.55.
        { "一、一般公共服务支出\t33\t328.25\t328.25\t0.00\t0.00", "一、一般公共服务支出\t33\t338.25\t328.25\t0.00\t0.00", "DT04-ROW-SUM", 10m },
        { "一、一般公共服务支出\t33\t328.25\t328.25\t0.00\t0.00", "一、一般公共服务支出\t33\t338.25\t328.25\t0.00\t0.00", "DT04-EXPENSE-SUM", 10m },
        // 公开04 年末财政拨款结转和结余 0.00 → 5.00 (小计 and 一般公共预算): 1,664.55 + 5.00 ≠ 总计 1,664.55.
        { "年末财政拨款结转和结余\t60\t0.00\t0.00", "年末财政拨款结转和结余\t60\t5.00\t5.00", "DT04-EXPENSE-TOTAL", 5m },
        // 公开04 收入方总计 1,664.55 → 1,674.55: ≠ 支出方总计 1,664.55.
        { "<b>总计</b>\t<b>32</b>\t<b>1,664.55</b>", "<b>总计</b>\t<b>32</b>\t<b>1,674.55</b>", "DT04-BALANCE", 10m },
        // 公开05 合计 本年支出合计 1,664.55 → 1,674.55: ≠ 04's 本年支出合计 一般公共预算财政拨款 1,664.55.
        { "合计\t\t\t1,664.55\t328.25\t1,336.30", "合计\t\t\t1,674.55\t328.25\t1,336.30", "DTX-05-04", 10m },
        // 公开06 人员经费合计 294.39 → 304.39: 301 281.27 + 303 13.12 = 294.39; 304.39 + 33.86 ≠ 05's 基本支出 328.25.
        { "人员经费合计\t\t294.39", "人员经费合计\t\t304.39", "DT06-PERSONNEL", 10m },
        { "人员经费合计\t\t294.39", "人员经费合计\t\t304.39", "DTX-06-05", 10m },
        // 公开06 公用经费合计 33.86 → 43.86: 302 33.65 + 307 0 + 310 0.20 + 312 0 + 399 0 = 33.85.
        { "公用支出合计\t\t\t\t\t\t33.86", "公用支出合计\t\t\t\t\t\t43.86", "DT06-PUBLIC", 10.01m },
        // 公开07 一、“三公”经费支出 决算数 7.11 → 9.11: 出国 0.00 + 公务用车 0.00 + 接待 7.11 = 7.11.
        { "一、“三公”经费支出\t1\t8.00\t7.11", "一、“三公”经费支出\t1\t8.00\t9.11", "DT3G-TOTAL", 2m },
        // 公开07 3.公务接待费 决算数 7.11 → 9.11: 国内 7.11 + 国（境）外 0.00 = 7.11.
        { "3.公务接待费\t6\t8.00\t7.11", "3.公务接待费\t6\t8.00\t9.11", "DT3G-RECEPTION", 2m },
        // 公开07 （1）公务用车购置费 决算数 0.00 → 1.00: 2.公务用车购置及运行维护费 0.00 ≠ 1.00 + 0.00.
        { "（1）公务用车购置费\t4\t0.00\t0.00", "（1）公务用车购置费\t4\t0.00\t1.00", "DT3G-CARS", 1m },
        // 公开10 车辆数合计 1 → 2: its lines hold one 特种专业技术用车.
        { "一、车辆数合计(台、辆)\t\t1\t1", "一、车辆数合计(台、辆)\t\t1\t2", "DT10-VEHICLES", 1m },
    };

    private static List<Finding> All(string text) =>
        [.. ReportChecker.Check(ReportTextImporter.ReadText(text, Seeds.ShangraoBigData2021)).Documents.SelectMany(d => d.Findings)];

    [Theory, MemberData(nameof(Seed002Examples))]
    public void Seed_002_with_one_figure_changed_fires_the_documented_rule(string passage, string replacement, string rule, decimal difference)
    {
        var before = All(NarrativeMismatchTests.Seed002With(passage, passage)).Select(f => f.Message).ToHashSet();
        var added = All(NarrativeMismatchTests.Seed002With(passage, replacement)).Where(f => f.Rule == rule && !before.Contains(f.Message)).ToList();
        Assert.NotEmpty(added);
        Assert.All(added, f => Assert.Equal(Severity.Error, f.Severity));
        Assert.Contains(difference, added.Select(f => Math.Abs(f.Difference ?? 0)));
    }
}
