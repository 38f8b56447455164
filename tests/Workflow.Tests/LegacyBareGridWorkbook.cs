using System.Globalization;
using Approval.Workflow.SelfEvaluation;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Approval.Workflow.Tests;

/// <summary>
/// The bare-grid workbook the app handed out before the official layout (no styles, merges or widths; inline strings;
/// 实施单位 on two rows), kept verbatim so the tests show such files, already in preparers' hands, still import.
/// </summary>
public static class LegacyBareGridWorkbook
{
    public static readonly string[] IndicatorHeader =
        ["一级指标", "二级指标", "三级指标", "指标性质", "度量单位", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"];

    public static byte[] Create(ProjectSelfEvaluationForm? form = null)
    {
        var rows = new List<object?[]>
        {
            new object?[] { "项目支出绩效自评表" },
            new object?[] { $"（{form?.Header.Year?.ToString(CultureInfo.InvariantCulture) ?? "2024"}年度）" },
            new object?[] { "项目名称", form?.Header.ProjectName ?? "", "", "实施单位", form?.Header.ImplementingUnit ?? "" },
            new object?[] { "主管部门", form?.Header.SupervisingDepartment ?? "", "", "实施单位", form?.Header.ImplementingUnit ?? "" },
            new object?[] { $"项目资金(万元)({form?.Funds.Weight ?? 10}分)", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分" },
        };
        var funds = form?.Funds;
        rows.Add(["年度资金总额", funds?.Total.InitialBudget, funds?.Total.FullYearBudget, funds?.Total.Executed, funds?.Weight ?? 10m, funds?.StatedRatePercent, funds?.StatedScore]);
        var subRows = funds?.SubRows.Count > 0 ? funds.SubRows : [new FundsLine("当年财政拨款", null, null, null), new FundsLine("上年结转资金", null, null, null), new FundsLine("其他资金", null, null, null)];
        foreach (var sub in subRows) rows.Add([sub.Name, sub.InitialBudget, sub.FullYearBudget, sub.Executed]);
        rows.Add(["年度总体目标", "预期目标", "", "", "实际完成情况"]);
        rows.Add([form?.Goal.Expected ?? "", "", "", "", form?.Goal.Actual ?? ""]);
        rows.Add(IndicatorHeader.Cast<object?>().ToArray());
        string? previousOne = null, previousTwo = null;
        foreach (var i in form?.Indicators ?? [])
        {
            var one = i.LevelOne == previousOne ? "" : i.LevelOne + "指标";
            var two = i.LevelTwo == previousTwo && one.Length == 0 ? "" : i.LevelTwo + "指标";
            previousOne = i.LevelOne;
            previousTwo = i.LevelTwo;
            rows.Add([one, two, i.Name, i.Nature ?? "", i.Unit ?? "", i.Target, i.Actual, i.Weight, i.StatedScore, i.Deviation ?? ""]);
        }
        rows.Add(["总分", "", "", "", "", "", "", form?.StatedWeightTotal, form?.StatedTotal]);
        rows.Add(["主管部门(单位)评价等级", "优", "良", "中", "差", form?.StatedGrade ?? ""]);
        return Write("项目支出绩效自评表", rows);
    }

    private static byte[] Write(string sheetName, List<object?[]> rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < rows.Count; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    var reference = $"{(char)('A' + c)}{r + 1}";
                    switch (rows[r][c])
                    {
                        case null:
                            continue;
                        case decimal d:
                            row.Append(new Cell { CellReference = reference, CellValue = new CellValue(d.ToString(CultureInfo.InvariantCulture)), DataType = CellValues.Number });
                            break;
                        case var value:
                            var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
                            if (text.Length == 0) continue;
                            row.Append(new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) });
                            break;
                    }
                }
                data.Append(row);
            }
            sheetPart.Worksheet = new Worksheet(data);
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName });
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }
}
