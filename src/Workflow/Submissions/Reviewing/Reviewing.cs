using Approval.Workflow.SelfEvaluation;
using Approval.Workflow.Templates;

namespace Approval.Workflow.Submissions.Reviewing;

/// <summary>A reviewer of the covering section took the submission: they hold the review.</summary>
public sealed record ReviewClaimed(Guid SubmissionId, int Round, Actor By) : ISubmissionEvent
{
    public SubmissionState StateAfter(SubmissionState before) => SubmissionState.InReview;
    public string ActionName() => "领取审核";
    public string Describe() => $"{By.Display} 领取审核（第 {Round} 轮）";
    public EventNotice Notice(string title, string unitName) => new("claimed", $"{By.Display} 领取了「{title}」");
}

/// <summary>放回队列: the reviewer holding the review gave it back unclaimed, for any reviewer of the section to take.</summary>
public sealed record ReviewReleased(Guid SubmissionId, int Round, string? Reason, Actor By) : ISubmissionEvent
{
    public SubmissionState StateAfter(SubmissionState before) => SubmissionState.Submitted;
    public string ActionName() => "放回队列";
    public string Describe() => $"{By.Display} 放回审核队列{(Reason is null ? "" : $"：{Reason}")}";
    public EventNotice Notice(string title, string unitName) => new("released", $"{By.Display} 将「{title}」放回审核队列");
}

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

/// <summary>
/// 审核通过: the grade (优/良/中/差), the engine's suggestion and the reason for overriding it, the opinion,
/// 经办人签名 and 盖章 reference.
/// </summary>
public sealed record SubmissionApproved(
    Guid SubmissionId, int Round, Grade Grade, Grade? SuggestedGrade, string? OverrideReason, string Opinion, string Signature, string StampReference, Actor By)
    : ISubmissionEvent
{
    public SubmissionState StateAfter(SubmissionState before) => SubmissionState.Approved;
    public string ActionName() => "审核通过";
    public string Describe() =>
        $"{By.Display} 审核通过，评定等级「{Grade}」{(OverrideReason is null ? "" : $"（{(SuggestedGrade is { } suggested ? $"系统建议「{suggested}」" : "系统未给出建议等级")}，改评理由：{OverrideReason}）")}；经办人签名 {Signature}";
    public EventNotice Notice(string title, string unitName) => new("approved", $"「{title}」审核通过：{Grade}", Grade: Grade.ToString());
}

/// <summary>
/// 审核通过 of a 部门决算公开 package: reviewed as 通过/退回 only, never graded. The opinion, 经办人签名 and 盖章 reference;
/// publication is then due 20 days after the unit's 批复日期 (<see cref="Publishing.PublicationDeadline"/>).
/// </summary>
public sealed record DisclosurePackageApproved(Guid SubmissionId, int Round, string Opinion, string Signature, string StampReference, Actor By)
    : ISubmissionEvent
{
    public SubmissionState StateAfter(SubmissionState before) => SubmissionState.Approved;
    public string ActionName() => "审核通过";
    public string Describe() => $"{By.Display} 审核通过（部门决算公开，不评定等级）；经办人签名 {Signature}";
    public EventNotice Notice(string title, string unitName) => new("approved", $"「{title}」审核通过");
}

public static class ReviewRules
{
    public const int MaxTextLength = 5_000;
    /// <summary>A row reference names one row (an indicator, a table code): a short label.</summary>
    public const int MaxRowReferenceLength = 100;
    /// <summary>One remark per row at most: a 自评表 has at most 200 indicators and a few funds rows.</summary>
    public const int MaxRowRemarks = 250;

    public static ReviewClaimed Claim(Submission submission, Actor by) => new(submission.Id, submission.Round, RequireClaimable(submission, by));

    /// <summary>领取审核: a reviewer of the section, while the submission waits unclaimed.</summary>
    internal static Actor RequireClaimable(Submission submission, Actor by)
    {
        var acting = RequireSectionReviewer(submission, by);
        if (submission.State == SubmissionState.InReview)
            throw new SubmissionRuleException(RuleViolation.Conflict("already-claimed",
                submission.ClaimedBy?.UserId == by.UserId ? "您已领取该报告" : $"该报告已由 {submission.ClaimedBy?.Display} 领取审核", "already claimed"));
        if (submission.State != SubmissionState.Submitted)
            throw new SubmissionRuleException(RuleViolation.Conflict("not-submitted", $"报告当前为「{submission.State.Chinese()}」，不能领取审核", "not waiting for review"));
        return acting;
    }

    /// <summary>放回队列: only the reviewer holding the review, only while it is under review; the reason is optional.</summary>
    public static ReviewReleased Release(Submission submission, string? reason, Actor by)
    {
        var acting = RequireHolder(submission, by);
        var clean = Submitting.SubmitRules.Clean(reason);
        return new ReviewReleased(submission.Id, submission.Round, clean is null ? null : RequireText(clean, "reason-invalid", "放回原因"), acting);
    }

