using Approval.Workflow.Templates;

namespace Approval.Workflow.Submissions.Drafting;

/// <summary>A preparer starts a report: its unit, fiscal year, kind, title and first content.</summary>
public sealed record SubmissionDrafted(Guid SubmissionId, string UnitId, string UnitName, int FiscalYear, SubmissionKind Kind, string Title, SubmissionContent Content, Actor By)
    : ISubmissionEvent
{
    /// <summary>Set when the imported report names another unit and the preparer confirmed drafting it for their own; null otherwise.</summary>
    public UnitMismatchConfirmed? UnitMismatch { get; init; }

    public SubmissionState StateAfter(SubmissionState before) => SubmissionState.Draft;
    public string ActionName() => "起草";
    public string Describe() => $"{By.Name}（{By.Role.Chinese()}）起草{Kind.Chinese()}「{Title}」（{FiscalYear} 年度）" +
        (UnitMismatch is { } m ? $"；报告所署单位为「{m.NamedUnit}」（{m.Where}），与「{UnitName}」不一致，起草人确认仍以本单位名义起草" : "");
    public EventNotice Notice(string title, string unitName) => new("drafted", Describe(), UnitOnly: true);
}

/// <summary>The unit an imported report names (and where) although it is not the drafting unit, as the preparer confirmed it.</summary>
public sealed record UnitMismatchConfirmed(string NamedUnit, string Where);

/// <summary>The preparer changed the content; <see cref="Changes"/> says what, in words.</summary>
public sealed record DraftRevised(Guid SubmissionId, int ContentVersion, string Title, SubmissionContent Content, IReadOnlyList<string> Changes, Actor By)
    : ISubmissionEvent
{
    public SubmissionState StateAfter(SubmissionState before) => before;
    public string ActionName() => "修改";
    public string Describe() =>
        $"{By.Name} 修改报告（第 {ContentVersion} 版）：{string.Join("；", Changes.Take(5))}{(Changes.Count > 5 ? $" 等 {Changes.Count} 处" : "")}";
    public EventNotice Notice(string title, string unitName) => new("revised", Describe(), UnitOnly: true);
}

/// <summary>The engine scored and checked one content version; the result is kept as it was computed.</summary>
public sealed record SubmissionScored(Guid SubmissionId, ScoreCard Score, Actor By) : ISubmissionEvent
{
    public SubmissionState StateAfter(SubmissionState before) => before;
    public string ActionName() => "系统评分";
    public string Describe() =>
        $"系统评分（第 {Score.ContentVersion} 版）：{(Score.Total is { } t ? $"{Checking.Money.Format(t)} 分，{Suggestion()}，" : "")}错误 {Score.ErrorCount} 项，提示 {Score.WarningCount} 项";
    public EventNotice Notice(string title, string unitName) => new("scored", Describe(), UnitOnly: true);

    private string Suggestion() => Score.SuggestedGrade is { } grade ? $"建议等级「{grade}」"
        : Score.GradeCaveat is not null ? "建议等级不可信（有改变总分的错误）" : "无建议等级";
}

public static class DraftRules
{
    public const int MaxTitleLength = 200;

    public static SubmissionDrafted Draft(Guid id, string unitId, string unitName, int fiscalYear, SubmissionKind kind, string title, SubmissionContent content, Actor by,
        Func<string>? newRowId = null)
    {
        if (by.Role != Role.Preparer || by.UnitId != unitId)
            throw new SubmissionRuleException(RuleViolation.Forbidden("not-preparer", "只有本单位填报人可以起草报告", "only the unit's preparer can draft its reports"));
        RequireTitle(title);
        if (fiscalYear is < 2000 or > 2100)
            throw new SubmissionRuleException(RuleViolation.Invalid("fiscal-year", $"年度 {fiscalYear} 不在 2000–2100 之间", "fiscal year out of range"));
        RequireContent(kind, content);
        RequireYearAsStated(content, fiscalYear);
        return new SubmissionDrafted(id, unitId, unitName, fiscalYear, kind, title.Trim(), content.WithRowIds(null, newRowId), by);
    }

