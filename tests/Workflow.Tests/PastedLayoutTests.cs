using Approval.Workflow.Checking;
using Approval.Workflow.Import;

namespace Approval.Workflow.Tests;

/// <summary>
/// Issue #27: a 自评表 or a 公开表 copied from a web page arrives with its cells separated by pipes or runs of spaces: it reads
/// as its tab layout does. Built from the seeds' own tables, re-laid out; where spaces leave a row short of cells (an empty
/// cell leaves no trace), the table is named unread, never guessed at.
/// </summary>
public class PastedLayoutTests
{
    private static string Text(string seed) => File.ReadAllText(Seeds.PathOf(seed)).Replace("\r\n", "\n");

    /// <summary>Every tab-separated row as a Markdown-style pipe row: an empty cell keeps its place.</summary>
    internal static string Pipes(string text) =>
        string.Join("\n", text.Split('\n').Select(l => l.Contains('\t') ? "| " + string.Join(" | ", l.Split('\t').Select(c => c.Trim())) + " |" : l));

    /// <summary>Every tab-separated row with its cells separated by runs of spaces: empty cells leave no trace.</summary>
    internal static string Spaces(string text) =>
        string.Join("\n", text.Split('\n').Select(l => l.Contains('\t') ? string.Join("   ", l.Split('\t').Select(c => c.Trim()).Where(c => c.Length > 0)) : l));

    private static CheckReport Check(string text) => ReportChecker.Check(ReportTextImporter.ReadText(text, "pasted.txt"));

    /// <summary>What a check says of each document, in a form two runs can be compared by.</summary>
    private static List<string> Verdicts(CheckReport report, Func<CheckedDocument, bool>? which = null) =>
        [.. report.Documents.Where(which ?? (_ => true)).Select(d => $"{d.Kind}｜{d.Title}｜{d.Score}｜{d.Grade}｜{d.Reading}｜"
            + string.Join("；", d.Findings.Select(f => $"{f.Rule}/{f.Severity}/{f.Expected}/{f.Actual}/{f.Message}")))];

    [Theory]
    [InlineData(Seeds.ShangraoBigData2021)]
    [InlineData(Seeds.GanzhouRongjiang2023)]
    public void A_seed_pasted_with_pipes_reads_exactly_as_its_tab_layout(string seed)
    {
        var text = Text(seed);
        var pasted = Pipes(text);
        Assert.NotEqual(text, pasted);
        var tabs = Check(text);
        Assert.Equal(Verdicts(tabs), Verdicts(Check(pasted)));
        Assert.Contains(tabs.Documents, d => d.Kind == ReportChecker.FormKind);
        Assert.Contains(tabs.Documents, d => d.Kind == ReportChecker.TableKind && d.Checked > 0);
    }

    [Fact]
    public void Markdown_rule_rows_and_pipes_of_other_shapes_read_the_same()
    {
        var text = Text(Seeds.ShangraoBigData2021);
        // "│" and "｜" as a web page's table borders, a |---|---| rule after each header row.
        var pasted = string.Join("\n", text.Split('\n').Select(l => l.Contains('\t')
            ? "｜" + string.Join("│", l.Split('\t')) + "｜" + (l.StartsWith("一级指标", StringComparison.Ordinal) ? "\n|---|---|---|---|---|---|---|---|" : "")
            : l));
        Assert.Equal(Verdicts(Check(text)).Where(v => !v.StartsWith(ReportChecker.NarrativeKind, StringComparison.Ordinal)),
            Verdicts(Check(pasted)).Where(v => !v.StartsWith(ReportChecker.NarrativeKind, StringComparison.Ordinal)));
    }

    [Fact]
    public void Seed_002_pasted_with_runs_of_spaces_reads_exactly_as_its_tab_layout()
    {
        // Seed 002 prints every figure (0.00, not blank): no row is short of cells, so nothing is ambiguous.
        var text = Text(Seeds.ShangraoBigData2021);
        Assert.Equal(Verdicts(Check(text)), Verdicts(Check(Spaces(text))));
    }

