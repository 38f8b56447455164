using Approval.Workflow.Submissions;

namespace Approval.Web.Submissions.Queries;

/// <summary>The queue's 状态 filter: <c>open</c> (the default: 待审核与审核中), <c>all</c>, or one state past drafting.</summary>
public static class QueueFilter
{
    private static readonly SubmissionState[] Open = [SubmissionState.Submitted, SubmissionState.InReview];
    private static readonly SubmissionState[] All =
        [SubmissionState.Submitted, SubmissionState.InReview, SubmissionState.Returned, SubmissionState.Approved, SubmissionState.Published];

    public static bool TryParse(string? text, out IReadOnlyList<SubmissionState> states)
    {
        var value = text?.Trim();
        states = value switch
        {
            null or "" or "open" => Open,
            "all" => All,
            _ => Enum.TryParse<SubmissionState>(value, ignoreCase: false, out var one) && All.Contains(one) ? [one] : [],
        };
        return states.Count > 0;
    }
}
