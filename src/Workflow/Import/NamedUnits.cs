using System.Text.RegularExpressions;
using Approval.Workflow.DepartmentReport;

namespace Approval.Workflow.Import;

/// <summary>A unit a report names, and where: "编制单位（公开01表）", "报告标题", "实施单位（自评表「赣服通」）".</summary>
public sealed record NamedUnit(string Name, string Where);

/// <summary>
/// The units an imported report names (报告标题, 编制单位, 主管部门, 实施单位, 预算单位), to catch a report of another
/// unit uploaded into the wrong account. A unit is named by its full or a shortened name: "大数据发展管理局" on
/// seed 002's tables is 上饶市大数据发展管理局, whereas 上饶市政务服务中心 is not 弋阳县政务服务中心.
/// </summary>
public static partial class NamedUnits
{
    public static IReadOnlyList<NamedUnit> In(ImportedReport report)
    {
        var named = new List<NamedUnit>();
        void Add(string? name, string where)
        {
            var clean = Clean(name);
            if (clean.Length >= 4 && !named.Any(n => n.Name == clean)) named.Add(new NamedUnit(clean, where));
        }
        if (Title(report.Narrative) is { } titled) Add(titled, "报告标题");
        foreach (var table in report.Tables) Add(table.Heading?.PreparingUnit, $"编制单位（{table.DisplayName}）");
        foreach (var form in report.Forms)
        {
            Add(form.Header.ImplementingUnit, $"实施单位（自评表「{form.Header.ProjectName}」）");
            Add(form.Header.SupervisingDepartment, $"主管部门（自评表「{form.Header.ProjectName}」）");
        }
        foreach (Match m in Labelled().Matches(report.Narrative)) Add(m.Groups["name"].Value, m.Groups["label"].Value);
        return named;
    }

    /// <summary>Whether <paramref name="named"/> is the account's unit: the same name, or one of them the other's ending ("大数据发展管理局").</summary>
    public static bool IsSameUnit(string accountUnit, string named)
    {
        var (a, n) = (Clean(accountUnit), Clean(named));
        if (a.Length == 0 || n.Length < 4) return false;
        return a == n || a.EndsWith(n, StringComparison.Ordinal) || n.EndsWith(a, StringComparison.Ordinal);
    }

    /// <summary>The unit the report names when none of the units it names is the account's; null when it names the account's or none.</summary>
    public static NamedUnit? OtherThan(ImportedReport report, string accountUnit)
    {
        var named = In(report);
        return named.Count == 0 || named.Any(n => IsSameUnit(accountUnit, n.Name)) ? null : named[0];
    }

    /// <summary>"弋阳县政务服务中心 2021 年度部门" / "# 大数据发展管理局 2021 年度部门决算": the first line, a name before its year.</summary>
    private static string? Title(string narrative)
    {
        var first = narrative.Split('\n').Select(l => l.Trim().TrimStart('#').Trim()).FirstOrDefault(l => l.Length > 0);
        if (first is null) return null;
        var m = TitleLine().Match(first);
        return m.Success ? m.Groups["unit"].Value : DepartmentReportReader.Read(narrative).UnitName;
    }

    private static string Clean(string? name) => Whitespace().Replace(name ?? "", "").Trim('：', ':', '，', ',', '。');

    [GeneratedRegex(@"^(?<unit>[^\s，。：:、0-9]{4,30}?)\s*20\d{2}\s*年")]
    private static partial Regex TitleLine();

    [GeneratedRegex(@"(?<label>主管部门|预算单位|编制单位|实施单位|单位名称)[：:][ \t　]*(?<name>[^\s，。：:、0-9（(]{4,30})")]
    private static partial Regex Labelled();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
