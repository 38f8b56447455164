using System.Globalization;
using System.Text.Json;
using Approval.Workflow.Import;
using Approval.Workflow.SelfEvaluation;
using Approval.Workflow.Submissions;
using Approval.Workflow.Workbooks;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Approval.Workflow.Tests;

/// <summary>
/// The 自评表 a 决算公开 package prints as its 附件 (seed 002: 附件2 智能化维保, 附件4 “赣服通”上饶分厅4.0版项目): kept by the import
/// with their labels, checked like any 自评表 with findings named after their 附件, stored only when there are some (old
/// content serializes as it was hashed), and written into the package's workbook after the 公开表 and the 情况说明.
/// </summary>
public class AttachedFormTests
{
    private static DisclosurePackage Seed002() => DisclosurePackages.From(Seeds.Import(Seeds.ShangraoBigData2021));

    [Fact]
    public void The_import_of_seed_002_keeps_its_two_attached_forms_with_their_labels_names_and_stated_scores()
    {
        var package = Seed002();
        Assert.Equal(10, package.Tables.Count);
        Assert.Equal(
            [("附件2", "智能化维保", 99.8m, 100m, 13), ("附件4", "“赣服通”上饶分厅4.0版项目", 87.5m, 90m, 14)],
            package.Forms.Select(a => (a.Label, a.Form.Header.ProjectName, a.Form.StatedTotal, a.Form.StatedWeightTotal, a.Form.Indicators.Count)).ToList());
        Assert.Equal("附件2 项目支出绩效自评表「智能化维保」", package.Forms[0].Name);
    }

    [Fact]
    public void Forms_printed_without_a_label_are_kept_unlabelled_and_a_package_without_forms_has_none()
    {
        var rongjiang = DisclosurePackages.From(Seeds.Import(Seeds.GanzhouRongjiang2023));
        Assert.Equal([(null, "大厅日常运行维护经费"), (null, "政务服务及“赣服通”系统建设")],
            rongjiang.Forms.Select(a => (a.Label, a.Form.Header.ProjectName)).ToList());
        Assert.Equal("项目支出绩效自评表「大厅日常运行维护经费」", rongjiang.Forms[0].Name);
        Assert.Null(DisclosurePackages.From(Seeds.Import(Seeds.ShangraoGovService2021)).AttachedForms);
    }

    [Fact]
    public void The_attached_forms_are_scored_like_any_form_and_their_findings_name_the_attachment()
    {
        var package = Seed002();
        var card = SubmissionScoring.Score(SubmissionKind.FinalAccountsDisclosure, new SubmissionContent { Disclosure = package }, 1);
        foreach (var attached in package.Forms)
        {
            var own = SelfEvaluationEngine.Evaluate(attached.Form).Findings;
            var named = card.Findings.Where(f => f.Location.Document == attached.Name).ToList();
            Assert.NotEmpty(own);
            Assert.Equal(own.Select(f => (f.Rule, f.Location.Table, f.Location.Row, f.Expected, f.Actual)), named.Select(f => (f.Rule, f.Location.Table, f.Location.Row, f.Expected, f.Actual)));
            Assert.All(named, f => Assert.StartsWith(attached.Name + "：", f.Message, StringComparison.Ordinal));
        }
        // 智能化维保's 总分 99.8 is not what its rows add up to: the engine says so, on 附件2
        Assert.Contains(card.Findings, f => f.Location.Document == "附件2 项目支出绩效自评表「智能化维保」" && f.Rule.StartsWith("SE-", StringComparison.Ordinal));
        // the package's own findings stay (the 情况说明 is now also read against the forms it attaches)
        var bare = SubmissionScoring.Score(SubmissionKind.FinalAccountsDisclosure, new SubmissionContent { Disclosure = package with { AttachedForms = null } }, 1);
        Assert.All(bare.Findings, f => Assert.Contains(f, card.Findings));
    }

