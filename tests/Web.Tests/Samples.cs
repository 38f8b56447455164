using Approval.Workflow.Import;
using Approval.Workflow.SelfEvaluation;
using Approval.Workflow.Submissions;

namespace Approval.Web.Tests;

public static class Samples
{
    public static ImportedReport Seed(string name) => ReportTextImporter.ReadFile(Path.Combine(AppContext.BaseDirectory, "Data", "seeds", name));

    public static ProjectSelfEvaluationForm GanfutongForm() => Seed("002_3e97706fd429c0f0.txt").Forms[1];

    /// <summary>The 赣服通 自评表 of seed 002 as its tab-separated text, as a clerk would paste it.</summary>
    public static string GanfutongFormText()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "seeds", "002_3e97706fd429c0f0.txt"));
        var start = text.IndexOf("附件4", StringComparison.Ordinal);
        var end = text.IndexOf("（三）部门评价项目绩效评价情况", StringComparison.Ordinal);
        return text[start..end];
    }

    public static SubmissionContent Ganfutong() => new() { ProjectForm = GanfutongForm() };

    /// <summary>The content as a report of <paramref name="year"/>: a report is filed under the year its header states, and
    /// tests draft the seeds' forms under years of their own to keep apart.</summary>
    public static SubmissionContent InYear(SubmissionContent content, int year) => content with
    {
        ProjectForm = content.ProjectForm is { } form ? form with { Header = form.Header with { Year = year } } : null,
        Disclosure = content.Disclosure is { } package
            ? package with { Tables = [.. package.Tables.Select(t => t.Heading is { Year: not null } h ? t with { Heading = h with { Year = year } } : t)] }
            : null,
    };

    /// <summary>A seed's report text as if it were of <paramref name="year"/> (its 2021 in titles and headings).</summary>
    public static string InYear(string seedText, int year) =>
        year == 2021 ? seedText : System.Text.RegularExpressions.Regex.Replace(seedText, @"2021(\s*)年", $"{year}$1年");

    public static SubmissionContent Disclosure2023()
    {
        var report = Seed("004_00e7fe4b0ab0df23.txt");
        return new SubmissionContent { Disclosure = new DisclosurePackage(report.Tables, report.Narrative) };
    }

    /// <summary>A project of seed 001's 汇总审核表, as a minimal 自评表 with the printed figures.</summary>
    public static SubmissionContent YiyangProject(string name, decimal budget, decimal executed, decimal total) => new()
    {
        ProjectForm = new ProjectSelfEvaluationForm
        {
            Header = new ProjectHeader(name, "弋阳县政务服务中心", "弋阳县政务服务中心", 2021),
            Funds = new FundsBlock { Total = new FundsLine("年度资金总额", budget, budget, executed), Weight = 10 },
            Indicators =
            [
                new IndicatorRow { LevelOne = "产出", LevelTwo = "数量", Name = "完成事项", Target = "≥1项", Actual = "1项", Weight = 50, StatedScore = 50 },
                new IndicatorRow { LevelOne = "效益", LevelTwo = "社会效益", Name = "服务效果", Target = "有效提升", Actual = "有效提升", Weight = 30, StatedScore = 30 },
                new IndicatorRow { LevelOne = "满意度", LevelTwo = "服务对象满意度", Name = "满意度", Target = "≥90%", Actual = "95%", Weight = 10, StatedScore = 10 },
            ],
            StatedWeightTotal = 100,
            StatedTotal = total,
        },
    };

    /// <summary>
    /// Seed 001's 部门整体 report with a 部门整体支出绩效自评表 attached before its 项目支出绩效自评报告 — the form made up from
    /// seed 001's figures (Data/made-up/overall-form-001.txt says so); <paramref name="changeReport"/> edits the whole text.
    /// </summary>
    public static string Seed001WithOverallForm(Func<string, string>? changeReport = null)
    {
        var form = string.Join("\n", File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", "made-up", "overall-form-001.txt")).Where(l => !l.StartsWith('#')));
        var report = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "seeds", "001_de08246b7e89c2ac.txt"));
        var at = report.IndexOf("\n项目支出绩效自评报告\n", StringComparison.Ordinal);
        Assert.True(at > 0, "seed 001's 项目支出绩效自评报告 heading");
        report = report[..at] + "\n" + form + "\n" + report[at..];
        return changeReport?.Invoke(report) ?? report;
    }
}
