namespace Approval.Workflow.Submissions.Drafting;

/// <summary>Limits a serious product puts on entered figures and text, before anything is recorded.</summary>
public static partial class ContentValidation
{
    /// <summary>Largest amount accepted, in 万元 (a trillion 万元 is far beyond any unit's budget).</summary>
    public const decimal MaxAmount = 1_000_000_000_000m;
    public const int MaxDecimals = 6;
    public const int MaxIndicators = 200;
    public const int MaxTextLength = 20_000;

    /// <summary>
    /// True when any text anywhere in the value holds a control character other than tab and line breaks
    /// (PostgreSQL cannot even store NUL in JSON). Checked on the serialized form so no field is forgotten.
    /// </summary>
    public static bool HasControlCharacters(object value) =>
        ControlEscape().IsMatch(System.Text.Json.JsonSerializer.Serialize(value));

    [System.Text.RegularExpressions.GeneratedRegex(@"\\u00[01][0-9A-Fa-f]|\\u007[Ff]")]
    private static partial System.Text.RegularExpressions.Regex ControlEscape();

    public static IEnumerable<string> Problems(SubmissionContent content)
    {
        if (IncompleteContent.Problem(content) is { } incomplete)
        {
            yield return incomplete;
            yield break;
        }
        if (HasControlCharacters(content)) yield return "内容中含有控制字符（如 NUL），请删除后重试";
        if (content.ProjectForm is { } form)
        {
            if (string.IsNullOrWhiteSpace(form.Header.ProjectName)) yield return "请填写项目名称";
            if (InvisibleText.Contains(form.Header.ProjectName)) yield return "项目名称中含有不可见字符或文字方向控制符";
            if (form.StatedTotal is < 0 or > 100) yield return $"总分（填报）应在 0–100 之间：{form.StatedTotal}";
            if (form.Funds.StatedScore is < 0 || form.Funds.StatedScore > form.Funds.Weight)
                yield return $"预算执行得分 {form.Funds.StatedScore} 应在 0–{form.Funds.Weight} 之间";
            if (form.Indicators.Count == 0) yield return "至少需要一个绩效指标";
            if (form.Indicators.Count > MaxIndicators) yield return $"绩效指标不能超过 {MaxIndicators} 个";
            foreach (var problem in SelfEvaluation.IndicatorRowIds.Problems(form.Indicators)) yield return problem;
            foreach (var (name, value) in Amounts(form))
            {
                if (value is not { } v) continue;
                if (v < 0) yield return $"{name}不能为负数：{v}";
                if (Math.Abs(v) > MaxAmount) yield return $"{name}超出合理范围：{v}";
                if (v.Scale > MaxDecimals) yield return $"{name}小数位不能超过 {MaxDecimals} 位：{v}";
            }
            foreach (var i in form.Indicators)
            {
                if (string.IsNullOrWhiteSpace(i.Name)) yield return "三级指标名称不能为空";
                if (i.Weight < 0) yield return $"指标「{i.Name}」分值不能为负数";
                if (i.Weight > 100) yield return $"指标「{i.Name}」分值不能超过 100";
                if (i.StatedScore is < 0) yield return $"指标「{i.Name}」得分不能为负数";
                if (i.StatedScore > i.Weight) yield return $"指标「{Truncate(i.Name)}」得分 {i.StatedScore} 超过其分值 {i.Weight}";
                if (i.StatedScore is { Scale: > 2 }) yield return $"指标「{Truncate(i.Name)}」得分最多保留两位小数";
                if (InvisibleText.Contains(i.Name)) yield return $"指标「{Truncate(i.Name)}」名称中含有不可见字符或文字方向控制符";
                if (new[] { i.Name, i.Target, i.Actual, i.Deviation ?? "" }.Any(t => t.Length > MaxTextLength))
                    yield return $"指标「{Truncate(i.Name)}」文字过长";
                if (new[] { i.Name, i.Target, i.Actual, i.Deviation ?? "", i.LevelOne, i.LevelTwo }.Any(HasControlCharacters))
                    yield return $"指标「{Truncate(i.Name)}」含有控制字符";
            }
            if (form.Funds.Weight + form.Indicators.Sum(i => i.Weight) <= 0) yield return "分值合计为 0，无法评分";
        }
        if (content.Department is { } d)
        {
            if (d.Narrative.Length > MaxTextLength * 10) yield return "报告正文过长";
            if (d.StatedScore is < 0 or > 100) yield return "自评得分应在 0–100 之间";
        }
        if (content.Disclosure is { } p)
            foreach (var problem in Problems(p))
                yield return problem;
        if (content.Summary is { } declared)
        {
            if (declared.UnitProjectExpenditure is < 0 or > 1_000_000_000m) yield return "项目支出总额应在 0 至 10 亿万元之间";
            if (declared.UnitProjectExpenditure is { } e && decimal.Round(e, 2) != e) yield return "项目支出总额以万元计，至多两位小数";
            if (declared.UnitProjectCount is < 0 or > 100_000) yield return "部门项目总个数应在 0 至 100000 之间";
            if (declared.Note is { Length: > 500 }) yield return "说明不能超过 500 个字";
            if (declared.Note is { } note && note.Any(c => char.IsControl(c))) yield return "说明中含有控制字符";
        }
    }

    private static IEnumerable<(string, decimal?)> Amounts(SelfEvaluation.ProjectSelfEvaluationForm form)
    {
        foreach (var line in new[] { form.Funds.Total }.Concat(form.Funds.SubRows))
        {
            yield return ($"{line.Name}年初预算数", line.InitialBudget);
            yield return ($"{line.Name}全年预算数", line.FullYearBudget);
            yield return ($"{line.Name}全年执行数", line.Executed);
        }
        yield return ("预算执行分值", form.Funds.Weight);
    }

    private static bool HasControlCharacters(string text) => text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'));

    private static string Truncate(string s) => s.Length > 20 ? s[..20] + "…" : s;
}
