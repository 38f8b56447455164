using Approval.Workflow.Checking;
using Approval.Workflow.Import;

namespace Approval.Workflow.Tests;

/// <summary>
/// Issue #27: every input gets a verdict about what was read; a table no reader took is RD-UNREAD-TABLE and exit code 2;
/// "未发现问题" only for something read and checked.
/// </summary>
public class NeverASilentPassTests
{
    private static CheckReport Check(string text) => ReportChecker.Check(ReportTextImporter.ReadText(text, "input.txt"));

    private static int Exit(string text) => CheckReportFormatter.ExitCode(Check(text));

    [Theory]
    [InlineData("2022年度“三公”经费支出情况表\n项目 | 预算数 | 决算数\n合 计 | 12.50 | 10.20\n1.因公出国（境）费 | 0 | 0\n2.公务接待费 | 4.50 | 3.20\n")] // pipes, an unofficial title
    [InlineData("三公经费统计表\n项目    预算数    决算数\n合计    12.50    10.20\n公务接待费    4.50    3.20\n")] // runs of spaces
    [InlineData("部门支出明细表\n项目\t金额\t占比\n基本支出\t120.5\t60%\n项目支出\t80.3\t40%\n")] // tabs
    [InlineData("附表\n项目\n预算数\n决算数\n合计\n12.50\n10.20\n公务接待费\n4.50\n3.20\n")] // one cell per line
    public void A_table_no_reader_takes_is_a_finding_and_exit_code_2(string text)
    {
        var report = Check(text);
        var unread = Assert.Single(report.Documents, d => d.Kind == UnreadTables.Kind);
        Assert.All(unread.Findings, f => Assert.Equal(UnreadTables.Rule, f.Rule));
        Assert.Equal(2, CheckReportFormatter.ExitCode(report));
        var printed = CheckReportFormatter.ToText(report);
        Assert.Contains("有未能识别的表格", printed);
        Assert.Contains("RD-UNREAD-TABLE", CheckReportFormatter.ToJson(report));
    }

    [Fact]
    public void Prose_with_figures_but_nothing_checkable_is_read_not_checked()
    {
        var report = Check("本单位2023年度决算收入合计100.00万元，主要用于日常运转。");
        Assert.True(report.NothingChecked);
        Assert.Equal(2, CheckReportFormatter.ExitCode(report));
        var printed = CheckReportFormatter.ToText(report);
        Assert.DoesNotContain("未发现问题", printed);
        Assert.Contains("未核对", printed);
    }

    [Fact]
    public void A_checked_statement_that_holds_is_a_clean_pass()
    {
        var report = Check("本部门 2023 年度本年收入合计 1112.22 万元，比上年增加 563.46 万元，增长 102.68%。");
        Assert.Equal(0, CheckReportFormatter.ExitCode(report));
        var narrative = Assert.Single(report.Documents);
        Assert.Equal(1, narrative.Checked);
        Assert.Contains("未发现问题", CheckReportFormatter.ToText(report));
        Assert.Contains("核对了完成率、增减幅度、占比的表述 1 处", narrative.Reading);
    }

    [Theory]
    [InlineData("绩效目标自评表")]
    [InlineData("项目绩效自评表")]
    [InlineData("部门预算项目支出绩效自评表（2023年度）")]
    [InlineData("项目支出绩效自评表（附件2）")]
    [InlineData("附件2：2023年度项目支出绩效自评表")]
    public void Every_title_of_the_family_is_read_as_a_project_form(string title)
    {
        var text = BadInputTests.Form().Replace("项目支出绩效自评表 (2024年度)", title, StringComparison.Ordinal);
        var report = Check(text);
        var form = Assert.Single(report.Documents, d => d.Kind == ReportChecker.FormKind);
        Assert.StartsWith("资金 1 行、绩效指标 3 行；指标列按位置（标准表头）：一级指标、二级指标、三级指标、年度指标值", form.Reading);
        Assert.DoesNotContain(report.Documents, d => d.Kind == UnreadTables.Kind);
        Assert.Equal(0, CheckReportFormatter.ExitCode(report));
    }

    [Fact]
    public void The_overall_form_is_not_taken_for_a_project_form()
    {
        var text = BadInputTests.Form().Replace("项目支出绩效自评表 (2024年度)", "部门整体支出绩效自评表", StringComparison.Ordinal);
        Assert.DoesNotContain(Check(text).Documents, d => d.Kind == ReportChecker.FormKind);
        Assert.NotEqual(0, Exit(text));
    }

