using Approval.Workflow.SelfEvaluation;

namespace Approval.Workflow.Submissions.Reviewing;

/// <summary>The guards every review step shares: who may review, who holds the review, and what text is acceptable.</summary>
public static partial class ReviewRules
{
    public const int MaxTextLength = 5_000;
    /// <summary>A row reference names one row (an indicator, a table code): a short label.</summary>
    public const int MaxRowReferenceLength = 100;
    /// <summary>One remark per row at most: a 自评表 has at most 200 indicators and a few funds rows.</summary>
    public const int MaxRowRemarks = 250;

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
    private static Actor RequireHolder(Submission submission, Actor by)
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
