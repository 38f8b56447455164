using Approval.Workflow.Templates;

namespace Approval.Workflow.Submissions.Reviewing;

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

/// <summary>审核通过 as the reviewer asks for it: the grade as written (none for a 部门决算公开 package), the reason for overriding the
/// suggested grade, the opinion and the 盖章.</summary>
public sealed record ApproveCommand(string? Grade, string? OverrideReason, string? Opinion, string? Stamp);

public static partial class ReviewRules
{
    /// <summary>
    /// 审核通过 by the reviewer holding the review. 经办人签名 is the deciding reviewer's own name, never text from the request:
    /// a signature nobody can type for someone else (a stand-in's reads 王五（代 张三））.
    /// </summary>
    public static ISubmissionEvent Decide(Submission submission, ApproveCommand command, Actor by) =>
        ApproveAsWritten(submission, command.Grade, command.OverrideReason, command.Opinion ?? "", by.Name, command.Stamp ?? "", by);

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
}