    [Fact]
    public void Seed_004_pasted_with_runs_of_spaces_reads_its_forms_and_names_the_tables_whose_blank_cells_left_no_trace()
    {
        var text = Text(Seeds.GanzhouRongjiang2023);
        var tabs = Check(text);
        var spaces = Check(Spaces(text));
        // The 自评表 (their blanks are trailing or level cells), 公开01 and 公开06 (code, name, amount: a blank amount is told by the next code) read the same.
        bool Same(CheckedDocument d) => d.Kind == ReportChecker.FormKind || d.Title.StartsWith("公开01表", StringComparison.Ordinal) || d.Title.StartsWith("公开06表", StringComparison.Ordinal);
        Assert.Equal(2, Verdicts(tabs, d => d.Kind == ReportChecker.FormKind).Count);
        Assert.Equal(Verdicts(tabs, Same), Verdicts(spaces, Same));
        // 公开02/03/04/05/09 leave figures blank: "461.71 461.71" under seven columns could be any two. Not guessed, not checked on
        // the rows that could be read (partial sums would be false alarms): named, exit 2.
        foreach (var number in new[] { "02", "03", "04", "05", "09" })
            Assert.Equal(0, Assert.Single(spaces.Documents, d => d.Title.StartsWith($"公开{number}表", StringComparison.Ordinal)).Checked);
        var unread = spaces.Documents.Where(d => d.Kind == UnreadTables.Kind).SelectMany(d => d.Findings).ToList();
        Assert.Equal(5, unread.Count);
        Assert.Contains(unread, f => f.Message.Contains("「收入决算表」中 26 行以空格分列且少于表格的列数", StringComparison.Ordinal));
        Assert.All(unread, f => Assert.Contains("整张表未核对", f.Message));
        Assert.DoesNotContain(spaces.Documents.Where(d => d.Kind == ReportChecker.TableKind).SelectMany(d => d.Findings), f => f.Severity == Severity.Error);
        Assert.Equal(2, CheckReportFormatter.ExitCode(spaces));
    }

    private const string SmallForm = """
        项目支出绩效自评表
        （2023年度）
        项目名称	测试项目		实施单位	测试单位
        主管部门	测试部门		实施单位	测试单位
        项目资金(万元)	年初预算数	全年预算数	全年执行数	分值	执行率	得分
        年度资金总额:	100	100	90	10	90.00%	9
        其中:当年财政拨款	100	100	90	10	90.00%	9
        上年结转资金
        一级指标	二级指标	三级指标	年度指标值	实际完成值	分值	得分	偏差原因分析及改进措施
        产出指标	数量指标	完成事项	≥10个	8个	50	40	2
        效益指标	社会效益指标	群众受益	有效提升	有效提升	30	30
        满意度指标	服务对象满意度指标	群众满意率	≥90%	95%	10	10
        总分					100	89
        """;

    [Theory]
    [InlineData("tabs")]
    [InlineData("pipes")]
    [InlineData("spaces")]
    public void A_figure_alone_under_the_seeds_deviation_header_is_not_the_score_in_any_layout(string layout)
    {
        var text = layout switch { "pipes" => Pipes(SmallForm), "spaces" => Spaces(SmallForm), _ => SmallForm };
        var report = ReportTextImporter.ReadText(text, "form.txt");
        var form = Assert.Single(report.Forms);
        var first = form.Indicators[0];
        Assert.Equal(50m, first.Weight);
        Assert.Equal(40m, first.StatedScore);
        Assert.Equal("8个", first.Actual);
        Assert.Equal("2", first.Deviation);
        Assert.Equal([50m, 30m, 10m], form.Indicators.Select(i => i.Weight));
        Assert.Equal(2, form.Funds.SubRows.Count);
    }

    [Fact]
    public void A_spaced_form_under_a_header_read_by_its_words_places_continuation_rows_by_their_level_names()
    {
        var text = Spaces("""
            绩效目标自评表
            项目名称	测试项目		实施单位	测试单位
            项目资金(万元)	全年预算数	全年执行数	执行率	权重	得分
            年度资金总额:	100	90	90.00%	10	9
            一级指标	二级指标	三级指标	指标性质	指标值	实际值	权重	得分	偏差原因分析
            产出指标	数量指标	完成事项	≥	10个	12个	30	30
            			定性	有效	有效	20	20
            		新增服务	≥	5项	4项	10	8	受疫情影响
            效益指标	社会效益指标	群众受益	定性	有效提升	有效提升	30	30
            满意度指标	服务对象满意度指标	群众满意率	≥	90%	95%	10	10
            总分						100	98
            """);
        var report = ReportTextImporter.ReadText(text, "form.txt");
        // The second row lost its name cell too: it cannot be placed, and says so.
        var form = Assert.Single(report.Forms);
        Assert.Equal(["完成事项", "新增服务", "群众受益", "群众满意率"], form.Indicators.Select(i => i.Name));
        Assert.Equal(8m, form.Indicators[1].StatedScore);
        Assert.Equal("受疫情影响", form.Indicators[1].Deviation);
        Assert.Equal("产出", form.Indicators[1].LevelOne);
        Assert.Equal(10m, form.Funds.Weight);
        var unread = Assert.Single(report.Issues, i => i.UnreadTable);
        Assert.Contains("第 7 行", unread.Message);
        Assert.Equal(2, CheckReportFormatter.ExitCode(ReportChecker.Check(report)));
    }

