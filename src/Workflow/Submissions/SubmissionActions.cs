using Approval.Workflow.Submissions.Drafting;
using Approval.Workflow.Submissions.Publishing;
using Approval.Workflow.Submissions.Reviewing;
using Approval.Workflow.Submissions.Submitting;

namespace Approval.Workflow.Submissions;

/// <summary>A step someone may take on a report, as <c>GET /api/submissions/{id}</c> lists it (<see cref="SubmissionActions.ApiName"/>).</summary>
public enum SubmissionAction
{
    /// <summary>修改 (PUT …/content), and the unit's other changes to its draft (批复日期, 汇总 figures).</summary>
    Edit,
    /// <summary>评分 (POST …/score).</summary>
    Score,
    /// <summary>提交审核 (POST …/submit): the current content is scored. Whether the unit has a 业务股室 is checked on submitting.</summary>
    Submit,
    /// <summary>撤回 (POST …/withdraw).</summary>
    Withdraw,
    /// <summary>作废 (POST …/discard).</summary>
    Discard,
    /// <summary>领取审核 (POST …/claim).</summary>
    Claim,
    /// <summary>放回队列 (POST …/release).</summary>
    Release,
    /// <summary>审核意见 (POST …/comments).</summary>
    Comment,
    /// <summary>退回修改 (POST …/return).</summary>
    Return,
    /// <summary>审核通过 (POST …/approve).</summary>
    Approve,
    /// <summary>公开 (POST …/publish).</summary>
    Publish,
    /// <summary>发布更正 (POST …/corrections).</summary>
    Correct,
}

/// <summary>
/// Which steps an actor may take on a report now: each step's own guard — the first checks of the rule the command runs
/// (<see cref="DraftRules"/>, <see cref="SubmitRules"/>, <see cref="DiscardRules"/>, <see cref="ReviewRules"/>,
/// <see cref="PublishRules"/>) — asked in turn, before any of the request's fields is read. A listed step can still be refused
/// for what the request says (a missing reason, a grade without its reason); an unlisted one is refused whatever it says.
/// The detail page shows its buttons from this list and the API returns it, so both say the same.
/// </summary>
public static class SubmissionActions
{
    private static readonly (SubmissionAction Action, Action<Submission, Actor> Guard)[] Guards =
    [
        (SubmissionAction.Edit, DraftRules.RequireEditable),
        (SubmissionAction.Score, DraftRules.RequireEditable),
        (SubmissionAction.Submit, (s, by) => { DraftRules.RequireEditable(s, by); SubmitRules.RequireScored(s); }),
        (SubmissionAction.Withdraw, SubmitRules.RequireWithdrawable),
        (SubmissionAction.Discard, DiscardRules.RequireDiscardable),
        (SubmissionAction.Claim, (s, by) => ReviewRules.RequireClaimable(s, by)),
        (SubmissionAction.Release, (s, by) => ReviewRules.RequireHolder(s, by)),
        (SubmissionAction.Comment, (s, by) => ReviewRules.RequireCommentable(s, by)),
        (SubmissionAction.Return, (s, by) => ReviewRules.RequireHolder(s, by)),
        (SubmissionAction.Approve, (s, by) => ReviewRules.RequireHolder(s, by)),
        (SubmissionAction.Publish, (s, by) => PublishRules.RequirePublishable(s, by)),
        (SubmissionAction.Correct, (s, by) => PublishRules.RequireCorrectable(s, by)),
    ];

    /// <summary>The steps <paramref name="actor"/> may take on <paramref name="submission"/> now; none for a report they may not see.</summary>
    public static IReadOnlyList<SubmissionAction> For(Submission submission, Actor? actor)
    {
        if (actor is null || !SubmissionAccess.CanSee(actor, submission)) return [];
        var allowed = new List<SubmissionAction>();
        foreach (var (action, guard) in Guards)
        {
            try
            {
                guard(submission, actor);
                allowed.Add(action);
            }
            catch (SubmissionRuleException)
            {
                // refused by the rule: not offered
            }
        }
        return allowed;
    }

    /// <summary>The step's name in the API: edit, score, submit, withdraw, discard, claim, release, comment, return, approve, publish, correct.</summary>
    public static string ApiName(this SubmissionAction action) => action.ToString().ToLowerInvariant();
}
