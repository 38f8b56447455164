using Approval.Workflow.Checking;
using Approval.Workflow.Submissions.Drafting;
using Approval.Workflow.Submissions.Publishing;
using Approval.Workflow.Submissions.Reviewing;
using Approval.Workflow.Submissions.Submitting;

namespace Approval.Workflow.Submissions;

/// <summary>One line of Chinese per event, for the audit trail and notifications.</summary>
public static class EventDescriptions
{
    public static string Describe(object data) => data switch
    {
        SubmissionDrafted e => $"{e.By.Name}（{e.By.Role.Chinese()}）起草{e.Kind.Chinese()}「{e.Title}」（{e.FiscalYear} 年度）",
        DraftRevised e => $"{e.By.Name} 修改报告（第 {e.ContentVersion} 版）：{string.Join("；", e.Changes.Take(5))}{(e.Changes.Count > 5 ? $" 等 {e.Changes.Count} 处" : "")}",
        SubmissionScored e => $"系统评分（第 {e.Score.ContentVersion} 版）：{(e.Score.Total is { } t ? $"{Money.Format(t)} 分，建议等级「{e.Score.SuggestedGrade}」，" : "")}错误 {e.Score.ErrorCount} 项，提示 {e.Score.WarningCount} 项",
        SubmittedForReview e => $"{e.By.Name} 提交{e.SectionName}审核（第 {e.Round} 轮）",
        SubmissionWithdrawn e => $"{e.By.Name} 撤回提交（第 {e.Round} 轮）{(e.Reason is null ? "" : "：" + e.Reason)}",
        ReviewClaimed e => $"{e.By.Name} 领取审核（第 {e.Round} 轮）",
        ReviewCommented e => $"{e.By.Name} 添加审核意见{(e.RowReference is null ? "" : $"（{e.RowReference}）")}：{e.Text}",
        ReturnedForRevision e => $"{e.By.Name} 退回修改：{e.Reason}{(e.RowRemarks.Count > 0 ? $"（逐行意见 {e.RowRemarks.Count} 条）" : "")}",
        SubmissionApproved e => $"{e.By.Name} 审核通过，评定等级「{e.Grade}」{(e.OverrideReason is null ? "" : $"（系统建议「{e.SuggestedGrade}」，改评理由：{e.OverrideReason}）")}；经办人签名 {e.Signature}",
        SubmissionPublished e => $"{e.By.Name} 公开发布（索引号 {e.IndexNumber}，发布机构 {e.Publisher}；保密审查：已审查；主要负责人审签：已审签）",
        CorrectionPublished e => $"{e.By.Name} 发布更正（第 {e.PublicationVersion} 版）：{e.Reason}",
        _ => data.GetType().Name,
    };

    public static Actor? ActorOf(object data) => data switch
    {
        SubmissionDrafted e => e.By,
        DraftRevised e => e.By,
        SubmissionScored e => e.By,
        SubmittedForReview e => e.By,
        SubmissionWithdrawn e => e.By,
        ReviewClaimed e => e.By,
        ReviewCommented e => e.By,
        ReturnedForRevision e => e.By,
        SubmissionApproved e => e.By,
        SubmissionPublished e => e.By,
        CorrectionPublished e => e.By,
        _ => null,
    };
}
