using System.Globalization;
using System.Text.RegularExpressions;

namespace Approval.Workflow.SelfEvaluation;

public enum TargetKind
{
    /// <summary>Quantitative, positive (≥A): more is better.</summary>
    Positive,
    /// <summary>Quantitative, negative (≤A): less is better.</summary>
    Negative,
    /// <summary>Qualitative: the scorer picks a tier.</summary>
    Qualitative,
}

public sealed record ParsedTarget(TargetKind Kind, decimal? Value, string? Unit, string? Note)
{
    public bool IsQuantitative => Kind != TargetKind.Qualitative && Value is not null;
}

/// <summary>
/// Reads 年度指标值 text (`≥95%`, `≤5000元`, `每周巡检次数不少于2次`, `提高了 50%`, `三级` …) into a direction,
/// a value and a unit. Text it cannot read becomes qualitative with a note; it never throws.
/// </summary>
public static partial class TargetParser
{
    private static readonly string[] PositiveWords = ["≥", ">=", "＞=", "≧", "不少于", "不低于", "不小于", "至少", "以上", "超过", "高于", "大于", "达到", "高达", "提高", "提升", "增长", "节约", ">", "＞"];
    private static readonly string[] NegativeWords = ["≤", "<=", "＜=", "≦", "不超过", "不高于", "不大于", "不多于", "以内", "以下", "低于", "少于", "小于", "控制在", "<", "＜"];

    public static ParsedTarget Parse(string? target, string? explicitNature = null, string? explicitUnit = null)
    {
        var text = Normalize(target);
        var number = FirstNumber(text);
        var unit = string.IsNullOrWhiteSpace(explicitUnit) ? number?.Unit : explicitUnit.Trim();

        if (!string.IsNullOrWhiteSpace(explicitNature))
        {
            var nature = explicitNature.Trim();
            if (nature is "定性") return new(TargetKind.Qualitative, null, null, null);
            if (number is null) return new(TargetKind.Qualitative, null, null, $"指标性质为「{nature}」但年度指标值无数值，按定性处理");
            return nature switch
            {
                "≥" or ">=" or "＞" or ">" or "≧" => new(TargetKind.Positive, number.Value, unit, null),
                "≤" or "<=" or "＜" or "<" or "≦" => new(TargetKind.Negative, number.Value, unit, null),
                "=" or "＝" or "﹦" => new(TargetKind.Positive, number.Value, unit, "指标性质为「=」，达到指标值即满分"),
                _ => new(TargetKind.Qualitative, null, null, $"无法识别的指标性质「{nature}」，按定性处理"),
            };
        }

        if (number is null) return new(TargetKind.Qualitative, null, null, text.Length == 0 ? "未填写年度指标值" : null);

        var before = text[..number.Index];
        var after = text[(number.Index + number.Length)..].TrimStart();
        // "=100%" / "﹦100%" (Sichuan's forms write the 指标性质 into the value): reaching the value is full marks.
        if (before.Trim() == "=") return new(TargetKind.Positive, number.Value, unit, "指标值为「=」，达到指标值即满分");
        var (positive, negative) = Directions(before, after);
        if (negative && !positive) return new(TargetKind.Negative, number.Value, unit, null);
        if (positive && !negative) return new(TargetKind.Positive, number.Value, unit, null);
        if (positive && negative) return new(TargetKind.Qualitative, null, null, $"年度指标值「{target}」方向不明，按定性处理");
        return new(TargetKind.Positive, number.Value, unit, "未写明方向（≥/≤），按正向指标处理");
    }

    /// <summary>The first number in an actual value ("每周巡检次数3次" → 3, "99%" → 99), or null when there is none.</summary>
    public static NumberInText? FirstNumber(string? text)
    {
        var normalized = Normalize(text);
        var match = NumberPattern().Match(normalized);
        if (!match.Success) return null;
        // A digit string beyond decimal's range (29 digits and more) is no figure anyone scores against: no number.
        if (!decimal.TryParse(match.Groups["n"].Value.Replace(",", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out var value)) return null;
        var unit = match.Groups["u"].Success && match.Groups["u"].Value.Length > 0 ? match.Groups["u"].Value : null;
        return new NumberInText(value, unit, match.Index, match.Length);
    }

    public sealed record NumberInText(decimal Value, string? Unit, int Index, int Length);

    /// <summary>
    /// Which direction words stand before the number or right after it. Longest words first, masked once
    /// found, so that 不少于 does not also count as 少于, nor 不超过 as 超过.
    /// </summary>
    private static (bool Positive, bool Negative) Directions(string before, string after)
    {
        var positive = false;
        var negative = false;
        foreach (var (word, isPositive) in AllWords)
        {
            var found = false;
            var index = before.IndexOf(word, StringComparison.Ordinal);
            if (index >= 0)
            {
                before = before.Remove(index, word.Length).Insert(index, new string('·', word.Length));
                found = true;
            }
            if (after.StartsWith(word, StringComparison.Ordinal))
            {
                after = new string('·', word.Length) + after[word.Length..];
                found = true;
            }
            if (!found) continue;
            if (isPositive) positive = true; else negative = true;
        }
        return (positive, negative);
    }

    private static readonly (string Word, bool Positive)[] AllWords = PositiveWords.Select(w => (w, true))
        .Concat(NegativeWords.Select(w => (w, false)))
        .OrderByDescending(p => p.Item1.Length)
        .ToArray();

    private static string Normalize(string? text) =>
        Import.FullWidthFigures.LookAlikes(text ?? "").Replace('％', '%').Replace('，', ',').Replace('．', '.').Trim();

    [GeneratedRegex(@"(?<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?<u>%|万元|元|个|次|人次|人|分钟|小时|天|日|分|项|家|台|套|件|户|篇|期|场|批|辆|平方米|米|公里|GB|TB|M)?")]
    private static partial Regex NumberPattern();
}