    [Theory]
    [InlineData("72.5", false)]
    [InlineData("75.5", true)]
    public void A_rate_table_of_an_evaluation_report_is_read_by_its_header_words(string rate, bool wrong)
    {
        var report = Check($"项目预算和实际支出情况如表 1 所示：\n项目\t预算金额（万）\t实际出资额（万）\t预算执行率（%）\t备注\n“赣服通”上饶分厅 4.0 版\t443\t321\t{rate}\t\n");
        Assert.DoesNotContain(report.Documents, d => d.Kind == UnreadTables.Kind);
        var narrative = Assert.Single(report.Documents);
        Assert.Contains("预算执行表 1 行", narrative.Reading);
        Assert.Equal(wrong, narrative.Findings.Any(f => f.Rule == "NR-TABLE-RATE"));
        Assert.Equal(wrong ? 1 : 0, CheckReportFormatter.ExitCode(report));
    }

    [Theory]
    [InlineData(Seeds.ShangraoGovService2021)]
    [InlineData(Seeds.YiyangGovService2021)]
    [InlineData(Seeds.ShangraoBigData2021)]
    [InlineData(Seeds.JingdezhenAdminService2022)]
    [InlineData(Seeds.GanzhouRongjiang2023)]
    public void The_seeds_are_read_whole_and_keep_their_exit_code(string seed)
    {
        var report = Seeds.Check(seed);
        Assert.DoesNotContain(report.Documents, d => d.Kind == UnreadTables.Kind);
        Assert.All(report.Documents.Where(d => d.Kind != ReportChecker.TableKind), d => Assert.NotEqual("", d.Reading));
        Assert.Equal(1, CheckReportFormatter.ExitCode(report)); // each holds real mistakes
    }

    [Theory]
    [InlineData("\t")]
    [InlineData("  ")]
    public void A_three_public_table_without_line_numbers_is_read_by_its_labels(string separator)
    {
        string Row(params string[] cells) => string.Join(separator, cells);
        var text = string.Join("\n",
            "财政拨款“三公”经费支出决算表",
            Row("项目", "年初预算数", "决算数"),
            Row("合 计", "12.50", "10.20"),
            Row("1.因公出国（境）费", "0.00", "0.00"),
            Row("2.公务用车购置及运行维护费", "8.00", "7.00"),
            Row("（1）公务用车购置费", "0.00", "0.00"),
            Row("（2）公务用车运行维护费", "8.00", "7.00"),
            Row("3.公务接待费", "4.50", "3.20"),
            Row("其中：国内接待费", "4.50", "3.20"),
            Row("国（境）外接待费", "0.00", "0.00"));
        var report = Check(text);
        var table = Assert.Single(report.Documents, d => d.Kind == ReportChecker.TableKind);
        Assert.Equal("8 行", table.Reading);
        Assert.DoesNotContain(report.Documents, d => d.Kind == UnreadTables.Kind);
        Assert.Equal(0, CheckReportFormatter.ExitCode(report));
        // 合计 10.20 against 0 + 7.00 + 3.20: holds; made 11.20 it is DT3G-TOTAL.
        var wrong = Check(text.Replace(Row("合 计", "12.50", "10.20"), Row("合 计", "12.50", "11.20"), StringComparison.Ordinal));
        Assert.Contains(wrong.Documents.SelectMany(d => d.Findings), f => f.Rule == "DT3G-TOTAL" && f.Severity == Severity.Error);
    }

    [Fact]
    public void A_three_public_row_with_an_unknown_label_and_no_line_number_is_unread_not_ignored()
    {
        var text = "财政拨款“三公”经费支出决算表\n项目\t年初预算数\t决算数\n合 计\t12.50\t10.20\n会议费\t1.00\t1.00\n";
        var report = Check(text);
        Assert.Contains(report.Documents, d => d.Kind == UnreadTables.Kind && d.Findings.Any(f => f.Message.Contains("会议费", StringComparison.Ordinal) || f.Message.Contains("第 4 行", StringComparison.Ordinal)));
        Assert.Equal(2, CheckReportFormatter.ExitCode(report));
    }
}
