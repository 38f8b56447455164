using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Approval.Workflow.Checking;

/// <summary>Renders a <see cref="CheckReport"/> as the `check` command prints it: a table for people, or one JSON document.</summary>
public static class CheckReportFormatter
{
    // Figures and counts are machine-formatted ("1,387.15", "12"); the words around them are Chinese whatever the server's culture.
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Severity(Severity severity) => severity switch
    {
        Checking.Severity.Error => "error",
        Checking.Severity.Warning => "warning",
        _ => "rounding",
    };

    private static string SeverityChinese(Severity severity) => severity switch
    {
        Checking.Severity.Error => "错误",
        Checking.Severity.Warning => "提示",
        _ => "尾差",
    };

    public static string ToJson(CheckReport report)
    {
        var root = new JsonObject
        {
            ["source"] = report.Source,
            ["documents"] = new JsonArray(report.Documents.Select(d => (JsonNode)new JsonObject
            {
                ["title"] = d.Title,
                ["kind"] = d.Kind,
                ["score"] = d.Score is { } s ? JsonValue.Create(s) : null,
                ["grade"] = d.Grade,
                ["read"] = d.Reading,
                ["checked"] = d.Checked,
                // The errors the grade depends on (GradeTrust): while any stand, the grade is no suggestion (不可信).
                ["gradeDependsOn"] = d.SelfEvaluation is { } trust ? new JsonArray((trust.GradeDependsOn ?? []).Select(f => (JsonNode)JsonValue.Create(f.Rule)!).ToArray()) : null,
                ["indicators"] = d.SelfEvaluation is { } r
                    ? new JsonArray(r.Indicators.Select(i => (JsonNode)new JsonObject
                    {
                        ["row"] = i.Row, ["levelOne"] = i.LevelOne, ["levelTwo"] = i.LevelTwo, ["name"] = i.Name, ["weight"] = i.Weight,
                        ["kind"] = i.Kind.ToString(), ["computed"] = i.Computed is { } c ? JsonValue.Create(Money.Round2(c)) : null,
                        ["counted"] = Money.Round2(i.Counted), ["stated"] = i.StatedScore is { } st ? JsonValue.Create(st) : null,
                        ["explanation"] = i.Explanation,
                    }).ToArray())
                    : null,
                ["funds"] = d.SelfEvaluation is { } f
                    ? new JsonObject
                    {
                        ["ratePercent"] = f.Funds.RatePercent is { } rp ? JsonValue.Create(Money.Round2(rp)) : null,
                        ["score"] = Money.Round2(f.Funds.Score), ["stated"] = f.Funds.StatedScore is { } fs ? JsonValue.Create(fs) : null,
                        ["explanation"] = f.Funds.Explanation,
                    }
                    : null,
                ["template"] = d.SelfEvaluation is { } t ? $"{t.TemplateId}@{t.TemplateVersion}" : null,
                ["findings"] = new JsonArray(d.Findings.Select(x => (JsonNode)new JsonObject
                {
                    ["rule"] = x.Rule,
                    ["severity"] = Severity(x.Severity),
                    ["location"] = x.Location.ToString(),
                    ["expected"] = x.Expected,
                    ["actual"] = x.Actual,
                    ["difference"] = x.Difference is { } diff ? JsonValue.Create(diff) : null,
                    ["message"] = x.Message,
                }).ToArray()),
            }).ToArray()),
            ["issues"] = new JsonArray(report.Issues.Select(i => (JsonNode)new JsonObject
            {
                ["line"] = i.Line, ["message"] = i.Message, ["fatal"] = i.Fatal,
            }).ToArray()),
        };
        return root.ToJsonString(JsonOptions);
    }

    public static string ToText(CheckReport report)
    {
        var sb = new StringBuilder();
        sb.AppendLine(Invariant, $"审核：{report.Source}");
        foreach (var d in report.Documents)
        {
            sb.AppendLine();
            sb.Append("■ ").Append(d.Title);
            if (d.Score is { } score) sb.Append(Invariant, $"  得分 {Money.Format(score)}");
            if (d.Grade is { } grade) sb.Append(Invariant, $"  等级 {grade}");
            if (d.SelfEvaluation is { GradeIsTrusted: false } untrusted)
                sb.Append(Invariant, $"（不可信，依赖的错误：{string.Join("、", untrusted.GradeDependsOn!.Select(f => f.Rule).Distinct())}）");
            sb.AppendLine();
            if (d.Reading.Length > 0) sb.AppendLine(Invariant, $"  读取：{d.Reading}");
            if (d.SelfEvaluation is { } r)
            {
                sb.AppendLine(Invariant, $"  模板 {r.TemplateId}@{r.TemplateVersion}；预算执行：{r.Funds.Explanation}");
                foreach (var i in r.Indicators)
                    sb.AppendLine(Invariant, $"  {i.Row,3}. [{i.LevelOne}/{i.LevelTwo}] {i.Name}  分值 {i.Weight}  填报 {i.StatedScore?.ToString(Invariant) ?? "—"}  重算 {(i.Computed is { } c ? Money.Format(c) : "定性")}  — {i.Explanation}");
            }
            if (d.Findings.Count == 0)
            {
                // "未发现问题" only for what was read and checked; text read without a checkable statement says so.
                sb.AppendLine(d.Checked > 0 ? "  未发现问题" : "  未核对（没有可核对的内容）");
                continue;
            }
            foreach (var f in d.Findings.OrderBy(f => f.Severity))
                sb.AppendLine(Invariant, $"  [{SeverityChinese(f.Severity)}] {f.Rule,-22} {f.Location}  应为 {f.Expected ?? "—"}  实为 {f.Actual ?? "—"}  {f.Message}");
        }
        if (report.Issues.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("■ 未能读取的内容");
            foreach (var i in report.Issues) sb.AppendLine(Invariant, $"  第 {i.Line} 行：{i.Message}{(i.Fatal ? "（无法继续）" : "")}");
        }
        var all = report.Documents.SelectMany(d => d.Findings).ToList();
        sb.AppendLine();
        if (report.HasUnreadTables) sb.AppendLine("有未能识别的表格：报告未被完整读取，不能视为审核通过");
        else if (report.NothingChecked && !report.Issues.Any(i => i.Fatal)) sb.AppendLine("未核对任何内容：没有读到可核对的表格、自评表或表述");
        sb.AppendLine(Invariant, $"合计：{report.Documents.Count} 份文档，错误 {all.Count(f => f.Severity == Checking.Severity.Error)}，提示 {all.Count(f => f.Severity == Checking.Severity.Warning)}，尾差 {all.Count(f => f.Severity == Checking.Severity.Rounding)}");
        return sb.ToString();
    }

    /// <summary>
    /// 0 when there is no error, 1 when there is, 2 when the input could not be read, holds a table no reader took
    /// (RD-UNREAD-TABLE) or nothing of it could be checked: an unread report never looks like a clean one.
    /// </summary>
    public static int ExitCode(CheckReport report) =>
        report.Issues.Any(i => i.Fatal) || report.HasUnreadTables || report.NothingChecked ? 2 : report.HasErrors ? 1 : 0;
}
