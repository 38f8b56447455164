using System.Linq.Expressions;
using System.Text.Json;
using System.Text.Json.Nodes;
using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Publishing;
using Approval.Workflow.Submissions.Reviewing;
using Approval.Workflow.Submissions.Summary;
using Approval.Workflow.Templates;
using Marten;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Wolverine.Http;

namespace Approval.Web.Submissions.Queries;

public sealed record SubmissionListEntry(Guid Id, long Version, string UnitId, string UnitName, int FiscalYear, SubmissionKind Kind, string Title,
    SubmissionState State, int Round, decimal? Total, Grade? SuggestedGrade, Grade? Grade, int Errors, string? SectionName, string? ClaimedBy, DateTimeOffset UpdatedAt);

public sealed record QueueCounts(int Submitted, int InReview, int Overdue, int Returned, int Approved, int Published);

/// <param name="Deadlines">The publication deadline of each 部门决算公开 package on this page (by <see cref="PackageDeadline.Id"/>).</param>
public sealed record ReviewQueue(IReadOnlyList<ReviewQueueItem> Items, QueueCounts Counts, long Total, int Page, int PageSize, IReadOnlyList<PackageDeadline> Deadlines)
{
    public long Pages => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;

    /// <summary>The items on this page the caller sees or holds only as a stand-in (委托), each with whom they act for.</summary>
    public IReadOnlyList<DelegatedItem> Delegated { get; init; } = [];
}

/// <summary>An item of a stand-in's queue that is the delegator's: shown 代 张三.</summary>
public sealed record DelegatedItem(Guid Id, string For)
{
    public static IReadOnlyList<DelegatedItem> Of(IEnumerable<ReviewQueueItem> items, Actor actor)
    {
        if (actor.StandingIn.Count == 0) return [];
        var own = actor.SectionIds ?? [];
        StandIn? For(ReviewQueueItem i) => actor.StandingIn.FirstOrDefault(s => s.DelegatorId == i.ClaimedById)
            ?? (i.SectionId is { } section && !own.Contains(section) ? actor.StandingIn.FirstOrDefault(s => s.SectionIds.Contains(section)) : null);
        return items.Select(i => For(i) is { } standIn ? new DelegatedItem(i.Id, standIn.DelegatorName) : null)
            .OfType<DelegatedItem>().ToList();
    }
}

/// <summary>Read side: lists, one submission, the review queue, the 汇总审核表 — each filtered by who asks.</summary>
public static class SubmissionQueries
{
    [EndpointSummary("本人可见的报告（分页）")]
    [ApiAnswer(typeof(PageOf<SubmissionListEntry>))]
    [WolverineGet("/api/submissions")]
    public static async Task<IResult> List(int? year, SubmissionState? state, string? unit, int? page, int? pageSize, IQuerySession session, Actor actor, CancellationToken ct)
    {
        var (paging, refused) = Paging.From(page, pageSize);
        if (refused is not null) return refused;
        var query = session.Query<Submission>().VisibleTo(actor);
        if (year is not null) query = query.Where(s => s.FiscalYear == year);
        if (state is not null) query = query.Where(s => s.State == state);
        if (!string.IsNullOrWhiteSpace(unit)) query = query.Where(s => s.UnitId == unit);
        var found = await paging.ApplyAsync(query.OrderByDescending(s => s.UpdatedAt), ct);
        return Results.Ok(new PageOf<SubmissionListEntry>(found.Items.Select(s => new SubmissionListEntry(s.Id, s.Version, s.UnitId, s.UnitName, s.FiscalYear, s.Kind, s.Title, s.State, s.Round,
            s.Score?.Total, s.Score?.SuggestedGrade, s.Approval?.Grade, s.Score?.ErrorCount ?? 0, s.SectionName, s.ClaimedBy?.Name, s.UpdatedAt)).ToList(), found.Total, found.Page, found.PageSize));
    }

    /// <summary>The report as stored, and <c>actions</c>: the steps the caller may take on it now (<see cref="SubmissionActions"/>), as the page offers them.</summary>
    [EndpointSummary("一份报告的当前状态与内容")]
    [ApiAnswer(typeof(Submission), WithActions = true)]
    [WolverineGet("/api/submissions/{id}")]
    public static async Task<IResult> Get(Guid id, IQuerySession session, Actor actor, HttpContext http, CancellationToken ct)
    {
        var submission = await session.LoadAsync<Submission>(id, ct);
        if (submission is null || !SubmissionAccess.CanSee(actor, submission)) return Problems.NotFound();
        var json = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var answer = JsonSerializer.SerializeToNode(submission, json)!.AsObject();
        answer["actions"] = new JsonArray([.. SubmissionActions.For(submission, actor).Select(a => (JsonNode?)a.ApiName())]);
        return Results.Ok(answer);
    }

    /// <summary>The latest score in full: every finding with its location and every indicator's explanation.</summary>
    [EndpointSummary("最近一次评分的完整评分表")]
    [ApiAnswer(typeof(ScoreSheet))]
    [WolverineGet("/api/submissions/{id}/score")]
    public static async Task<IResult> Score(Guid id, IQuerySession session, Actor actor, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var loadSubmission = batch.Load<Submission>(id);
        var loadSheet = batch.Load<ScoreSheet>(id);
        await batch.Execute(ct);
        var submission = await loadSubmission;
        if (submission is null || !SubmissionAccess.CanSee(actor, submission)) return Problems.NotFound();
        return await loadSheet is { } sheet ? Results.Ok(sheet.Card) : Problems.NotFound("评分结果");
    }

