using System.Globalization;
using System.Text.RegularExpressions;
using Approval.Workflow.Disclosure;
using Approval.Workflow.Import;
using Approval.Workflow.Narrative;
using Approval.Workflow.SelfEvaluation;
using Approval.Workflow.Summary;
using Approval.Workflow.Templates;

namespace Approval.Workflow.Checking;

/// <summary>One checked document of a report: a form, a table, the narrative or a summary.</summary>
public sealed record CheckedDocument(string Title, string Kind, decimal? Score, string? Grade, IReadOnlyList<Finding> Findings)
{
    public SelfEvaluationResult? SelfEvaluation { get; init; }

    /// <summary>What was read of it, in words ("绩效指标 12 行、资金 4 行"); the verdict every document gets.</summary>
    public string Reading { get; init; } = "";

    /// <summary>How many rows or statements the checks took up: 0 means read but not checked, never "未发现问题".</summary>
    public int Checked { get; init; }
}

public sealed record CheckReport(string Source, IReadOnlyList<CheckedDocument> Documents, IReadOnlyList<ImportIssue> Issues)
{
    public bool HasErrors => Documents.SelectMany(d => d.Findings).Any(f => f.Severity == Severity.Error);

    /// <summary>Tables the readers did not take (<see cref="UnreadTables"/>): the report was not fully read.</summary>
    public bool HasUnreadTables => Documents.Any(d => d.Kind == UnreadTables.Kind);

    /// <summary>Nothing of the input was checked: no form, table, summary or checkable statement was found.</summary>
    public bool NothingChecked => Documents.All(d => d.Checked == 0);
}

/// <summary>Runs every engine over an imported report.</summary>
public static partial class ReportChecker
{
    public const string FormKind = "项目支出绩效自评表";
    public const string TableKind = "部门决算公开表";
    public const string NarrativeKind = "部门决算情况说明";
    public const string DepartmentKind = DepartmentReportInCheck.Kind;
    public const string ScoreListKind = "项目绩效自评得分汇总";

    public static CheckReport Check(ImportedReport report, CheckOptions? options = null, IReadOnlyList<IndicatorTemplate>? templates = null)
    {
        options ??= CheckOptions.Default;
        var documents = new List<CheckedDocument>();
        if (report.IsUnreadable) return new CheckReport(report.Source, documents, report.Issues); // nothing checked is never "未发现问题"

        foreach (var form in report.Forms)
        {
            var result = SelfEvaluationEngine.Evaluate(form, null, options, templates);
            documents.Add(new CheckedDocument($"{FormKind}：{form.Header.ProjectName}", FormKind, Money.Round2(result.Total), result.Grade.ToString(), result.Findings)
            {
                SelfEvaluation = result,
                Reading = $"资金 {form.Funds.SubRows.Count + 1} 行、绩效指标 {form.Indicators.Count} 行" + (form.ColumnsRead is { } columns ? $"；指标列{columns}" : ""),
                Checked = form.Indicators.Count + 1,
            });
        }

        var packages = Packages(report.Tables);
        foreach (var (package, index) in packages.Select((p, i) => (p, i)))
        {
            var findings = DisclosureChecker.Check(package, TableKind, options);
            var which = packages.Count > 1 ? $"（第 {index + 1} 份）" : "";
            foreach (var table in package)
                documents.Add(new CheckedDocument(table.DisplayName + which, TableKind, null, null,
                    findings.Where(f => f.Location.Table == table.DisplayName).ToList())
                {
                    Reading = $"{table.Rows.Count} 行",
                    Checked = table.Rows.Count,
                });
        }

        if (report.Narrative.Trim().Length > 0 && DepartmentReportInCheck.IsDepartmentReport(report.Narrative))
        {
            // A 部门整体 report: its DE- rules (with the NR- rules of its text) instead of a 情况说明's.
            documents.Add(DepartmentReportInCheck.Check(report, packages.Count == 1 ? packages[0] : [], options));
            if (Unread(report, new HashSet<int>()) is { Count: > 0 } unread) documents.Add(UnreadDocument(unread));
        }
        else if (report.Narrative.Trim().Length > 0)
        {
            var claims = NarrativeChecker.ClaimCount(report.Narrative);
            var rateTables = NarrativeChecker.CheckRateTables(report.Narrative, NarrativeKind);
            documents.Add(new CheckedDocument(NarrativeKind, NarrativeKind, null, null,
                [.. NarrativeChecker.Check(report.Narrative, NarrativeKind), .. rateTables.Findings,
                 .. PackageNarrativeChecker.Check(report.Narrative, packages.Count == 1 ? packages[0] : [], report.Forms, NarrativeKind, options)])
            {
                Reading = (claims > 0 ? $"文字；核对了完成率、增减幅度、占比的表述 {claims} 处" : "文字；其中没有可核对的完成率、增减幅度或占比表述")
                    + (rateTables.Rows > 0 ? $"；预算执行表 {rateTables.Rows} 行" : ""),
                Checked = claims + rateTables.Rows,
            });
            if (Unread(report, rateTables.Lines) is { Count: > 0 } unread) documents.Add(UnreadDocument(unread));
        }

        // Rows of a recognised table that held figures no column took (a 三公 line with neither 行次 nor a known label).
        foreach (var issue in report.Issues.Where(i => i.UnreadTable))
            documents.Add(new CheckedDocument(UnreadTables.Kind, UnreadTables.Kind, null, null,
                [new Finding(UnreadTables.Rule, Severity.Error, new FindingLocation(UnreadTables.Kind, null, $"原文第 {issue.Line} 行"), null, null, null, issue.Message + "，其中的数字未经核对")])
            {
                Reading = "表中含数字的行未能读取",
            });

        if (report.ProjectScores.Count > 0)
            documents.Add(ScoreList(report));

        if (report.Summary is { } summary)
        {
            var figures = SummaryReviewChecker.Compute(summary);
            documents.Add(new CheckedDocument($"项目支出绩效自评情况汇总审核表：{summary.Unit}", "项目支出绩效自评情况汇总审核表", figures.Average,
                figures.Average is { } a ? GradeBands.Ministry.GradeOf(a).ToString() : null, SummaryReviewChecker.Check(summary, options))
            {
                Reading = $"项目 {summary.Rows.Count} 行",
                Checked = summary.Rows.Count + 1,
            });
        }
        return new CheckReport(report.Source, documents, report.Issues);
    }

