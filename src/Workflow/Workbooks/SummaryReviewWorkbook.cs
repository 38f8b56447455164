using System.Globalization;
using Approval.Workflow.Summary;

namespace Approval.Workflow.Workbooks;

/// <summary>
/// 项目支出绩效自评情况汇总审核表 as an .xlsx in the layout of seed 001 附件4-1: the unit's projects (序号, 预算单位,
/// 项目名称, 全年预算数 split into 年初预算数 / 年中追加数/追减数 / 小计, 全年执行数, 绩效自评得分), the 合计 and
/// 自评价平均分 rows, the coverage of self-evaluated execution, 部门提交时间, and the 财政局业务股室's block
/// (审核意见, 经办人签名, 审核时间, 盖章) — filled once the 汇总 submission is approved, blank lines for the pen before.
/// Totals, average and coverage are <see cref="SummaryReviewChecker.Compute"/>'s figures.
/// </summary>
public static class SummaryReviewWorkbook
{
    public const string SheetName = "汇总审核表";
    private static readonly double[] Widths = [7, 22, 30, 13, 13, 13, 13, 11];

    public static string Title(int? year) => $"{year?.ToString(CultureInfo.InvariantCulture) ?? "    "} 年度项目支出绩效自评情况汇总审核表";

    public static byte[] Write(SummaryReviewTable table)
    {
        var figures = SummaryReviewChecker.Compute(table);
        var sheet = new SheetWriter(SheetName, Widths);
        var last = sheet.LastColumn;
        sheet.Merge(1, 1, 1, last, Title(table.Year), CellLook.Title);
        sheet.Height(1, 30);
        sheet.Merge(2, 1, 2, 5, $"主管部门：{table.Unit}", CellLook.Default);
        sheet.Merge(2, 6, 2, last, "单位：万元", CellLook.UnitNote);

        sheet.Merge(3, 1, 4, 1, "序号", CellLook.Header);
        sheet.Merge(3, 2, 4, 2, "预算单位", CellLook.Header);
        sheet.Merge(3, 3, 4, 3, "项目名称", CellLook.Header);
        sheet.Merge(3, 4, 3, 6, "全年预算数", CellLook.Header);
        sheet.Set(4, 4, "年初预算数", CellLook.Header);
        sheet.Set(4, 5, "年中追加数/追减数", CellLook.Header);
        sheet.Set(4, 6, "小计", CellLook.Header);
        sheet.Merge(3, 7, 4, 7, "全年执行数", CellLook.Header);
        sheet.Merge(3, 8, 4, 8, "绩效自评得分", CellLook.Header);
        sheet.Height(4, 30);
        sheet.RepeatOnEveryPage(3, 4);

        var row = 5;
        foreach (var r in table.Rows)
        {
            sheet.Set(row, 1, r.Sequence, CellLook.Figure);
            sheet.Set(row, 2, r.Unit, CellLook.Text);
            sheet.Set(row, 3, r.ProjectName, CellLook.Text);
            sheet.Set(row, 4, r.InitialBudget, CellLook.Money);
            sheet.Set(row, 5, r.Adjustment, CellLook.Money);
            sheet.Set(row, 6, r.Subtotal, CellLook.Money);
            sheet.Set(row, 7, r.Executed, CellLook.Money);
            sheet.Set(row, 8, r.Score, CellLook.Score);
            sheet.Height(row, Math.Max(SheetWriter.HeightFor(r.ProjectName, Widths[2]), SheetWriter.HeightFor(r.Unit, Widths[1])));
            row++;
        }

        sheet.Merge(row, 1, row, 3, "开展绩效自评项目合计", CellLook.Label);
        sheet.Set(row, 4, figures.Totals.InitialBudget, CellLook.Money);
        sheet.Set(row, 5, figures.Totals.Adjustment, CellLook.Money);
        sheet.Set(row, 6, figures.Totals.Subtotal, CellLook.Money);
        sheet.Set(row, 7, figures.Totals.Executed, CellLook.Money);
        sheet.Set(row, 8, null, CellLook.Figure);
        row++;
        sheet.Merge(row, 1, row, 7, "自评价平均分", CellLook.Label);
        sheet.Set(row, 8, figures.Average, CellLook.Score);
        row++;

        row = Coverage(sheet, table, figures, row);
        ReviewerRows.Write(sheet, table.Review, row, 3);
        return sheet.Save();
    }

    private static int Coverage(SheetWriter sheet, SummaryReviewTable table, SummaryFigures figures, int row)
    {
        var year = table.Year?.ToString(CultureInfo.InvariantCulture) ?? "    ";
        sheet.Merge(row, 1, row, 3, $"{year} 年本部门全口径国库决算数项目支出总额", CellLook.Label);
        sheet.Merge(row, 4, row, 5, table.UnitProjectExpenditure, CellLook.Money);
        sheet.Set(row, 6, "部门项目总个数", CellLook.Label);
        sheet.Merge(row, 7, row, 8, table.UnitProjectCount, CellLook.Figure);
        sheet.Height(row, 30);
        row++;
        sheet.Merge(row, 1, row, 7,
            $"开展绩效自评项目支出总额占本部门项目支出总额的比例 = {year} 年部门开展绩效自评项目全年执行数 / {year} 年本部门全口径国库决算数项目支出总额 × 100%",
            CellLook.Label);
        sheet.Set(row, 8, figures.CoveragePercent is { } c ? Checking.Money.Round2(c) : null, CellLook.Percent);
        sheet.Height(row, 34);
        row++;
        sheet.Merge(row, 1, row, 3, "部门提交时间", CellLook.Label);
        sheet.Merge(row, 4, row, sheet.LastColumn, ReviewerRows.Date(table.SubmittedAt), CellLook.Centered);
        return row + 1;
    }

}