    /// <summary>
    /// The 业务股室's queue of the caller's sections, due first: by default what is waiting or under review
    /// (<c>state</c> omitted or <c>open</c>), else one state (Submitted, InReview, Returned, Approved, Published) or <c>all</c>;
    /// <c>mine=true</c> keeps what the caller holds.
    /// </summary>
    [EndpointSummary("业务股室审核队列（分页，附各状态计数；state=open|all|状态，mine=true 只看本人领取的）")]
    [ApiAnswer(typeof(ReviewQueue))]
    [WolverineGet("/api/review-queue")]
    public static async Task<IResult> Queue(int? year, string? unit, string? state, bool? mine, string? grade, bool? hasErrors, string? sort, int? page, int? pageSize,
        IQuerySession session, Actor actor, TimeProvider clock, CancellationToken ct)
    {
        if (actor is not { Role: Role.Reviewer or Role.Admin or Role.Auditor }) return Problems.Forbidden("只有审核人可以查看审核队列");
        var (paging, refused) = Paging.From(page, pageSize);
        if (refused is not null) return refused;
        if (!QueueFilter.TryParse(state, out var shownStates))
            return Problems.BadRequest("state", $"状态只能是 open、all 或 Submitted、InReview、Returned、Approved、Published 之一（收到「{state}」）", "unknown state filter");
        // Everything is filtered, counted, sorted and paged by PostgreSQL: a province-sized section is never loaded whole.
        var now = clock.GetUtcNow();
        // Who sees what (SubmissionVisibility), then the queue's own narrowing: only the section's business, for an auditor or administrator too.
        List<Expression<Func<ReviewQueueItem, bool>>> scope = [i => i.State != SubmissionState.Draft && i.State != SubmissionState.Discarded];
        if (SubmissionVisibility.Rule<ReviewQueueItem>(actor) is { } visible) scope.Add(visible);
        if (year is not null) scope.Add(i => i.FiscalYear == year);
        if (!string.IsNullOrWhiteSpace(unit)) scope.Add(i => i.UnitId == unit);
        IQueryable<ReviewQueueItem> Scope() => scope.Aggregate(session.Query<ReviewQueueItem>().AsQueryable(), (q, f) => q.Where(f));
        // The six counts in one round trip (each its own statement, as before).
        var batch = session.CreateBatchQuery();
        Task<long> Count(Expression<Func<ReviewQueueItem, bool>> which) => scope.Aggregate(batch.Query<ReviewQueueItem>(), (q, f) => q.Where(f)).Where(which).Count();
        var submitted = Count(i => i.State == SubmissionState.Submitted);
        var inReview = Count(i => i.State == SubmissionState.InReview);
        var overdue = Count(i => (i.State == SubmissionState.Submitted || i.State == SubmissionState.InReview) && i.DueAt < now);
        var returned = Count(i => i.State == SubmissionState.Returned);
        var approved = Count(i => i.State == SubmissionState.Approved);
        var published = Count(i => i.State == SubmissionState.Published);
        await batch.Execute(ct);
        var counts = new QueueCounts((int)await submitted, (int)await inReview, (int)await overdue, (int)await returned, (int)await approved, (int)await published);

        var states = shownStates.ToArray();
        var items = Scope().Where(i => i.State.IsOneOf(states));
        // 我领取的: a stand-in's includes what the reviewers they stand in for hold.
        var holders = actor.StandingIn.Select(s => s.DelegatorId).Append(actor.UserId).ToArray();
        if (mine == true) items = items.Where(i => i.ClaimedById.IsOneOf(holders));
        if (Grades.TryParse(grade, out var g)) items = items.Where(i => i.Grade == g || (i.Grade == null && i.SuggestedGrade == g));
        if (hasErrors is { } errors) items = errors ? items.Where(i => i.ErrorCount > 0) : items.Where(i => i.ErrorCount == 0);
        items = sort == "age" ? items.OrderBy(i => i.SubmittedAt).ThenBy(i => i.Id) : items.OrderBy(i => i.DueAt).ThenBy(i => i.SubmittedAt).ThenBy(i => i.Id);
        var shown = await paging.ApplyAsync(items, ct);
        return Results.Ok(new ReviewQueue(shown.Items, counts, shown.Total, shown.Page, shown.PageSize,
            PackageDeadline.Of(shown.Items, PublicationDeadline.Today(clock)))
        { Delegated = DelegatedItem.Of(shown.Items, actor) });
    }

    /// <summary>The unit's 汇总审核表 for a year, with the recomputed 合计, 平均分 and coverage.</summary>
    [EndpointSummary("单位年度汇总审核表")]
    [ApiAnswer(typeof(JsonObject))]
    [WolverineGet("/api/units/{unitId}/summary/{year}")]
    public static async Task<IResult> Summary(string unitId, int year, IQuerySession session, Actor actor, CancellationToken ct)
    {
        var doc = await UnitSummaryAccess.LoadForAsync(session, actor, unitId, year, ct);
        if (doc is null) return Problems.NotFound("汇总审核表");
        return Results.Ok(new { doc.Id, doc.UnitId, doc.UnitName, doc.FiscalYear, Table = doc.ToTable(), doc.Figures, Rows = doc.OrderedProjects(), Drafts = doc.Drafts() });
    }
}
