using System.IO.Compression;
using Approval.Workflow.Checking;
using Approval.Workflow.Import;
using Approval.Workflow.SelfEvaluation;

namespace Approval.Workflow.Tests;

public class XlsxTests
{
    [Fact]
    public void The_empty_template_has_the_official_layout()
    {
        var report = ReportImporter.Read(XlsxTemplate.Create(), "模板.xlsx");
        Assert.Empty(report.Forms); // nothing filled in yet
        Assert.Contains(report.Issues, i => i.Message.Contains("绩效指标"));
    }

    [Theory]
    [InlineData(Seeds.ShangraoBigData2021, 0)]
    [InlineData(Seeds.ShangraoBigData2021, 1)]
    [InlineData(Seeds.GanzhouRongjiang2023, 0)]
    [InlineData(Seeds.GanzhouRongjiang2023, 1)]
    public void A_seed_form_written_to_the_template_reads_back_with_the_same_scores(string seed, int index)
    {
        var form = Seeds.Import(seed).Forms[index];
        var bytes = XlsxTemplate.Create(form);
        var back = Assert.Single(ReportImporter.Read(bytes, "form.xlsx").Forms);

        Assert.Equal(form.Header.ProjectName, back.Header.ProjectName);
        Assert.Equal(form.Indicators.Select(i => (i.LevelOne, i.LevelTwo, i.Name, i.Weight, i.StatedScore)),
            back.Indicators.Select(i => (i.LevelOne, i.LevelTwo, i.Name, i.Weight, i.StatedScore)));
        var expected = SelfEvaluationEngine.Evaluate(form);
        var actual = SelfEvaluationEngine.Evaluate(back);
        Assert.Equal(expected.Total, actual.Total);
        Assert.Equal(expected.Grade, actual.Grade);
        // The official layout keeps the printed level-1 weights ("产出指标(50分)"), so SE-LEVEL1-PRINTED survives too
        // (the bare grid this test was written for dropped them; LegacyBareGridWorkbook keeps that case).
        Assert.Equal(expected.Findings.Select(f => f.Rule).Order(), actual.Findings.Select(f => f.Rule).Order());
    }

    [Fact]
    public void Explicit_nature_and_unit_columns_are_used()
    {
        var form = Seeds.Import(Seeds.GanzhouRongjiang2023).Forms[0];
        var withNature = form with
        {
            Indicators = form.Indicators.Select(i => i.Name == "大厅窗口数量" ? i with { Target = "32", Nature = "≥", Unit = "个", Actual = "30" } : i).ToList(),
        };
        var back = Assert.Single(ReportImporter.Read(XlsxTemplate.Create(withNature), "form.xlsx").Forms);
        var row = back.Indicators.Single(i => i.Name == "大厅窗口数量");
        Assert.Equal(("≥", "个"), (row.Nature, row.Unit));
        var score = SelfEvaluationEngine.Evaluate(back).Indicators.Single(i => i.Name == "大厅窗口数量");
        Assert.Equal(14.06m, Money.Round2(score.Computed!.Value)); // 30 / 32 × 15 = 14.0625
    }

    [Fact]
    public void Precise_amounts_keep_every_digit()
    {
        var form = Seeds.Import(Seeds.GanzhouRongjiang2023).Forms[0];
        var back = Assert.Single(ReportImporter.Read(XlsxTemplate.Create(form), "form.xlsx").Forms);
        Assert.Equal(123.950406m, back.Funds.SubRows.Single().Executed);
    }

    [Fact]
    public void A_zip_that_is_not_a_workbook_is_refused()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        using (var writer = new StreamWriter(zip.CreateEntry("readme.txt").Open())) writer.Write("hello");
        Assert.Contains("不是 xlsx", Assert.Throws<UnreadableInputException>(() => ReportImporter.Read(stream.ToArray(), "fake.xlsx")).Message);
    }

    [Fact]
    public void A_zip_bomb_is_refused_before_it_is_expanded()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("[Content_Types].xml").Open().Dispose();
            using var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 80; i++) entry.Write(zeros);
        }
        Assert.True(stream.Length < 1024 * 1024);
        var error = Assert.Throws<UnreadableInputException>(() => ReportImporter.Read(stream.ToArray(), "bomb.xlsx"));
        Assert.Matches("解压后超过|压缩比异常", error.Message);
    }

    [Fact]
    public void Garbage_named_xlsx_is_refused() =>
        Assert.Throws<UnreadableInputException>(() => ReportImporter.Read("this is not a workbook"u8.ToArray(), "fake.xlsx"));

    [Theory]
    [InlineData(Seeds.ShangraoBigData2021, 0)]
    [InlineData(Seeds.ShangraoBigData2021, 1)]
    [InlineData(Seeds.GanzhouRongjiang2023, 0)]
    [InlineData(Seeds.GanzhouRongjiang2023, 1)]
    public void A_bare_grid_workbook_of_the_previous_template_still_imports(string seed, int index)
    {
        var form = Seeds.Import(seed).Forms[index];
        var back = Assert.Single(ReportImporter.Read(LegacyBareGridWorkbook.Create(form), "old.xlsx").Forms);
        Assert.Equal((form.Header.ProjectName, form.Header.ImplementingUnit, form.Header.Year, form.Goal), (back.Header.ProjectName, back.Header.ImplementingUnit, back.Header.Year, back.Goal));
        Assert.Equal(form.Indicators.Select(i => (i.LevelOne, i.LevelTwo, i.Name, i.Target, i.Actual, i.Weight, i.StatedScore, i.Deviation)),
            back.Indicators.Select(i => (i.LevelOne, i.LevelTwo, i.Name, i.Target, i.Actual, i.Weight, i.StatedScore, i.Deviation)));
        Assert.Equal((form.StatedWeightTotal, form.StatedTotal, form.StatedGrade), (back.StatedWeightTotal, back.StatedTotal, back.StatedGrade));
        Assert.Equal(SelfEvaluationEngine.Evaluate(form).Total, SelfEvaluationEngine.Evaluate(back).Total);
    }
}
