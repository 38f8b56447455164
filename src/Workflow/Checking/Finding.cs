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
public sealed record FindingLocation(string Document, string? Table = null, string? Row = null, string? Column = null)
{
    public override string ToString() =>
        string.Join(" / ", new[] { Document, Table, Row, Column }.Where(p => !string.IsNullOrWhiteSpace(p)));
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
