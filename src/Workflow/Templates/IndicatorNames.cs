namespace Approval.Workflow.Templates;

/// <summary>Normalizes indicator names as printed ("产出指标(50分)", "服务对象满意度指标") to template names ("产出", "服务对象满意度").</summary>
public static class IndicatorNames
{
    public static readonly string[] KnownLevelOnes = ["产出", "效益", "满意度", "成本"];

    public static readonly string[] KnownLevelTwos =
    [
        "数量", "质量", "时效", "成本", "经济效益", "社会效益", "生态效益", "可持续影响", "服务对象满意度",
        "经济成本", "社会成本", "生态环境成本",
    ];

    public static string LevelOne(string printed)
    {
        var name = StripDecorations(printed);
        return name.EndsWith("指标", StringComparison.Ordinal) ? name[..^2] : name;
    }

    public static string LevelTwo(string printed) => LevelOne(printed);

    public static bool IsLevelOne(string printed) => KnownLevelOnes.Contains(LevelOne(printed)) && LooksLikeIndicatorLabel(printed);

    public static bool IsLevelTwo(string printed) => KnownLevelTwos.Contains(LevelTwo(printed)) && LooksLikeIndicatorLabel(printed);

    /// <summary>"产出指标(50分)" → 50.</summary>
    public static decimal? PrintedWeight(string printed)
    {
        var open = printed.IndexOfAny(['(', '（']);
        if (open < 0) return null;
        var inner = new string(printed[(open + 1)..].TakeWhile(c => char.IsDigit(c) || c == '.').ToArray());
        return decimal.TryParse(inner, System.Globalization.CultureInfo.InvariantCulture, out var w) ? w : null;
    }

    private static bool LooksLikeIndicatorLabel(string printed) => StripDecorations(printed).Length <= 10;

    private static string StripDecorations(string printed)
    {
        var text = new string(printed.Where(c => !char.IsWhiteSpace(c)).ToArray());
        var open = text.IndexOfAny(['(', '（']);
        return open > 0 ? text[..open] : text;
    }
}