    /// <summary>审核意见, on the whole report, on a row named by <paramref name="row"/>, or on the 三级指标 row <paramref name="rowId"/> (named for the reader by the server).</summary>
    public static ReviewCommented Comment(Submission submission, string text, string? row, Actor by, string? rowId = null)
    {
        var acting = RequireCommentable(submission, by);
        var clean = RequireText(text, "comment-required", "请填写意见内容");
        if (Submitting.SubmitRules.Clean(rowId) is { } id) return new ReviewCommented(submission.Id, submission.Round, clean, IndicatorReference(submission, id), acting) { RowId = id };
        return new ReviewCommented(submission.Id, submission.Round, clean, RowReference(row), acting);
    }

    /// <summary>审核意见: any reviewer of the section, while the submission waits or is under review.</summary>
    internal static Actor RequireCommentable(Submission submission, Actor by)
    {
        var acting = RequireSectionReviewer(submission, by);
        if (submission.State is not (SubmissionState.Submitted or SubmissionState.InReview))
            throw new SubmissionRuleException(RuleViolation.Conflict("not-in-review", $"报告当前为「{submission.State.Chinese()}」，不能添加审核意见", "not under review"));
        return acting;
    }

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

    /// <summary>审核通过 with the grade as the request wrote it: for a package any grade text is one too many, for the others it must be 优/良/中/差.</summary>
    public static ISubmissionEvent ApproveAsWritten(Submission submission, string? gradeText, string? overrideReason, string opinion, string signature, string stamp, Actor by)
    {
        RequireHolder(submission, by);
        if (string.IsNullOrWhiteSpace(gradeText)) return Approve(submission, (Grade?)null, overrideReason, opinion, signature, stamp, by);
        if (!IsGraded(submission.Kind)) throw GradeNotApplicable();
        if (!Grades.TryParse(gradeText, out var grade))
            throw new SubmissionRuleException(RuleViolation.Invalid("grade", $"审核意见只能是 优、良、中、差（收到「{gradeText}」）", "grade must be one of 优/良/中/差"));
        return Approve(submission, grade, overrideReason, opinion, signature, stamp, by);
    }

    private static SubmissionRuleException GradeNotApplicable() =>
        new(RuleViolation.Invalid("grade-not-applicable", "部门决算公开审核只作通过或退回，不评定等级", "a disclosure package is approved or returned, never graded"));

    /// <summary>
    /// 审核通过, by kind: a 部门决算公开 package is approved without a grade (<see cref="DisclosurePackageApproved"/>);
    /// every other kind needs 优/良/中/差 (<see cref="SubmissionApproved"/>).
    /// </summary>
    public static ISubmissionEvent Approve(Submission submission, Grade? grade, string? overrideReason, string opinion, string signature, string stamp, Actor by)
    {
        var acting = RequireHolder(submission, by);
        // A stand-in signs as themselves, for the reviewer they act for: 王五（代 张三）.
        if (acting.OnBehalfOf is { } principal && !string.IsNullOrWhiteSpace(signature)) signature = $"{signature.Trim()}（代 {principal.Name}）";
        if (!IsGraded(submission.Kind))
        {
            if (grade is not null || Submitting.SubmitRules.Clean(overrideReason) is not null) throw GradeNotApplicable();
            return new DisclosurePackageApproved(submission.Id, submission.Round, RequireText(opinion, "opinion-required", "请填写审核意见"),
                RequireText(signature, "signature-required", "请填写经办人签名"), RequireText(stamp, "stamp-required", "请选择盖章"), acting);
        }
        if (grade is not { } given)
            throw new SubmissionRuleException(RuleViolation.Invalid("grade-required", "请评定等级：优、良、中、差", "a grade (优/良/中/差) is required"));
        if (!Enum.IsDefined(given))
            throw new SubmissionRuleException(RuleViolation.Invalid("grade", "审核意见只能是 优、良、中、差", "grade must be one of 优/良/中/差"));
        // A suggestion marked 不可信 (GradeCaveat: errors change the total) is none: the reviewer's grade needs no reason against it.
        var suggested = submission.Score?.GradeCaveat is null ? submission.Score?.SuggestedGrade : null;
        var reason = Submitting.SubmitRules.Clean(overrideReason);
        if (suggested is { } s && s != given && reason is null)
            throw new SubmissionRuleException(RuleViolation.Invalid("override-reason-required",
                $"系统评定等级为「{s}」，改评为「{given}」需填写理由", "overriding the suggested grade needs a reason"));
        return new SubmissionApproved(submission.Id, submission.Round, given, suggested, reason,
            RequireText(opinion, "opinion-required", "请填写审核意见"),
            RequireText(signature, "signature-required", "请填写经办人签名"),
            RequireText(stamp, "stamp-required", "请选择盖章"), acting);
    }

    /// <summary>Whether the 业务股室 grades this kind (优/良/中/差): every kind but the 部门决算公开 package.</summary>
    public static bool IsGraded(SubmissionKind kind) => kind != SubmissionKind.FinalAccountsDisclosure;

