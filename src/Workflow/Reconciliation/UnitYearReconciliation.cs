using Approval.Workflow.Checking;
using Approval.Workflow.DepartmentReport;
using Approval.Workflow.Narrative;

namespace Approval.Workflow.Reconciliation;

/// <summary>一致 / 不一致 / 未核对: never "一致" for what could not be compared.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ReconciliationVerdict>))]
public enum ReconciliationVerdict { Agrees, Differs, NotChecked }

/// <summary>One comparison across a unit's reports of a year, with the figures compared and why.</summary>
public sealed record ReconciliationLine(string Id, string What, ReconciliationVerdict Verdict, string Detail, decimal? Left = null, decimal? Right = null)
{
    public string VerdictText => Verdict switch
    {
        ReconciliationVerdict.Agrees => "一致",
        ReconciliationVerdict.Differs => "不一致",
        _ => "未核对",
    };
}

/// <summary>A report of the unit and year, as far as the reconciliation needs it: its title and the findings of its latest score (null: not scored).</summary>
public sealed record ScoredReport(string Title, IReadOnlyList<Finding>? Findings, IReadOnlyList<CheckNote>? Checks = null);

/// <summary>What one unit filed for one year, for <see cref="UnitYearReconciliation"/>.</summary>
public sealed record UnitYearReports(
    IReadOnlyList<RelatedProject> Forms,
    RelatedDisclosure? Disclosure,
    ScoredReport? DisclosureScore,
    ScoredReport? Department,
    ScoredReport? Summary,
    decimal? DeclaredProjectExpenditure);

/// <summary>
/// 跨报告核对 (#29): the unit's reports of one year against each other — the 自评表' 全年执行数 against the 决算's 项目支出
/// (公开03表), the 汇总's declared 项目支出总额 against the same, and, from their own checks, the 部门整体 report's 决算
/// figures (DE-FIGURE-DISCLOSURE), the 情况说明 and the 三公 table against the package's tables (NT-), the 汇总 against its forms (SR-).
/// </summary>
public static class UnitYearReconciliation
{
    public static IReadOnlyList<ReconciliationLine> Of(UnitYearReports reports, CheckOptions? options = null)
    {
        options ??= CheckOptions.Default;
        var projectExpenditure = reports.Disclosure is { } d ? TableFigures.Resolve("项目支出", d.Package.Tables) : null;
        return
        [
            FormsAgainstDisclosure(reports, projectExpenditure, options),
            DeclaredAgainstDisclosure(reports, projectExpenditure, options),
            FromFindings("RC-DEPARTMENT-DISCLOSURE", "部门整体自评报告引用的决算数 ↔ 决算公开表", reports.Department, "部门整体支出绩效自评报告",
                f => f.Rule == "DE-FIGURE-DISCLOSURE", DepartmentNotCompared(reports)),
            FromFindings("RC-NARRATIVE-TABLES", "情况说明（含“三公”经费说明）↔ 公开表", reports.DisclosureScore, "部门决算公开",
                f => f.Rule.StartsWith("NT-", StringComparison.Ordinal), null),
            FromFindings("RC-SUMMARY-FORMS", "汇总审核表 ↔ 各项目自评表", reports.Summary, "汇总审核表",
                f => f.Rule.StartsWith("SR-", StringComparison.Ordinal) && f.Severity == Severity.Error, null),
        ];
    }

