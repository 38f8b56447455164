using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Reviewing;
using Approval.Workflow.Templates;
using Marten;
using Marten.Linq;

namespace Approval.Web.Submissions.Queries;

/// <summary>
/// The 统计 counts done by PostgreSQL: one row per section, unit, state and grade instead of one document per form (a
/// province's 审计 sees 32,400 forms of the 省本级 a year), from the queue item's duplicated columns alone — no document is
/// read. The scope is the queue's own (<c>VisibleTo</c>): Marten's SQL for the scoped query, aggregated where it stands —
/// Marten's LINQ has no GroupBy.
/// </summary>
public static class StatisticsCounts
{
    /// <param name="Overdue">Of <paramref name="Count"/>: 待审核 or 审核中 past their review deadline.</param>
    /// <param name="LatestYear">The latest fiscal year among them.</param>
    public sealed record Row(string SectionId, string UnitId, SubmissionState State, Grade? Grade, int Count, int Overdue, int LatestYear);

    private const string ScopedIds = "select d.id from ";

    public static async Task<IReadOnlyList<Row>> CountAsync(IQuerySession session, IQueryable<ReviewQueueItem> scoped, DateTimeOffset now, CancellationToken ct)
    {
        var command = scoped.Select(i => i.Id).ToCommand(FetchType.FetchMany);
        var sql = command.CommandText.TrimEnd().TrimEnd(';');
        // The scoped query's FROM and WHERE, kept as Marten wrote them (the tenant, the caller's sections or unit, the filters).
        if (!sql.StartsWith(ScopedIds, StringComparison.Ordinal) || sql.Contains(" order by ", StringComparison.OrdinalIgnoreCase)
            || sql.Contains(" limit ", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"The scoped queue query has a shape the statistics cannot count: {sql}");
        command.CommandText = $"""
            select coalesce(d.section_id, ''), d.unit_id, d.state, d.grade, count(*)::int,
                   (count(*) filter (where d.state in ('{nameof(SubmissionState.Submitted)}', '{nameof(SubmissionState.InReview)}')
                                     and d.due_at < :statistics_now))::int,
                   max(d.fiscal_year)
            from {sql[ScopedIds.Length..]}
            group by 1, 2, 3, 4
            """;
        command.Parameters.AddWithValue("statistics_now", now.ToUniversalTime());

        var rows = new List<Row>();
        await using var reader = await session.ExecuteReaderAsync(command, ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new Row(reader.GetString(0), reader.GetString(1), Enum.Parse<SubmissionState>(reader.GetString(2)),
                await reader.IsDBNullAsync(3, ct) ? null : Enum.Parse<Grade>(reader.GetString(3)),
                reader.GetInt32(4), reader.GetInt32(5), reader.GetInt32(6)));
        }
        return rows;
    }
}
