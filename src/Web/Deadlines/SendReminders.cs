using Approval.Web.Auth;
using Approval.Web.Submissions;
using Approval.Web.Tenants;
using Approval.Workflow.Deadlines;
using Approval.Workflow.Submissions;
using Marten;
using Marten.Exceptions;
using Wolverine.Http;

namespace Approval.Web.Deadlines;

/// <summary>催报: to one unit for one kind and year, or — with fields left out — to every overdue unit in the caller's scope that matches.</summary>
public sealed record SendReportingReminders(string? UnitId, string? Kind, int? FiscalYear);

/// <summary>审核提醒 to the reviewer holding this item too long.</summary>
public sealed record SendReviewReminder(Guid? SubmissionId);

/// <param name="AlreadySent">True when the same 催报 was sent today already: nothing was recorded or sent again.</param>
public sealed record ReminderOutcome(Guid ReminderId, string To, SubmissionKind? Kind, int? FiscalYear, bool AlreadySent, bool Emailed, IReadOnlyList<string> Addresses, string? Failure);

public sealed record RemindersSent(IReadOnlyList<ReminderOutcome> Reminders, bool EmailConfigured);

/// <summary>
/// The bureau (a reviewer for the units of their sections, or the 管理员) reminds the late. Each reminder is a stream of
/// its own — who sent what to whom and when, then what the outgoing channel did — and is sent once a day at most: the same
/// 催报 again that day answers with the first one. Never decides anything about a report.
/// </summary>
public static class SendReminders
{
    [EndpointSummary("催报：向一个或全部逾期未报的单位发送（同一天同一催报只发一次）")]
    [ApiAnswer(typeof(RemindersSent))]
    [WolverinePost("/api/deadlines/reminders/reporting")]
    [SubmissionCommand] // its Idempotency-Key or commandId as every command's: a retry gets the first answer
    public static async Task<IResult> Reporting(SendReportingReminders command, IDocumentSession session, Actor actor, TimeProvider clock, IMessageChannel channel, CancellationToken ct)
    {
        if (actor.Role is not (Role.Reviewer or Role.Admin)) return Problems.Forbidden("只有审核人或管理员可以催报");
        SubmissionKind? kind = null;
        if (!string.IsNullOrWhiteSpace(command.Kind))
        {
            if (DeadlineInput.Kind(command.Kind) is not { } known) return Problems.BadRequest("kind-unknown", "报告类型无效", "unknown report kind");
            kind = known;
        }
        var unitId = string.IsNullOrWhiteSpace(command.UnitId) ? null : command.UnitId.Trim();
        if (unitId is not null && !SafeId.IsValid(unitId)) return Problems.BadRequest("unit-unknown", "预算单位不存在", "unknown unit");
        var today = OverdueQuery.Today(clock);
        var lists = await OverdueQuery.ForAsync(session, actor, today, ct);
        var chosen = lists.Reports.Where(o => (unitId is null || o.Unit.Id == unitId) && (kind is null || o.Kind == kind) && (command.FiscalYear is null || o.FiscalYear == command.FiscalYear)).ToList();
        if (chosen.Count == 0)
            return Problems.Of(409, "not-overdue", unitId is null ? "没有逾期未报的单位" : "该单位没有逾期未报的报告（或不在您负责的股室）", "nothing overdue matches");

        var bureau = await BureauName(session, ct);
        var outcomes = new List<ReminderOutcome>();
        foreach (var late in chosen)
        {
            var id = ReminderText.ReportingId(session.TenantId, late.Unit.Id, late.Kind, late.FiscalYear, late.DueOn, today);
            var preparers = await session.Query<Account>().Where(a => a.Role == Role.Preparer && a.UnitId == late.Unit.Id && !a.Disabled).ToListAsync(ct);
            var (subject, body) = ReminderText.Reporting(late, bureau, today, actor.Name);
            var sent = new ReportingReminderSent(id, late.Unit.Id, late.Unit.Name, late.Unit.SectionId, late.Kind, late.FiscalYear, late.DueOn, late.WorkingDaysLate,
                [.. preparers.Select(p => p.Id)], subject, body, actor);
            var addresses = preparers.Select(p => p.Email).OfType<string>().Distinct().ToList();
            outcomes.Add(await RecordAndDeliver(session, id, sent, addresses, $"{late.Unit.Name}", late.Kind, late.FiscalYear, channel, subject, body, ct));
        }
        return Results.Ok(new RemindersSent(outcomes, channel.Configured));
    }

