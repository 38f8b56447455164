using System.Text.Json.Serialization;

namespace Approval.Workflow.Checking;

[JsonConverter(typeof(JsonStringEnumConverter<Severity>))]
public enum Severity
{
    /// <summary>The figures contradict a rule: the report must be corrected.</summary>
    Error,
    /// <summary>Something a reviewer should look at; not provably wrong.</summary>
    Warning,
    /// <summary>A difference within the rounding tolerance (尾数误差): noted, not an error.</summary>
    Rounding,
}

/// <summary>Where a finding points: document, table, row (code or name) and column.</summary>
public sealed partial record FindingLocation(string Document, string? Table = null, string? Row = null, string? Column = null)
{
    public override string ToString() =>
        string.Join(" / ", new[] { Document, Table, Row, Column }.Where(p => !string.IsNullOrWhiteSpace(p)));

    /// <summary>
    /// Where on the page the reader is looking at: table, row and column, without the document when a table is named (the page is it) and
    /// without the imported file's line number ("（原文第 490 行）", useful in the `check` output, noise on the form).
    /// </summary>
    public string Place() =>
        string.Join(" · ", new[] { Table ?? Document, Row is null ? null : SourceLineNote().Replace(Row, ""), Column }.Where(p => !string.IsNullOrWhiteSpace(p)));

    /// <summary>The 1-based 自评表 indicator row a location names ("第 13 行「企业满意度」…"), null for other locations.</summary>
    public int? IndicatorRow() =>
        Table == "绩效指标" && Row is not null && IndicatorRowPattern().Match(Row) is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;

    [System.Text.RegularExpressions.GeneratedRegex(@"（原文第 \d+ 行）")]
    private static partial System.Text.RegularExpressions.Regex SourceLineNote();

    [System.Text.RegularExpressions.GeneratedRegex(@"^第 (\d+) 行「")]
    private static partial System.Text.RegularExpressions.Regex IndicatorRowPattern();
}

/// <summary>
/// One result of a check. <see cref="Rule"/> is a stable id (documented in docs/rules.md);
/// expected and actual are the figures the check compared, formatted as they were used.
/// </summary>
public sealed record Finding(
    string Rule,
    Severity Severity,
    FindingLocation Location,
    string? Expected,
    string? Actual,
    decimal? Difference,
    string Message);
