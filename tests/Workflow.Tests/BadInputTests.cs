using Approval.Workflow.Import;

namespace Approval.Workflow.Tests;

/// <summary>Unreadable input gives a clear message (fatal issue or <see cref="UnreadableInputException"/>), never a stack trace.</summary>
public class BadInputTests
{
    /// <summary>A minimal, well-formed 自评表 in the seeds' tab layout; tests break one thing at a time.</summary>
    public static string Form(string header = @"一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施",
        string weightA = "50", string weightB = "30", string weightC = "10", string funds = "10") => $"""
        项目支出绩效自评表 (2024年度)
        项目名称\t测试项目\t\t实施单位\t测试单位
        主管部门\t测试部门\t\t实施单位\t测试单位
        项目资金(万元)\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分
        年度资金总额:\t100\t100\t90\t{funds}\t90.00%\t9
        {header}
        产出指标(50分)\t数量指标\t完成事项\t≥10个\t12个\t{weightA}\t{weightA}\t
        效益指标(30分)\t社会效益指标\t群众受益\t有效提升\t有效提升\t{weightB}\t{weightB}\t
        满意度指标(10分)\t服务对象满意度指标\t满意度\t≥90%\t95%\t{weightC}\t{weightC}\t
        总分\t\t\t\t\t100\t99
        """.Replace(@"\t", "\t");

    [Fact]
    public void The_well_formed_sample_reads_cleanly()
    {
        var report = ReportTextImporter.ReadText(Form(), "sample.txt");
        Assert.Empty(report.Issues);
        var form = Assert.Single(report.Forms);
        Assert.Equal(3, form.Indicators.Count);
        Assert.Equal(99m, form.StatedTotal);
    }

    [Fact]
    public void Empty_file() =>
        Assert.Contains("为空", Assert.Throws<UnreadableInputException>(() => ReportTextImporter.Read([], "empty.txt")).Message);

    [Fact]
    public void Whitespace_only_file() =>
        Assert.Contains("为空", Assert.Throws<UnreadableInputException>(() => ReportTextImporter.Read("  \n\t\n"u8.ToArray(), "blank.txt")).Message);

    [Fact]
    public void Binary_file()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        bytes[10] = 0;
        Assert.Contains("不是文本", Assert.Throws<UnreadableInputException>(() => ReportImporter.Read(bytes, "random.bin")).Message);
    }

    [Fact]
    public void Not_utf8_text() =>
        Assert.Contains("UTF-8", Assert.Throws<UnreadableInputException>(() => ReportTextImporter.Read([0xC4, 0xE3, 0xBA, 0xC3, 0xFF], "gbk.txt")).Message);

    [Fact]
    public void Ten_megabyte_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"big-{Guid.NewGuid():N}.txt");
        File.WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes(new string('数', 10 * 1024 * 1024 / 3 + 1)));
        try
        {
            Assert.Contains("过大", Assert.Throws<UnreadableInputException>(() => ReportImporter.ReadFile(path)).Message);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void A_form_missing_its_score_column_is_fatal_with_its_line()
    {
        var report = ReportTextImporter.ReadText(Form(header: @"一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t偏差原因分析及改进措施"), "x.txt");
        var issue = Assert.Single(report.Issues, i => i.Fatal);
        Assert.Equal(6, issue.Line);
        Assert.Contains("得分", issue.Message);
        Assert.True(report.IsUnreadable);
    }

    [Fact]
    public void A_negative_weight_is_fatal()
    {
        var report = ReportTextImporter.ReadText(Form(weightB: "-30"), "x.txt");
        var issue = Assert.Single(report.Issues, i => i.Fatal);
        Assert.Equal(8, issue.Line);
        Assert.Contains("负数", issue.Message);
    }

    [Fact]
    public void A_weight_sum_of_zero_is_fatal()
    {
        var report = ReportTextImporter.ReadText(Form(weightA: "0", weightB: "0", weightC: "0", funds: "0"), "x.txt");
        Assert.Contains(report.Issues, i => i.Fatal && i.Message.Contains("分值合计为 0"));
    }

    [Fact]
    public void A_disclosure_table_missing_a_column_is_fatal()
    {
        var text = """
            ### 一般公共预算财政拨款支出决算表
            项 目\t\t本年支出合计\t基本支出
            201\t一般公共服务支出\t10.00\t10.00
            """.Replace(@"\t", "\t");
        var report = ReportTextImporter.ReadText(text, "x.txt");
        var issue = Assert.Single(report.Issues, i => i.Fatal);
        Assert.Contains("项目支出", issue.Message);
    }

    [Fact]
    public void Unreadable_figures_are_reported_with_their_line_not_guessed()
    {
        var text = """
            ### 一般公共预算财政拨款支出决算表
            项 目\t\t本年支出合计\t基本支出\t项目支出
            201\t一般公共服务支出\t10.00\t十元\t0.00
            """.Replace(@"\t", "\t");
        var report = ReportTextImporter.ReadText(text, "x.txt");
        var issue = Assert.Single(report.Issues);
        Assert.False(issue.Fatal);
        Assert.Equal(3, issue.Line);
        Assert.Contains("十元", issue.Message);
        Assert.Null(Assert.Single(report.Tables).Rows.Single().Value(1));
    }
}