    [EndpointSummary("审核提醒：提醒领取后超期未办结的审核人")]
    [ApiAnswer(typeof(RemindersSent))]
    [WolverinePost("/api/deadlines/reminders/review")]
    [SubmissionCommand]
    public static async Task<IResult> Review(SendReviewReminder command, IDocumentSession session, Actor actor, TimeProvider clock, IMessageChannel channel, CancellationToken ct)
    {
        if (actor.Role is not (Role.Reviewer or Role.Admin)) return Problems.Forbidden("只有审核人或管理员可以发送审核提醒");
        if (command.SubmissionId is not { } submissionId) return Problems.BadRequest("submission-required", "请指明报告", "submissionId is required");
        var today = OverdueQuery.Today(clock);
        var lists = await OverdueQuery.ForAsync(session, actor, today, ct);
        if (lists.Held.FirstOrDefault(h => h.Review.SubmissionId == submissionId) is not { } held)
            return Problems.Of(409, "not-held-too-long", $"该报告没有被领取超过 {lists.ReviewHoldWorkingDays} 个工作日（或不在您负责的股室）", "the item is not held too long");
        var id = ReminderText.ReviewId(session.TenantId, submissionId, held.Review.ReviewerId, held.Review.ClaimedOn, today);
        var (subject, body) = ReminderText.Review(held, await BureauName(session, ct), today, actor.Name);
        var sent = new ReviewReminderSent(id, submissionId, held.Review.Title, held.Review.UnitName, held.Review.SectionId, held.Review.ReviewerId, held.Review.ReviewerName,
            held.Review.ClaimedOn, held.WorkingDaysHeld, subject, body, actor);
        var reviewer = await session.LoadAsync<Account>(held.Review.ReviewerId, ct);
        var addresses = reviewer?.Email is { } email && !reviewer.Disabled ? new List<string> { email } : [];
        var outcome = await RecordAndDeliver(session, id, sent, addresses, held.Review.ReviewerName, held.Review.Kind, held.Review.FiscalYear, channel, subject, body, ct);
        return Results.Ok(new RemindersSent([outcome], channel.Configured));
    }

    /// <summary>Records the reminder (a new stream), commits, sends it through the channel, then records what the channel did.</summary>
    private static async Task<ReminderOutcome> RecordAndDeliver(IDocumentSession session, Guid id, IReminderEvent sent, List<string> addresses, string to,
        SubmissionKind kind, int year, IMessageChannel channel, string subject, string body, CancellationToken ct)
    {
        if (await session.LoadAsync<Reminder>(id, ct) is { } earlier) return Earlier(earlier, to, kind, year);
        session.Events.StartStream<Reminder>(id, sent);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is ExistingStreamIdCollisionException || ConcurrentCreate.Lost(e))
        {
            // The same reminder sent by a concurrent request: that one stands and is the one delivered.
            session.EjectAllPendingChanges();
            return Earlier(await session.LoadAsync<Reminder>(id, ct), to, kind, year);
        }
        var delivery = await channel.SendAsync(new OutgoingMessage(addresses, subject, body), ct);
        var stream = await session.Events.FetchForWriting<Reminder>(id, ct);
        stream.AppendOne(new ReminderDelivered(id, channel.Name, addresses, delivery.Sent, delivery.Failure));
        await session.SaveChangesAsync(ct);
        return new ReminderOutcome(id, to, kind, year, false, delivery.Sent, addresses, delivery.Failure);
    }

    private static ReminderOutcome Earlier(Reminder? earlier, string to, SubmissionKind kind, int year)
    {
        var delivered = earlier?.Deliveries.LastOrDefault();
        return new ReminderOutcome(earlier?.Id ?? Guid.Empty, to, kind, year, true, delivered?.Sent ?? false, delivered?.Addresses ?? [], delivered?.Failure);
    }

    private static async Task<string> BureauName(IQuerySession session, CancellationToken ct) =>
        (await session.LoadAsync<FinanceBureau>(session.TenantId, ct))?.Name ?? "财政局";
}
