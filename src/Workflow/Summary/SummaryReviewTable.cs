using Approval.Workflow.Templates;

namespace Approval.Workflow.Summary;

/// <summary>
/// 项目支出绩效自评情况汇总审核表: the unit fills the top (its self-evaluated projects), the finance bureau's
/// 业务股室 the bottom (<see cref="Review"/>).
/// </summary>
public sealed record SummaryReviewTable
{
    public required string Unit { get; init; }
    public int? Year { get; init; }
    public required IReadOnlyList<SummaryRow> Rows { get; init; }
    /// <summary>合计 as printed: 年初预算数, 年中追加/追减数, 小计, 全年执行数.</summary>
    public SummaryTotals? StatedTotals { get; init; }
    public decimal? StatedAverage { get; init; }
    /// <summary>本部门全口径国库决算数项目支出总额 (万元): the denominator of coverage.</summary>
    public decimal? UnitProjectExpenditure { get; init; }
    public int? UnitProjectCount { get; init; }
    /// <summary>Coverage as printed, in percent.</summary>
    public decimal? StatedCoveragePercent { get; init; }
    public DateTimeOffset? SubmittedAt { get; init; }
    public ReviewerBlock? Review { get; init; }
}

public sealed record SummaryRow(int Sequence, string Unit, string ProjectName, decimal? InitialBudget, decimal? Adjustment, decimal? Subtotal, decimal? Executed, decimal? Score);

public sealed record SummaryTotals(decimal? InitialBudget, decimal? Adjustment, decimal? Subtotal, decimal? Executed);

/// <summary>财政局业务股室审核意见（优、良、中、差）, 经办人签名, 审核时间, 盖章.</summary>
public sealed record ReviewerBlock(Grade Opinion, string Officer, DateTimeOffset ReviewedAt, string? StampReference);
