using Approval.Workflow.Checking;
using Approval.Workflow.SelfEvaluation;
using Approval.Workflow.Submissions.Reviewing;
using Approval.Workflow.Templates;

namespace Approval.Web.Pages.Forms;

/// <summary>
/// What the official 项目支出绩效自评表 layout (<c>_SelfEvaluationForm.cshtml</c>) needs: the form as filed, the
/// engine's result and findings for the screen, and the 业务股室's block once reviewed. One partial renders it for
/// the preparer, the reviewer, the public and the printer, so that what is approved is what is printed.
/// </summary>
public sealed record SelfEvaluationFormView(ProjectSelfEvaluationForm Form, int? Year)
{
    public SelfEvaluationResult? Result { get; init; }
    public IReadOnlyList<Finding> Findings { get; init; } = [];
    public IReadOnlyList<RowRemark> Remarks { get; init; } = [];
    public ReviewerSignOff? Review { get; init; }

    /// <summary>A 部门整体支出绩效自评表 (attached to a 部门整体 report): 部门名称 for 项目名称, 年度预算 for 项目资金.</summary>
    public bool Overall { get; init; }

    public string PaperTitle => Overall ? "部门整体支出绩效自评表" : "项目支出绩效自评表";

    /// <summary>Prefixes the element ids, so that several forms on one page (a 决算公开 package's 附件) keep them unique; "" for the page's own form.</summary>
    public string IdPrefix { get; init; } = "";

    /// <summary>A 决算公开 package's 附件: reviewed with the package, so without the 业务股室's 优/良/中/差 block of its own.</summary>
    public bool Attached { get; init; }

    /// <summary>指标性质 and 度量单位 columns are printed only when a row has them (templates that carry them).</summary>
    public bool HasNatureAndUnit => Form.Indicators.Any(i => !string.IsNullOrWhiteSpace(i.Nature) || !string.IsNullOrWhiteSpace(i.Unit));

    /// <summary>Columns of the table: 绩效指标 | 一级 | 二级 | 三级 | [性质 | 单位] | 指标值 | 完成值 | 分值 | 得分 | 偏差原因.</summary>
    public int Columns => HasNatureAndUnit ? 11 : 9;

    /// <summary>Extra columns the wide text cells span when the nature and unit columns are present.</summary>
    public int Extra => HasNatureAndUnit ? 2 : 0;

    public int? DisplayYear => Year ?? Form.Header.Year;

    /// <summary>
    /// Row spans of the merged 一级/二级 cells: consecutive rows with the same level share one cell, as on paper.
    /// 0 means the cell is covered by the one above.
    /// </summary>
    public IReadOnlyList<(int LevelOne, int LevelTwo)> Spans()
    {
        var rows = Form.Indicators;
        var spans = new (int LevelOne, int LevelTwo)[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            if (i == 0 || rows[i].LevelOne != rows[i - 1].LevelOne)
                spans[i].LevelOne = Count(i, j => rows[j].LevelOne == rows[i].LevelOne);
            if (i == 0 || rows[i].LevelOne != rows[i - 1].LevelOne || rows[i].LevelTwo != rows[i - 1].LevelTwo)
                spans[i].LevelTwo = Count(i, j => rows[j].LevelOne == rows[i].LevelOne && rows[j].LevelTwo == rows[i].LevelTwo);
        }
        return spans;

        int Count(int from, Func<int, bool> same)
        {
            var n = 0;
            while (from + n < rows.Count && same(from + n)) n++;
            return n;
        }
    }

    /// <summary>"产出指标（50分）": the level's name as printed, with its weight where the form states one.</summary>
    public string LevelOneLabel(string levelOne)
    {
        var name = levelOne.EndsWith("指标", StringComparison.Ordinal) ? levelOne : levelOne + "指标";
        return Form.StatedLevelOneWeights.TryGetValue(levelOne, out var weight) ? $"{name}（{Money.Exact(weight)}分）" : name;
    }

    public static string LevelTwoLabel(string levelTwo) =>
        levelTwo.EndsWith("指标", StringComparison.Ordinal) || levelTwo.Length == 0 ? levelTwo : levelTwo + "指标";

