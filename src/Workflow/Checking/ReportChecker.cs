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
}

public sealed record CheckReport(string Source, IReadOnlyList<CheckedDocument> Documents, IReadOnlyList<ImportIssue> Issues)
{
    public bool HasErrors => Documents.SelectMany(d => d.Findings).Any(f => f.Severity == Severity.Error);
}

/// <summary>Runs every engine over an imported report.</summary>
public static partial class ReportChecker
{
    public const string FormKind = "项目支出绩效自评表";
    public const string TableKind = "部门决算公开表";
    public const string NarrativeKind = "部门决算情况说明";
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
            });
        }

        var packages = Packages(report.Tables);
        foreach (var (package, index) in packages.Select((p, i) => (p, i)))
        {
            var findings = DisclosureChecker.Check(package, TableKind, options);
            var which = packages.Count > 1 ? $"（第 {index + 1} 份）" : "";
            foreach (var table in package)
                documents.Add(new CheckedDocument(table.DisplayName + which, TableKind, null, null,
                    findings.Where(f => f.Location.Table == table.DisplayName).ToList()));
        }

        if (report.Narrative.Trim().Length > 0)
            documents.Add(new CheckedDocument(NarrativeKind, NarrativeKind, null, null,
                [.. NarrativeChecker.Check(report.Narrative, NarrativeKind), .. PackageNarrativeChecker.Check(report.Narrative, packages.Count == 1 ? packages[0] : [], report.Forms, NarrativeKind, options)]));

        if (report.ProjectScores.Count > 0)
            documents.Add(ScoreList(report));

        if (report.Summary is { } summary)
        {
            var figures = SummaryReviewChecker.Compute(summary);
            documents.Add(new CheckedDocument($"项目支出绩效自评情况汇总审核表：{summary.Unit}", "项目支出绩效自评情况汇总审核表", figures.Average,
                figures.Average is { } a ? GradeBands.Ministry.GradeOf(a).ToString() : null, SummaryReviewChecker.Check(summary, options)));
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
        return new CheckedDocument($"{ScoreListKind}（{report.ProjectScores.Count} 个项目）", ScoreListKind, average, GradeBands.Ministry.GradeOf(average).ToString(), findings);
    }

    [GeneratedRegex(@"绩效自评平均分为(\d+(?:\.\d+)?)分")]
    private static partial Regex StatedAverage();
}
