namespace Approval.Workflow.Submissions.Reviewing;

/// <summary>
/// A reviewer's comment, optionally on one row: <see cref="RowReference"/> names it for a reader (an indicator's name, with its
/// levels when another row has that name; a table row's code); <see cref="RowId"/> is the 三级指标 row's id, null for comments
/// recorded before rows had ids and for rows that are not indicators.
/// </summary>
public sealed record ReviewCommented(Guid SubmissionId, int Round, string Text, string? RowReference, Actor By) : ISubmissionEvent
{
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? RowId { get; init; }

    public SubmissionState StateAfter(SubmissionState before) => before;
    public string ActionName() => "审核意见";
    public string Describe() => $"{By.Display} 添加审核意见{(RowReference is null ? "" : $"（{RowReference}）")}：{Text}";
    public EventNotice Notice(string title, string unitName) => new("commented", Describe());
}

/// <summary>审核意见: the text, and the row it is on (a 三级指标 row by <see cref="RowId"/>, another row by its name or code in <see cref="Row"/>).</summary>
public sealed record CommentCommand(string? Text, string? Row = null, string? RowId = null);

public static partial class ReviewRules
{
    /// <summary>审核意见 by a reviewer of the covering section while the report waits for or is under review.</summary>
    public static ReviewCommented Decide(Submission submission, CommentCommand command, Actor by) =>
        Comment(submission, command.Text ?? "", command.Row, by, command.RowId);

    /// <summary>审核意见, on the whole report, on a row named by <paramref name="row"/>, or on the 三级指标 row <paramref name="rowId"/> (named for the reader by the server).</summary>
    public static ReviewCommented Comment(Submission submission, string text, string? row, Actor by, string? rowId = null)
    {
        var acting = RequireSectionReviewer(submission, by);
        if (submission.State is not (SubmissionState.Submitted or SubmissionState.InReview))
            throw new SubmissionRuleException(RuleViolation.Conflict("not-in-review", $"报告当前为「{submission.State.Chinese()}」，不能添加审核意见", "not under review"));
        var clean = RequireText(text, "comment-required", "请填写意见内容");
        if (Submitting.SubmitRules.Clean(rowId) is { } id) return new ReviewCommented(submission.Id, submission.Round, clean, IndicatorReference(submission, id), acting) { RowId = id };
        return new ReviewCommented(submission.Id, submission.Round, clean, RowReference(row), acting);
    }
}