    /// <summary>The findings of the <paramref name="number"/>th indicator row (by its number: two rows may share a name).</summary>
    public IReadOnlyList<Finding> FindingsOfRow(IndicatorRow row, int number) =>
        [.. Findings.Where(f => f.Location.IndicatorRow() is { } n ? n == number : f.Location.Row?.Contains($"「{row.Name}」", StringComparison.Ordinal) == true)];

    /// <summary>Findings about the 总分 row (weight total, score total) and about the printed grade.</summary>
    public IReadOnlyList<Finding> FindingsAbout(string table) =>
        [.. Findings.Where(f => f.Location.Table == table || f.Location.Row == table)];

    public IReadOnlyList<Finding> FindingsOfLevelOne(string levelOne) =>
        [.. Findings.Where(f => f.Location.Table == "绩效指标" && f.Location.Row == (levelOne.EndsWith("指标", StringComparison.Ordinal) ? levelOne : levelOne + "指标"))];

    public static string FlagOf(IReadOnlyList<Finding> findings) =>
        findings.Any(f => f.Severity == Severity.Error) ? "flag-error" : findings.Any(f => f.Severity == Severity.Warning) ? "flag-warning" : "";

    /// <summary>执行率 as printed, else 全年执行数 ÷ 全年预算数 (what the column's heading says it is).</summary>
    public string RateText => Form.Funds.StatedRateText
        ?? (Form.Funds.StatedRatePercent is { } printed ? Money.Format(printed) + "%"
        : Form.Funds.Total is { FullYearBudget: > 0 and var budget, Executed: { } executed } ? Money.Format(executed / budget * 100) + "%" : "");

    public static string Amount(decimal? value) => value is { } v ? Money.Format(v) : "";

    /// <summary>Scores as on the form: two decimals, blank when not filled.</summary>
    public static string Score(decimal? value) => value is { } v ? Money.Format(v) : "";

    /// <summary>Weights as scores: two decimals on the screen and paper alike (the data keeps what was entered).</summary>
    public static string Weight(decimal? value) => value is { } v ? Money.Format(v) : "";

    /// <summary>A finding's expected/actual figure: a plain number with two decimals, anything else ("0–10", "75.00%") as it is.</summary>
    public static string Figure(string? text) =>
        decimal.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint,
            System.Globalization.CultureInfo.InvariantCulture, out var v) ? Money.Format(v) : text ?? "";

    /// <summary>The id of the element on the form a finding concerns (the row, the 项目资金 line, the 总分 row …), null when none.</summary>
    public static string? TargetOf(Finding finding) => finding.Location switch
    {
        { Table: "绩效指标" } l when l.IndicatorRow() is { } row => $"row-{row}",
        { Table: "项目资金" } => "funds-total",
        { Table: "总分" } or { Row: "总分" } => "total-row",
        { Table: "评价等级" } or { Row: "评价等级" } => "grade-row",
        _ => null,
    };

    /// <summary>
    /// How the engine read the targets, one note per kind ("未写明方向（≥/≤），按正向指标处理") with the rows it concerns,
    /// instead of the same sentence on every row.
    /// </summary>
    public IReadOnlyList<(string Note, IReadOnlyList<int> Rows)> TargetNotes() =>
        [.. Form.Indicators
            .Select((row, i) => (Note: TargetParser.Parse(row.Target, row.Nature, row.Unit).Note, Row: i + 1))
            .Where(p => p.Note is not null)
            .GroupBy(p => p.Note!)
            .Select(g => (g.Key, (IReadOnlyList<int>)[.. g.Select(p => p.Row)]))];

    /// <summary>A row's score explanation without the target note that <see cref="TargetNotes"/> states once for all rows.</summary>
    public static string Explanation(IndicatorScore score, IndicatorRow row) =>
        TargetParser.Parse(row.Target, row.Nature, row.Unit).Note is { } note ? score.Explanation.Replace("。" + note, "", StringComparison.Ordinal) : score.Explanation;
}

/// <summary>The 业务股室's block: 审核意见（优、良、中、差）, 经办人签名 (null on public copies), 审核时间, 盖章.</summary>
public sealed record ReviewerSignOff(Grade Grade, string? Officer, DateTimeOffset ReviewedAt, string? Stamp, string? Section);