    /// <summary>
    /// Reports pasted one after another: a table kind seen again starts the next report's set, so each set is checked on
    /// its own (its findings once, never multiplied by the other sets' tables of the same name).
    /// </summary>
    private static List<List<DisclosureTable>> Packages(IReadOnlyList<DisclosureTable> tables)
    {
        var packages = new List<List<DisclosureTable>>();
        foreach (var table in tables)
        {
            if (packages.Count == 0 || packages[^1].Any(t => t.Kind == table.Kind)) packages.Add([]);
            packages[^1].Add(table);
        }
        return packages;
    }

    private static CheckedDocument ScoreList(ImportedReport report)
    {
        var average = SummaryReviewChecker.Average(report.ProjectScores.Select(p => (decimal?)p.Score))!.Value;
        var findings = new List<Finding>();
        var stated = StatedAverage().Match(NarrativeChecker.Flatten(report.Narrative));
        if (stated.Success)
        {
            var value = decimal.Parse(stated.Groups[1].Value, CultureInfo.InvariantCulture);
            if (value != average)
                findings.Add(new Finding("SR-AVERAGE", Math.Abs(value - average) <= 0.01m ? Severity.Rounding : Severity.Error,
                    new FindingLocation(ScoreListKind, null, "平均分"), Money.Format(average), Money.Exact(value), value - average,
                    $"文中平均分 {value}，{report.ProjectScores.Count} 个项目得分的算术平均为 {Money.Format(average)}"));
        }
        return new CheckedDocument($"{ScoreListKind}（{report.ProjectScores.Count} 个项目）", ScoreListKind, average, GradeBands.Ministry.GradeOf(average).ToString(), findings)
        {
            Reading = $"文中项目得分 {report.ProjectScores.Count} 处",
            Checked = report.ProjectScores.Count,
        };
    }

    /// <summary>Tables left in the narrative; the lines of a 汇总审核表 its own reader took are not among them.</summary>
    private static IReadOnlyList<UnreadTable> Unread(ImportedReport report, IReadOnlySet<int> read)
    {
        var narrative = report.Narrative;
        if (report.Summary is not null && narrative.LastIndexOf(SummaryReviewTextParser.Title, StringComparison.Ordinal) is var at and >= 0)
            narrative = narrative[..at];
        return UnreadTables.Find(narrative, read);
    }

    private static CheckedDocument UnreadDocument(IReadOnlyList<UnreadTable> unread) =>
        new(UnreadTables.Kind, UnreadTables.Kind, null, null,
            [.. unread.Select(u => new Finding(UnreadTables.Rule, Severity.Error, new FindingLocation(UnreadTables.Kind, null, u.Title), null,
                u.Rows > 0 ? $"{u.Rows} 行" : null, null,
                $"「{u.Title}」（情况说明第 {u.Line} 行起）像一张表格（{u.Reason}），但未能按任何已知表格读取，其中的数字未经核对"))])
        {
            Reading = $"未读取 {unread.Count} 处表格内容",
        };

    [GeneratedRegex(@"绩效自评平均分为(\d+(?:\.\d+)?)分")]
    private static partial Regex StatedAverage();
}
