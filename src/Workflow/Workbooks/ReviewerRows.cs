using System.Globalization;
using Approval.Workflow.Summary;

namespace Approval.Workflow.Workbooks;

/// <summary>
/// The 财政局业务股室's block at the foot of a form (审核意见, 经办人签名, 审核时间, 盖章): filled from the approval,
/// blank lines for the pen before. Shared by the 自评表 and the 汇总审核表 so both read the same on paper.
/// </summary>
internal static class ReviewerRows
{
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    /// <summary>Writes the four lines from <paramref name="row"/>, labels over the first <paramref name="labelColumns"/> columns.</summary>
    public static int Write(SheetWriter sheet, ReviewerBlock? review, int row, int labelColumns)
    {
        (string Label, string? Value, double Height)[] lines =
        [
            ("财政局业务股室审核意见（优、良、中、差）", review?.Opinion.ToString(), 30),
            ("财政局业务股室经办人签名", review?.Officer, 30),
            ("业务股室审核时间", Date(review?.ReviewedAt), 24),
            ("业务股室盖章", review?.StampReference, 60),
        ];
        foreach (var (label, value, height) in lines)
        {
            sheet.Merge(row, 1, row, labelColumns, label, CellLook.Label);
            sheet.Merge(row, labelColumns + 1, row, sheet.LastColumn, value, CellLook.Centered);
            sheet.Height(row, height);
            row++;
        }
        return row;
    }

    public static string? Date(DateTimeOffset? value) =>
        value?.ToOffset(ChinaStandardTime).ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
}