    /// <summary>
    /// Reviewers act only on submissions of the sections they belong to or hold today under a 委托, and never on their own unit's.
    /// Answers the actor as the event records them: with <see cref="Actor.OnBehalfOf"/> when only the 委托 lets them act.
    /// </summary>
    internal static Actor RequireSectionReviewer(Submission submission, Actor by)
    {
        var section = submission.SectionId;
        var own = by.Role == Role.Reviewer && section is not null && (by.SectionIds ?? []).Contains(section);
        var standIn = by.Role == Role.Reviewer && section is not null ? by.StandingIn.FirstOrDefault(s => s.SectionIds.Contains(section)) : null;
        if (!own && standIn is null)
            throw new SubmissionRuleException(RuleViolation.Forbidden("not-section-reviewer", "只有负责该单位的业务股室审核人可以审核", "only a reviewer of the covering section can review"));
        if (by.UnitId is not null && by.UnitId == submission.UnitId)
            throw new SubmissionRuleException(RuleViolation.Forbidden("own-unit", "不能审核本单位的报告", "nobody reviews their own unit's report"));
        return Recorded(by, own ? null : standIn);
    }

    /// <summary>
    /// The reviewer holding the review may decide; so may, during a 委托, the stand-in of the holder (recorded 代 the holder), and
    /// the delegator for what their stand-in claimed for them.
    /// </summary>
    internal static Actor RequireHolder(Submission submission, Actor by)
    {
        var acting = RequireSectionReviewer(submission, by);
        if (submission.State == SubmissionState.Submitted)
            throw new SubmissionRuleException(RuleViolation.Conflict("not-claimed", "请先领取该报告再作审核决定", "claim the submission first"));
        if (submission.State != SubmissionState.InReview)
            throw new SubmissionRuleException(RuleViolation.Conflict("not-in-review", $"报告当前为「{submission.State.Chinese()}」，不能作审核决定", "not under review"));
        var holder = submission.ClaimedBy;
        StandIn? For(string delegatorId) => by.StandingIn.FirstOrDefault(s => s.DelegatorId == delegatorId && s.SectionIds.Contains(submission.SectionId!));
        if (holder?.UserId == by.UserId)
            return holder.OnBehalfOf is { } principal && For(principal.UserId) is { } still ? Recorded(by, still) : acting;
        if (holder is not null && For(holder.UserId) is { } forHolder) return Recorded(by, forHolder);
        if (holder?.OnBehalfOf?.UserId == by.UserId && acting.OnBehalfOf is null) return acting;
        throw new SubmissionRuleException(RuleViolation.Conflict("held-by-other", $"该报告由 {holder?.Display} 审核中", "another reviewer holds this review"));
    }

    /// <summary>Who a decision by <paramref name="by"/> would be recorded as (王五（代 张三）), or null when they may not decide now.</summary>
    public static Actor? DecidingAs(Submission submission, Actor by)
    {
        try
        {
            return RequireHolder(submission, by);
        }
        catch (SubmissionRuleException)
        {
            return null;
        }
    }

    /// <summary>The actor as the decision records them: the 委托 they act under, never the per-request list of what they hold.</summary>
    private static Actor Recorded(Actor by, StandIn? standIn) =>
        by with { OnBehalfOf = standIn is null ? null : new ActingFor(standIn.DelegatorId, standIn.DelegatorName), StandingIn = [] };

    /// <summary>The 三级指标 row <paramref name="id"/> of the submission's content, as a reader tells it; an id it has no row of is refused.</summary>
    private static string IndicatorReference(Submission submission, string id)
    {
        var rows = submission.Content.ProjectForm?.Indicators ?? [];
        for (var i = 0; i < rows.Count; i++)
            if (IndicatorRowIds.IdAt(rows, i) == id)
            {
                var reference = IndicatorRowIds.Reference(rows, i);
                if (reference.Length <= MaxRowReferenceLength) return reference;
                var cut = MaxRowReferenceLength - 1;
                if (char.IsHighSurrogate(reference[cut - 1])) cut--;
                return string.Concat(reference.AsSpan(0, cut), "…");
            }
        throw new SubmissionRuleException(RuleViolation.Invalid("row-unknown", "所指的指标行不在本报告中", "no indicator row has this id"));
    }

    private static string? RowReference(string? row)
    {
        var clean = Submitting.SubmitRules.Clean(row);
        if (clean is null) return null;
        if (clean.Length > MaxRowReferenceLength || clean.Any(char.IsControl))
            throw new SubmissionRuleException(RuleViolation.Invalid("row-invalid", $"所指行不能超过 {MaxRowReferenceLength} 个字，且不能含控制字符", "row reference too long or has control characters"));
        return clean;
    }

    internal static string RequireText(string? text, string code, string message)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new SubmissionRuleException(RuleViolation.Invalid(code, message, code));
        var trimmed = text.Trim();
        if (trimmed.Length > MaxTextLength) throw new SubmissionRuleException(RuleViolation.Invalid(code, $"{message}（不超过 {MaxTextLength} 字）", code + " too long"));
        if (trimmed.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            throw new SubmissionRuleException(RuleViolation.Invalid(code, "文字中含有控制字符", code + " has control characters"));
        return trimmed;
    }
}
