namespace Approval.Workflow.Submissions.Reviewing;

/// <summary>
/// A 逐行意见: <see cref="RowId"/> is the 三级指标 row's id (<see cref="SelfEvaluation.IndicatorRowIds"/>), and the remark shows on
/// that row only; <see cref="RowReference"/> is the row as a reader tells it. A remark recorded before rows had ids has only
/// the reference (the row's name) and shows on the rows of that name.
/// </summary>
public sealed record RowRemark(string RowReference, string Remark)
{
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? RowId { get; init; }

    /// <summary>Whether this remark is about the row with <paramref name="rowId"/> and <paramref name="name"/>.</summary>
    public bool IsOn(string rowId, string name) => RowId is { } id ? id == rowId : RowReference == name;
}

/// <summary>退回修改: back to the preparer with the reasons and per-row remarks.</summary>
public sealed record ReturnedForRevision(Guid SubmissionId, int Round, string Reason, IReadOnlyList<RowRemark> RowRemarks, Actor By) : ISubmissionEvent
{
    public SubmissionState StateAfter(SubmissionState before) => SubmissionState.Returned;
    public string ActionName() => "退回修改";
    public string Describe() => $"{By.Display} 退回修改：{Reason}{(RowRemarks.Count > 0 ? $"（逐行意见 {RowRemarks.Count} 条）" : "")}";
    public EventNotice Notice(string title, string unitName) => new("returned", $"「{title}」已退回修改：{Reason}");
}

/// <summary>退回修改: the reason and the 逐行意见.</summary>
public sealed record ReturnCommand(string? Reason, IReadOnlyList<RowRemark>? RowRemarks = null);

public static partial class ReviewRules
{
    /// <summary>退回修改 by the reviewer holding the review.</summary>
    public static ReturnedForRevision Decide(Submission submission, ReturnCommand command, Actor by) =>
        Return(submission, command.Reason ?? "", command.RowRemarks, by);

    public static ReturnedForRevision Return(Submission submission, string reason, IReadOnlyList<RowRemark>? remarks, Actor by)
    {
        var acting = RequireHolder(submission, by);
        if (remarks is { Count: > MaxRowRemarks })
            throw new SubmissionRuleException(RuleViolation.Invalid("too-many-remarks", $"逐行意见不能超过 {MaxRowRemarks} 条（每行一条）", "too many row remarks"));
        if (remarks?.Any(r => r is null) == true)
            throw new SubmissionRuleException(RuleViolation.Invalid("row-remark-invalid", "逐行意见中有空项", "a row remark is null"));
        var cleanRemarks = (remarks ?? []).Where(r => !string.IsNullOrWhiteSpace(r.Remark)).Select(r => Submitting.SubmitRules.Clean(r.RowId) is { } id
                ? new RowRemark(IndicatorReference(submission, id), RequireText(r.Remark, "remark-required", "请填写逐行意见")) { RowId = id }
                : new RowRemark(RowReference(r.RowReference) ?? RequireText(null, "row-required", "逐行意见需指明所在行"), RequireText(r.Remark, "remark-required", "请填写逐行意见")))
            .ToList();
        if (cleanRemarks.Where(r => r.RowId is not null).GroupBy(r => r.RowId).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new SubmissionRuleException(RuleViolation.Invalid("row-remark-twice", $"「{twice.First().RowReference}」有两条逐行意见：每行一条", "two remarks on one row"));
        return new ReturnedForRevision(submission.Id, submission.Round, RequireText(reason, "reason-required", "请填写退回原因"), cleanRemarks, acting);
    }
}
