namespace Approval.Workflow.Workbooks;

/// <summary>How a workbook is served: its media type and a Chinese file name safe on every system.</summary>
public static class WorkbookFile
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const int MaxNameLength = 120;

    /// <summary>"上饶市大数据发展管理局-2021年度-项目支出绩效自评表.xlsx": the parts joined, characters no file system takes dropped.</summary>
    public static string Name(params string?[] parts)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat(['\\', '/', ':', '*', '?', '"', '<', '>', '|']).ToHashSet();
        var joined = string.Join("-", parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));
        var name = new string(joined.Where(c => !invalid.Contains(c) && !char.IsControl(c)).ToArray()).Trim('.', ' ');
        if (name.Length > MaxNameLength) name = name[..MaxNameLength];
        return (name.Length == 0 ? "workbook" : name) + ".xlsx";
    }
}