    private static ReconciliationLine FormsAgainstDisclosure(UnitYearReports reports, TableFigure? projectExpenditure, CheckOptions options)
    {
        const string id = "RC-FORMS-DISCLOSURE", what = "自评表全年执行数合计 ↔ 决算项目支出（公开03表）";
        var executed = reports.Forms.Select(p => p.Form.Funds.Total.Executed).ToList();
        if (reports.Forms.Count == 0) return new(id, what, ReconciliationVerdict.NotChecked, "本年度没有已报送的项目支出绩效自评表");
        if (reports.Disclosure is null) return new(id, what, ReconciliationVerdict.NotChecked, "本单位同年度的部门决算公开不在系统中");
        if (projectExpenditure is null) return new(id, what, ReconciliationVerdict.NotChecked, $"「{reports.Disclosure.Title}」中没有读到公开03表合计行的项目支出");
        var missing = reports.Forms.Where(p => p.Form.Funds.Total.Executed is null).Select(p => p.Form.Header.ProjectName).ToList();
        var sum = executed.Sum(e => e ?? 0);
        var total = projectExpenditure.Value;
        var tolerance = options.RoundingPerFigure * (reports.Forms.Count + 1);
        var share = total > 0 ? $"，占决算项目支出的 {sum / total * 100:0.00}%" : "";
        var unread = missing.Count == 0 ? "" : $"（{string.Join("、", missing)} 未填全年执行数，未计入）";
        return sum - total > tolerance
            ? new(id, what, ReconciliationVerdict.Differs,
                $"自评的 {reports.Forms.Count} 个项目全年执行数合计 {Money.Format(sum)} 万元，超过{projectExpenditure.Where} {Money.Format(total)} 万元 {Money.Format(sum - total)} 万元：自评项目的支出不可能多于单位全部项目支出，执行数或决算必有一处不实{unread}",
                sum, total)
            : new(id, what, ReconciliationVerdict.Agrees,
                $"自评的 {reports.Forms.Count} 个项目全年执行数合计 {Money.Format(sum)} 万元，不超过{projectExpenditure.Where} {Money.Format(total)} 万元{share}{unread}",
                sum, total);
    }

    private static ReconciliationLine DeclaredAgainstDisclosure(UnitYearReports reports, TableFigure? projectExpenditure, CheckOptions options)
    {
        const string id = "RC-DECLARED-DISCLOSURE", what = "汇总审核表申报的项目支出总额 ↔ 决算项目支出（公开03表）";
        if (reports.DeclaredProjectExpenditure is not { } declared) return new(id, what, ReconciliationVerdict.NotChecked, "汇总审核表尚未申报项目支出总额");
        if (projectExpenditure is null) return new(id, what, ReconciliationVerdict.NotChecked, reports.Disclosure is null ? "本单位同年度的部门决算公开不在系统中" : "决算公开中没有读到公开03表合计行的项目支出");
        var difference = declared - projectExpenditure.Value;
        return Math.Abs(difference) <= options.RoundingPerFigure * 2
            ? new(id, what, ReconciliationVerdict.Agrees, $"申报 {Money.Format(declared)} 万元，与{projectExpenditure.Where}相同", declared, projectExpenditure.Value)
            : new(id, what, ReconciliationVerdict.Differs,
                $"申报 {Money.Format(declared)} 万元，{projectExpenditure.Where}为 {Money.Format(projectExpenditure.Value)} 万元，相差 {Money.Format(difference)} 万元：自评覆盖率的分母与决算不符",
                declared, projectExpenditure.Value);
    }

    /// <summary>Why the 部门整体 report's figures were not compared with the package: scored before it was filed, or quoting none.</summary>
    private static string? DepartmentNotCompared(UnitYearReports reports)
    {
        if (reports.Disclosure is null) return "本单位同年度的部门决算公开不在系统中，报告引用的决算数无从核对";
        if (reports.Department?.Findings is null) return null;
        var note = reports.Department.Checks?.FirstOrDefault(n => n.What.Contains("DE-FIGURE-DISCLOSURE", StringComparison.Ordinal));
        return note is { Done: true } ? null : note is null ? "部门整体自评报告评分时未与决算公开核对：请重新评分" : note.Detail;
    }

    private static ReconciliationLine FromFindings(string id, string what, ScoredReport? report, string kind, Func<Finding, bool> relevant, string? notCheckedBecause)
    {
        if (report is null) return new(id, what, ReconciliationVerdict.NotChecked, $"本年度没有{kind}");
        if (notCheckedBecause is not null) return new(id, what, ReconciliationVerdict.NotChecked, notCheckedBecause);
        if (report.Findings is null) return new(id, what, ReconciliationVerdict.NotChecked, $"「{report.Title}」尚未按当前内容评分");
        var found = report.Findings.Where(relevant).ToList();
        return found.Count == 0
            ? new(id, what, ReconciliationVerdict.Agrees, $"「{report.Title}」的检查未发现不符")
            : new(id, what, ReconciliationVerdict.Differs, $"「{report.Title}」有 {found.Count} 处不符：" + string.Join("；", found.Take(3).Select(f => f.Message)) + (found.Count > 3 ? "；……" : ""));
    }
}