    [Fact]
    public void A_spaced_funds_total_short_of_a_figure_is_refused_by_name()
    {
        var text = Spaces(SmallForm.Replace("年度资金总额:\t100\t100\t90", "年度资金总额:\t\t100\t90", StringComparison.Ordinal));
        var report = ReportTextImporter.ReadText(text, "form.txt");
        Assert.Empty(report.Forms);
        Assert.Contains(report.Issues, i => i.Fatal && i.Message.Contains("以空格分列的「年度资金总额」只有 5 个数", StringComparison.Ordinal));
        Assert.Equal(2, CheckReportFormatter.ExitCode(ReportChecker.Check(report)));
    }

    [Theory]
    [InlineData("收入支出决算总表 公开01表")]
    [InlineData("公开01表 收入支出决算总表")]
    [InlineData("公开01表　收入支出决算总表")]
    [InlineData("收入支出决算总表（公开01表）")]
    [InlineData("| 收入支出决算总表 公开01表 | | |")]
    [InlineData("收入支出决算总表\t公开01表")]
    [InlineData("### 收入支出决算总表  公开01表")]
    public void A_title_on_the_same_row_as_its_table_number_is_recognised(string titleRow)
    {
        var text = Text(Seeds.ShangraoBigData2021);
        var tabs = Check(text);
        var retitled = Check(text.Replace("### 收入支出决算总表\n", titleRow + "\n", StringComparison.Ordinal));
        bool IsSummary(CheckedDocument d) => d.Title.StartsWith("公开01表", StringComparison.Ordinal);
        var table = Assert.Single(retitled.Documents, IsSummary);
        Assert.True(table.Checked > 40, table.Reading);
        Assert.Equal(Verdicts(tabs, IsSummary), Verdicts(retitled, IsSummary));
        Assert.DoesNotContain(retitled.Documents, d => d.Kind == UnreadTables.Kind);
    }

    [Fact]
    public void The_seed_three_public_table_one_cell_per_line_is_read_whole_and_refused_when_a_blank_dropped_a_cell()
    {
        var text = Text(Seeds.ShangraoBigData2021);
        var start = text.IndexOf("## 一般公共预算财政拨款“三公”经费支出决算表\n", StringComparison.Ordinal);
        var end = text.IndexOf("\n注", start, StringComparison.Ordinal);
        var table = text[start..end];
        static string OnePerLine(string t) => string.Join("\n", t.Split('\n').SelectMany(l => l.Split('\t')).Select(c => c.Trim()).Where(c => c.Length > 0));
        bool IsThreePublic(CheckedDocument d) => d.Title.StartsWith("公开07表", StringComparison.Ordinal);
        var tabs = Check(table);
        var lines = Check(OnePerLine(table));
        Assert.Equal(20, Assert.Single(tabs.Documents, IsThreePublic).Checked);
        Assert.Equal(Verdicts(tabs, IsThreePublic), Verdicts(lines, IsThreePublic));
        Assert.DoesNotContain(lines.Documents, d => d.Kind == UnreadTables.Kind);
        // 公务接待费's 决算数 wrong: found as in the tab layout.
        var wrong = Check(OnePerLine(table.Replace("3.公务接待费\t6\t8.00\t7.11", "3.公务接待费\t6\t8.00\t9.11", StringComparison.Ordinal)));
        Assert.Contains(wrong.Documents.SelectMany(d => d.Findings), f => f.Rule.StartsWith("DT3G", StringComparison.Ordinal) && f.Severity == Severity.Error);
        // A blank 年初预算数 dropped: no row can be trusted to its columns — the table is named unread, exit 2.
        var blank = Check(OnePerLine(table.Replace("1.因公出国（境）费\t2\t0.00\t0.00", "1.因公出国（境）费\t2\t\t0.00", StringComparison.Ordinal)));
        Assert.Equal(0, Assert.Single(blank.Documents, IsThreePublic).Checked);
        Assert.Contains(blank.Documents.Where(d => d.Kind == UnreadTables.Kind).SelectMany(d => d.Findings), f => f.Message.Contains("没有一行能按表格读取", StringComparison.Ordinal));
        Assert.Equal(2, CheckReportFormatter.ExitCode(blank));
    }
}