    [Fact]
    public void A_package_without_attached_forms_serializes_as_before_and_one_with_them_reads_back_whole()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var package = Seed002();
        var old = JsonSerializer.Serialize(new DisclosurePackage(package.Tables, package.Narrative), options);
        Assert.DoesNotContain("attachedForms", old, StringComparison.Ordinal);
        Assert.DoesNotContain("\"forms\"", old, StringComparison.Ordinal);
        var back = JsonSerializer.Deserialize<DisclosurePackage>(JsonSerializer.Serialize(package, options), options)!;
        Assert.Equal(JsonSerializer.Serialize(package, options), JsonSerializer.Serialize(back, options));
        Assert.Equal(["附件2", "附件4"], back.Forms.Select(a => a.Label));
    }

    [Fact]
    public void Attached_rows_get_ids_kept_when_the_package_is_imported_again()
    {
        var first = new SubmissionContent { Disclosure = Seed002() }.WithRowIds(null);
        var ids = first.Disclosure!.Forms.SelectMany(a => a.Form.Indicators.Select(i => i.Id)).ToList();
        Assert.All(ids, id => Assert.False(string.IsNullOrEmpty(id)));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var again = new SubmissionContent { Disclosure = Seed002() }.WithRowIds(first);
        Assert.Equal(ids, again.Disclosure!.Forms.SelectMany(a => a.Form.Indicators.Select(i => i.Id)));
    }

    [Fact]
    public void The_package_workbook_has_a_sheet_per_table_in_official_order_then_the_narrative_and_the_attached_forms()
    {
        var package = Seed002();
        var bytes = DisclosurePackageWorkbook.Write(package, "上饶市大数据发展管理局", 2021);
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var workbook = document.WorkbookPart!;
        var names = workbook.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();
        Assert.Equal(
        [
            "公开01表 收入支出决算总表", "公开02表 收入决算表", "公开03表 支出决算表", "公开04表 财政拨款收入支出决算总表",
            "公开05表 一般公共预算财政拨款支出决算表", "公开06表 一般公共预算财政拨款基本支出决算表", "公开07表 财政拨款“三公”经费支出决算表",
            "公开08表 政府性基金预算财政拨款收入支出决算表", "公开09表 国有资本经营预算财政拨款支出决算表", "公开10表 国有资产占用情况表",
            "情况说明", "附件2 项目支出绩效自评表", "附件4 项目支出绩效自评表",
        ], names);

        // 03's 合计 row: 1,664.55 stored as the number, shown #,##0.00
        var strings = workbook.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray();
        var sheet03 = SheetCells(workbook, "公开03表 支出决算表", strings);
        var total = sheet03.Single(c => c.Text == "合计");
        var row = sheet03.Where(c => c.Row == total.Row).ToList();
        var figure = row.First(c => c.Number is not null);
        Assert.Equal(1664.55m, figure.Number);
        var formats = workbook.WorkbookStylesPart!.Stylesheet;
        var numberFormat = formats.CellFormats!.Elements<CellFormat>().ElementAt((int)figure.Style).NumberFormatId!.Value;
        Assert.Equal("#,##0.00", formats.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId!.Value == numberFormat).FormatCode!.Value);

        var narrative = SheetCells(workbook, "情况说明", strings).Select(c => c.Text).ToList();
        Assert.Contains(narrative, t => t?.Contains("大楼智能化维保项目绩效自评得分为99.8分", StringComparison.Ordinal) == true);
        var form = SheetCells(workbook, "附件2 项目支出绩效自评表", strings);
        Assert.Contains(form, c => c.Text == "智能化维保");
        Assert.Contains(form, c => c.Number == 99.8m);
    }

    [Fact]
    public void The_package_workbook_reads_back_to_the_same_tables_figures_findings_and_attached_forms()
    {
        var package = Seed002();
        var back = ReportImporter.Read(DisclosurePackageWorkbook.Write(package, "上饶市大数据发展管理局", 2021), "package.xlsx");
        Assert.Empty(back.Issues);
        var again = DisclosurePackages.From(back);
        Assert.Equal(Rows(package), Rows(again));
        Assert.Equal(["附件2", "附件4"], again.Forms.Select(a => a.Label));
        Assert.Equal(package.Forms.Select(a => Printed(a.Form)), again.Forms.Select(a => Printed(a.Form)));
        Assert.Equal(Findings(package), Findings(again));
    }

    private static List<string> Rows(DisclosurePackage package) =>
        [.. package.Tables.OrderBy(t => t.Kind).SelectMany(t => t.Rows.Select(r =>
            $"{t.Kind}|{r.Section}|{r.Code}|{r.Name}|{r.LineNo}|{string.Join(",", r.Values.Select(v => v?.ToString("0.00", CultureInfo.InvariantCulture)))}")
            .Concat(t.StatedTotals.Select(x => $"{t.Kind}|{x.Key}={x.Value}")))];

    private static List<string> Findings(DisclosurePackage package) =>
        [.. SubmissionScoring.Score(SubmissionKind.FinalAccountsDisclosure, new SubmissionContent { Disclosure = package }, 1).Findings
            .Where(f => f.Location.Document != "部门决算情况说明") // the narrative's own line numbers differ; its text is the same
            // a row's line in the source ("（原文第 430 行）") is where it was read, not what it says
            .Select(f => System.Text.RegularExpressions.Regex.Replace($"{f.Rule}|{f.Location}|{f.Expected}|{f.Actual}", @"（原文第 \d+ 行）", ""))
            .Order(StringComparer.Ordinal)];

    [Fact]
    public void A_change_in_an_attached_form_is_named_with_its_attachment_in_the_diff()
    {
        var before = new SubmissionContent { Disclosure = Seed002() }.WithRowIds(null);
        var package = before.Disclosure!;
        var form = package.Forms[1].Form;
        var changed = form with { Indicators = [.. form.Indicators.Select((r, i) => i == 12 ? r with { StatedScore = 4.6m } : r)] };
        var after = before with { Disclosure = package with { AttachedForms = [package.Forms[0], package.Forms[1] with { Form = changed }] } };
        var diff = ContentDiff.Between(before, after);
        var line = Assert.Single(diff);
        Assert.StartsWith("附件4 项目支出绩效自评表「“赣服通”上饶分厅4.0版项目」 ", line, StringComparison.Ordinal);
        Assert.Contains("企业满意度", line);
        Assert.Contains("4.5 → 4.6", line);
        Assert.Equal(["附件2 项目支出绩效自评表「智能化维保」：删除"],
            ContentDiff.Between(before, before with { Disclosure = package with { AttachedForms = [package.Forms[1]] } }));
        Assert.Empty(ContentDiff.Between(before, before));
    }

    /// <summary>The form as printed: no row ids, no source lines.</summary>
    private static string Printed(ProjectSelfEvaluationForm form) =>
        JsonSerializer.Serialize(form with { Indicators = [.. form.Indicators.Select(i => i with { SourceLine = null, Id = null })] });

    private sealed record SheetCell(int Row, string? Text, decimal? Number, uint Style);

    private static List<SheetCell> SheetCells(WorkbookPart workbook, string name, string[] strings)
    {
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
        return [.. part.Worksheet.Descendants<Cell>().Where(c => c.CellValue is not null).Select(c =>
        {
            var row = WorkbookCells.RowOf(c.CellReference!.Value!);
            return c.DataType?.Value == CellValues.SharedString
                ? new SheetCell(row, strings[int.Parse(c.CellValue!.Text, CultureInfo.InvariantCulture)], null, c.StyleIndex?.Value ?? 0)
                : new SheetCell(row, null, decimal.Parse(c.CellValue!.Text, CultureInfo.InvariantCulture), c.StyleIndex?.Value ?? 0);
        })];
    }
}
