using System.Text.Json;
using System.Text.RegularExpressions;
using Approval.Workflow.Import;
using Approval.Workflow.SelfEvaluation;
using Approval.Workflow.Workbooks;

namespace Approval.Workflow.Tests;

/// <summary>
/// Seed form → official-layout xlsx → import gives the same form and the same findings, for every 自评表 the seeds
/// hold. <see cref="IndicatorRow.SourceLine"/> is the one field that differs by design: read from text it is the
/// line of the report, read from a workbook the row of the sheet (what the preparer sees in Excel), so content is
/// compared with it cleared and findings with the "（原文第 n 行）" it produces removed.
/// </summary>
public partial class WorkbookRoundTripTests
{
    public static TheoryData<string, int> SeedForms()
    {
        var data = new TheoryData<string, int>();
        foreach (var seed in new[] { Seeds.ShangraoGovService2021, Seeds.YiyangGovService2021, Seeds.ShangraoBigData2021, Seeds.JingdezhenAdminService2022, Seeds.GanzhouRongjiang2023 })
            for (var i = 0; i < Seeds.Import(seed).Forms.Count; i++) data.Add(seed, i);
        return data;
    }

    [Fact]
    public void The_seeds_hold_four_forms() => Assert.Equal(4, SeedForms().Count);

    [Theory]
    [MemberData(nameof(SeedForms))]
    public void A_seed_form_comes_back_with_identical_content_and_findings(string seed, int index)
    {
        var form = Seeds.Import(seed).Forms[index];
        var report = ReportImporter.Read(SelfEvaluationWorkbook.Write(form), "form.xlsx");
        var back = Assert.Single(report.Forms);

        Assert.DoesNotContain(report.Issues, i => i.Fatal);
        Assert.Equal(Content(form), Content(back));
        Assert.Equal(Findings(form), Findings(back));
        // the parts the issue names, spelled out so a failure says which one broke
        Assert.Equal(form.Header, back.Header);
        Assert.Equal(form.Goal, back.Goal);
        Assert.Equal((form.StatedWeightTotal, form.StatedTotal, form.StatedGrade), (back.StatedWeightTotal, back.StatedTotal, back.StatedGrade));
        Assert.Equal(form.StatedLevelOneWeights.OrderBy(w => w.Key), back.StatedLevelOneWeights.OrderBy(w => w.Key));
    }

    [Fact]
    public void Header_goal_nature_unit_total_and_grade_survive_even_when_partly_empty()
    {
        var seed = Seeds.Import(Seeds.GanzhouRongjiang2023).Forms[1];
        var form = seed with
        {
            Header = new ProjectHeader("测试项目", "赣州蓉江新区管委会", "赣州蓉江新区政务服务中心", 2023),
            Goal = new OverallGoal("", "只填了实际完成情况"),
            Indicators = seed.Indicators.Select((i, k) => k == 0 ? i with { Nature = "≥", Unit = "个" } : k == 1 ? i with { Unit = "%" } : i).ToList(),
            StatedWeightTotal = 100m,
            StatedTotal = null,
            StatedGrade = "良",
        };
        var back = Assert.Single(ReportImporter.Read(SelfEvaluationWorkbook.Write(form), "form.xlsx").Forms);
        Assert.Equal(Content(form), Content(back));
        Assert.Equal(Findings(form), Findings(back));
    }

    [Fact]
    public void An_approved_form_carries_the_bureaus_block_and_still_reads_back_as_the_same_form()
    {
        var form = Seeds.Import(Seeds.ShangraoBigData2021).Forms[1];
        var review = new Approval.Workflow.Summary.ReviewerBlock(Templates.Grade.良, "张经办", new DateTimeOffset(2026, 11, 23, 20, 30, 0, TimeSpan.Zero), "经济建设股业务专用章");
        var bytes = SelfEvaluationWorkbook.Write(form, review: review);
        var texts = WorkbookCells.Read(bytes).Texts.Values.ToList();
        foreach (var expected in new[] { "财政局业务股室审核意见（优、良、中、差）", "良", "张经办", "2026年11月24日", "经济建设股业务专用章" })
            Assert.Contains(expected, texts); // 审核时间 in Beijing time: 20:30 UTC is the next day
        var back = Assert.Single(ReportImporter.Read(bytes, "form.xlsx").Forms);
        Assert.Equal(Content(form), Content(back));
        Assert.Equal(Findings(form), Findings(back));
    }

    [Fact]
    public void An_indicator_row_points_at_its_row_in_the_sheet()
    {
        var form = Seeds.Import(Seeds.ShangraoBigData2021).Forms[1];
        var bytes = SelfEvaluationWorkbook.Write(form);
        var cells = WorkbookCells.Read(bytes);
        var back = Assert.Single(ReportImporter.Read(bytes, "form.xlsx").Forms);
        foreach (var row in back.Indicators)
            Assert.Equal(row.Name, cells.Texts[$"D{row.SourceLine}"]); // 三级指标, after 绩效指标 | 一级 | 二级
    }

    private static string Content(ProjectSelfEvaluationForm form) =>
        JsonSerializer.Serialize(form with { Indicators = form.Indicators.Select(i => i with { SourceLine = null }).ToList() });

    private static List<string> Findings(ProjectSelfEvaluationForm form) =>
        SelfEvaluationEngine.Evaluate(form).Findings
            .Select(f => JsonSerializer.Serialize(f with { Location = f.Location with { Row = f.Location.Row is { } r ? SourceLinePattern().Replace(r, "") : null } }))
            .ToList();

    [GeneratedRegex(@"（原文第 \d+ 行）")]
    private static partial Regex SourceLinePattern();
}