    /// <summary>The preparer's new content; its rows keep their ids, rows new to it get new ones (<paramref name="newRowId"/>, random by default).</summary>
    public static DraftRevised Revise(Submission submission, string? title, SubmissionContent content, Actor by, Func<string>? newRowId = null)
    {
        RequireEditable(submission, by);
        RequireContent(submission.Kind, content);
        RequireYearAsStated(content, submission.FiscalYear);
        content = content.WithRowIds(submission.Content, newRowId);
        var newTitle = title is null ? submission.Title : title.Trim();
        RequireTitle(newTitle);
        var changes = ContentDiff.Between(submission.Content, content);
        if (newTitle != submission.Title) changes = [$"标题：「{submission.Title}」→「{newTitle}」", .. changes];
        if (changes.Count == 0)
            throw new SubmissionRuleException(RuleViolation.Invalid("no-change", "内容没有变化", "nothing changed"));
        return new DraftRevised(submission.Id, submission.ContentVersion + 1, newTitle, content, changes, by);
    }

    public static SubmissionScored Score(Submission submission, Actor by, IReadOnlyList<IndicatorTemplate>? templates = null, DepartmentReport.RelatedReports? related = null)
    {
        RequireEditable(submission, by);
        return new SubmissionScored(submission.Id, SubmissionScoring.Score(submission.Kind, submission.Content, submission.ContentVersion, templates, related), by);
    }

    internal static void RequireEditable(Submission submission, Actor by)
    {
        if (by.Role != Role.Preparer || by.UnitId != submission.UnitId)
            throw new SubmissionRuleException(RuleViolation.Forbidden("not-preparer", "只有本单位填报人可以修改报告", "only the unit's preparer can change its report"));
        if (submission.State is not (SubmissionState.Draft or SubmissionState.Returned))
            throw new SubmissionRuleException(RuleViolation.Conflict("not-editable",
                submission.State == SubmissionState.Discarded ? "报告已作废，不能修改" : $"报告当前为「{submission.State.Chinese()}」，不能修改{submission.State switch
                {
                    SubmissionState.Published => "（已公开的报告只能以“发布更正”修改）",
                    SubmissionState.Approved => "（已审核通过）",
                    SubmissionState.Submitted => "（撤回后方可编辑）",
                    _ => "（退回修改后方可编辑）",
                }}", $"a {submission.State} submission cannot be changed"));
    }

    private static void RequireTitle(string title)
    {
        if (string.IsNullOrWhiteSpace(title))
            throw new SubmissionRuleException(RuleViolation.Invalid("title-required", "请填写报告标题", "title is required"));
        if (title.Length > MaxTitleLength)
            throw new SubmissionRuleException(RuleViolation.Invalid("title-too-long", $"标题不能超过 {MaxTitleLength} 个字", "title too long"));
        if (title.Any(c => char.IsControl(c)))
            throw new SubmissionRuleException(RuleViolation.Invalid("title-control", "标题中含有控制字符", "title has control characters"));
        if (InvisibleText.Contains(title))
            throw new SubmissionRuleException(RuleViolation.Invalid("title-invisible", "标题中含有不可见字符或文字方向控制符，请删除后重试",
                "title has invisible or bidirectional control characters"));
    }

    /// <summary>A report is filed under the year it states: a 2021 form filed as 2025 would be counted, reviewed and published
    /// under the wrong year without anyone noticing.</summary>
    public static void RequireYearAsStated(SubmissionContent content, int fiscalYear)
    {
        if (content.StatedYear() is { } stated && stated != fiscalYear)
            throw new SubmissionRuleException(RuleViolation.Conflict("year-mismatch",
                $"报告表头为 {stated} 年度，与所选的 {fiscalYear} 年度不一致；请按报告所属年度起草，或先更正表头年度",
                $"the content states fiscal year {stated}, not {fiscalYear}") with
            { Facts = new Dictionary<string, object?> { ["statedYear"] = stated, ["fiscalYear"] = fiscalYear } });
    }

    internal static void RequireContent(SubmissionKind kind, SubmissionContent content)
    {
        if (!content.Matches(kind))
            throw new SubmissionRuleException(RuleViolation.Invalid("content-kind", $"内容与报告类型「{kind.Chinese()}」不符", $"content does not match kind {kind}"));
        foreach (var problem in ContentValidation.Problems(content))
            throw new SubmissionRuleException(RuleViolation.Invalid("content-invalid", problem, "content is invalid: " + problem));
    }
}
