using Approval.Workflow.Deadlines;
using Approval.Workflow.Submissions;
using Marten;
using Wolverine.Http;

namespace Approval.Web.Deadlines;

public sealed record DeadlineSetup(DateOnly Today, IReadOnlyList<CalendarYearView> Calendar, IReadOnlyList<DueDateView> DueDates, int ReviewHoldWorkingDays, bool EmailConfigured);

public sealed record OverdueReportView(string UnitId, string UnitName, string SectionId, string SectionName, SubmissionKind Kind, string KindName, int FiscalYear,
    DateOnly DueOn, int WorkingDaysLate, string Basis, DateTimeOffset? LastReminderAt);

public sealed record HeldReviewView(Guid SubmissionId, string Title, string UnitName, string SectionId, string ReviewerId, string ReviewerName, DateOnly ClaimedOn,
    int WorkingDaysHeld, int Allowed, DateTimeOffset? LastReminderAt);

public sealed record OverdueView(DateOnly Today, IReadOnlyList<OverdueReportView> Reports, IReadOnlyList<HeldReviewView> Held, int ReviewHoldWorkingDays, bool EmailConfigured);

public sealed record ReminderView(Guid Id, string Type, string? UnitId, string UnitName, SubmissionKind Kind, int FiscalYear, DateOnly? DueOn, Guid? SubmissionId,
    string Subject, string Body, string SentBy, DateTimeOffset SentAt, IReadOnlyList<ReminderDelivered> Deliveries)
{
    public static ReminderView Of(Reminder r) => new(r.Id, r.Type, r.UnitId, r.UnitName, r.Kind, r.FiscalYear, r.DueOn, r.SubmissionId, r.Subject, r.Body, r.SentBy.Name, r.SentAt, r.Deliveries);
}

/// <summary>截止日期、逾期和催报 as every role of a 财政局 may read them, each within its own scope.</summary>
public static class DeadlineEndpoints
{
    public const int RemindersShown = 50;

    /// <summary>The calendar, the due dates and the settings: the same for everyone of the bureau (they are the bureau's rules).</summary>
    [EndpointSummary("本局的法定工作日日历、各类报告截止日期和审核领取期限")]
    [ApiAnswer(typeof(DeadlineSetup))]
    [WolverineGet("/api/deadlines")]
    public static async Task<IResult> Setup(IQuerySession session, Actor actor, TimeProvider clock, IMessageChannel channel, CancellationToken ct)
    {
        if (actor.Role == Role.ProvinceAuditor) return Problems.Forbidden("无权查看截止日期");
        var saved = (await session.Query<HolidayCalendarYear>().Select(y => y.Id).ToListAsync(ct)).ToHashSet();
        var years = await BureauCalendar.YearsAsync(session, ct);
        var calendar = new WorkingDayCalendar(years);
        var rules = await session.Query<ReportDueDate>().ToListAsync(ct);
        var settings = await BureauCalendar.SettingsAsync(session, ct);
        return Results.Ok(new DeadlineSetup(OverdueQuery.Today(clock), [.. years.Select(y => CalendarYearView.Of(y, saved.Contains(y.Year)))],
            [.. rules.Select(r => DueDateView.Of(r.ToRule(), calendar)).OrderByDescending(d => d.FiscalYear).ThenBy(d => d.Kind)],
            settings.ReviewHoldWorkingDays, channel.Configured));
    }

    [EndpointSummary("逾期未报的单位和审核超期的报告（审核人限本人股室）")]
    [ApiAnswer(typeof(OverdueView))]
    [WolverineGet("/api/deadlines/overdue")]
    public static async Task<IResult> OverdueNow(IQuerySession session, Actor actor, TimeProvider clock, IMessageChannel channel, CancellationToken ct)
    {
        if (!OverdueQuery.MayRead(actor)) return Problems.Forbidden("无权查看逾期情况");
        return Results.Ok(await ViewAsync(session, actor, clock, channel, ct));
    }

    public static async Task<OverdueView> ViewAsync(IQuerySession session, Actor actor, TimeProvider clock, IMessageChannel channel, CancellationToken ct)
    {
        var lists = await OverdueQuery.ForAsync(session, actor, OverdueQuery.Today(clock), ct);
        var sent = await session.Query<Reminder>().Select(r => new { r.UnitId, r.Kind, r.FiscalYear, r.SubmissionId, r.Type, r.SentAt }).ToListAsync(ct);
        DateTimeOffset? LastTo(OverdueReport o) => sent.Where(r => r.Type == Reminder.Reporting && r.UnitId == o.Unit.Id && r.Kind == o.Kind && r.FiscalYear == o.FiscalYear)
            .Select(r => (DateTimeOffset?)r.SentAt).Max();
        DateTimeOffset? LastFor(HeldReview h) => sent.Where(r => r.Type == Reminder.Review && r.SubmissionId == h.Review.SubmissionId).Select(r => (DateTimeOffset?)r.SentAt).Max();
        return new OverdueView(lists.Today,
            [.. lists.Reports.Select(o => new OverdueReportView(o.Unit.Id, o.Unit.Name, o.Unit.SectionId, o.Unit.SectionName, o.Kind, o.Kind.Chinese(), o.FiscalYear, o.DueOn, o.WorkingDaysLate, o.Basis, LastTo(o)))],
            [.. lists.Held.Select(h => new HeldReviewView(h.Review.SubmissionId, h.Review.Title, h.Review.UnitName, h.Review.SectionId, h.Review.ReviewerId, h.Review.ReviewerName, h.Review.ClaimedOn, h.WorkingDaysHeld, h.Allowed, LastFor(h)))],
            lists.ReviewHoldWorkingDays, channel.Configured);
    }

    /// <summary>催报 and reminders the caller may read: a unit's own, a reviewer's own and their sections', all of the bureau for auditors and administrators.</summary>
    [EndpointSummary("本人可见的催报和审核提醒（最新在前，最多 50 条）")]
    [ApiAnswer(typeof(List<ReminderView>))]
    [WolverineGet("/api/deadlines/reminders")]
    public static async Task<IResult> Reminders(IQuerySession session, Actor actor, CancellationToken ct)
    {
        return Results.Ok((await VisibleAsync(session, actor, ct)).Select(ReminderView.Of).ToList());
    }

    public static async Task<IReadOnlyList<Reminder>> VisibleAsync(IQuerySession session, Actor actor, CancellationToken ct)
    {
        var query = session.Query<Reminder>();
        var mine = (actor.SectionIds ?? []).ToArray();
        var scoped = actor.Role switch
        {
            Role.Preparer when actor.UnitId is { } unit => query.Where(r => r.Type == Reminder.Reporting && r.UnitId == unit),
            Role.Reviewer => query.Where(r => r.ReviewerId == actor.UserId || r.SectionId.IsOneOf(mine)),
            Role.Auditor or Role.Admin => query,
            _ => null,
        };
        return scoped is null ? [] : await scoped.OrderByDescending(r => r.SentAt).Take(RemindersShown).ToListAsync(ct);
    }
}
