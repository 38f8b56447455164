using System.Linq.Expressions;
using Marten;
using Marten.Services.BatchQuerying;

namespace Approval.Workflow.Submissions;

/// <summary>What the visibility rule reads of a report: the snapshot and every read model that lists reports carry these three.</summary>
public interface IScopedReport
{
    string UnitId { get; }
    string? SectionId { get; }
    SubmissionState State { get; }
}

/// <summary>
/// <see cref="SubmissionAccess.CanSee"/> as a query: every list, count, statistic and badge of reports filters with
/// <c>VisibleTo(actor)</c>, so the database returns exactly the reports that rule lets the actor open (a preparer: the own unit's;
/// a reviewer: their sections' — their own and, during a 委托, the delegator's — once a report is the section's business;
/// auditors and administrators: everything). The 财政局 is Marten's tenant, already fixed per session. A list that shows less
/// on purpose (the review queue, which is the section's business even for an administrator) adds its own filter after this one.
/// Workflow.Tests checks this expression and <see cref="SubmissionAccess.CanSee"/> agree on every role and state.
/// </summary>
public static class SubmissionVisibility
{
    public static IQueryable<T> VisibleTo<T>(this IQueryable<T> query, Actor? actor) where T : IScopedReport =>
        Rule<T>(actor) is { } rule ? query.Where(rule) : query;

    public static IBatchedQueryable<T> VisibleTo<T>(this IBatchedQueryable<T> query, Actor? actor) where T : class, IScopedReport =>
        Rule<T>(actor) is { } rule ? query.Where(rule) : query;

    /// <summary>The rule as a filter on <typeparamref name="T"/>, or null when the actor sees every report of the tenant.</summary>
    public static Expression<Func<T, bool>>? Rule<T>(Actor? actor) where T : IScopedReport
    {
        Expression<Func<IScopedReport, bool>>? rule;
        switch (actor?.Role)
        {
            case Role.Preparer:
                var unit = actor.UnitId;
                rule = unit is null ? r => false : r => r.UnitId == unit;
                break;
            case Role.Reviewer:
                var sections = actor.ReviewSectionIds.ToArray();
                // IsSectionBusiness, as SQL can state it: neither a draft nor discarded.
                rule = r => r.SectionId != null && r.SectionId.IsOneOf(sections) && r.State != SubmissionState.Draft && r.State != SubmissionState.Discarded;
                break;
            case Role.Auditor or Role.Admin:
                return null;
            default:
                rule = r => false;
                break;
        }
        return OnType<T>.Of(rule);
    }

    /// <summary>The rule written once on <see cref="IScopedReport"/>, restated on <typeparamref name="T"/>'s own properties, which Marten maps to columns.</summary>
    private sealed class OnType<T> : ExpressionVisitor
    {
        private readonly ParameterExpression _report = Expression.Parameter(typeof(T), "r");

        public static Expression<Func<T, bool>> Of(Expression<Func<IScopedReport, bool>> rule)
        {
            var visitor = new OnType<T>();
            return Expression.Lambda<Func<T, bool>>(visitor.Visit(rule.Body), visitor._report);
        }

        protected override Expression VisitMember(MemberExpression node) =>
            node.Expression is ParameterExpression { Type: var type } && type == typeof(IScopedReport)
                ? Expression.Property(_report, node.Member.Name)
                : base.VisitMember(node);

        protected override Expression VisitParameter(ParameterExpression node) => node.Type == typeof(IScopedReport) ? _report : base.VisitParameter(node);
    }
}
