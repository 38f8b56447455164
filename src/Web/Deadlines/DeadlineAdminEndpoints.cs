using System.Text.Json.Nodes;
using Approval.Web.Admin;
using Approval.Workflow.Deadlines;
using Approval.Workflow.Submissions;
using Marten;
using Wolverine.Http;

namespace Approval.Web.Deadlines;

/// <summary>The 放假 days and the 调休 working weekend days of one year, as <c>yyyy-MM-dd</c>.</summary>
public sealed record SaveHolidayYear(IReadOnlyList<string?>? DaysOff, IReadOnlyList<string?>? WorkingWeekends, string? Source);

/// <summary>A fixed 截止日期, or a 起算日期 and a number of 工作日 (one of the two).</summary>
public sealed record SetDueDate(string? FixedOn, string? CountFrom, int? WorkingDays, string? Note);

public sealed record SetDeadlineSettings(int? ReviewHoldWorkingDays);

/// <summary>管理员: the bureau's 法定工作日 calendar, the 截止日期 of each kind of report per year, and how long a reviewer may hold an item.</summary>
public static class DeadlineAdminEndpoints
{
    [EndpointSummary("管理员：保存一年的法定节假日和调休上班日（日期写成 2026-10-01）")]
    [ApiAnswer(typeof(CalendarYearView))]
    [WolverinePut("/api/admin/deadlines/calendar/{year}")]
    public static async Task<IResult> Calendar(int year, SaveHolidayYear command, IDocumentSession session, Actor actor, TimeProvider clock, CancellationToken ct)
    {
        // PUT replaces the year's arrangement: a body naming neither list ({}) is a client's slip, not "no holidays".
        if (command.DaysOff is null && command.WorkingWeekends is null)
            return Problems.BadRequest("calendar-empty", "请填写放假日或调休上班日（要清空这一年的安排，请发送空列表 []）", "daysOff or workingWeekends is required; send [] to clear");
        var (off, badOff) = DeadlineInput.Dates(command.DaysOff, "放假日");
        if (badOff is not null) return badOff;
        var (worked, badWorked) = DeadlineInput.Dates(command.WorkingWeekends, "调休上班日");
        if (badWorked is not null) return badWorked;
        var source = string.IsNullOrWhiteSpace(command.Source) ? null : command.Source.Trim();
        if (AdminEndpoints.BadName(source, "依据") is { } badSource) return badSource;
        var holidays = new HolidayYear(year, [.. off.Order()], [.. worked.Order()], source);
        if (HolidayYearRules.Problem(holidays) is { } problem) return Problems.BadRequest("calendar-invalid", problem, "the arrangement is not possible");
        session.Store(new HolidayCalendarYear
        {
            Id = year, DaysOff = [.. holidays.DaysOff], WorkingWeekends = [.. holidays.WorkingWeekends], Source = source,
            UpdatedBy = actor.Name, UpdatedAt = clock.GetUtcNow(),
        });
        await session.SaveChangesAsync(ct);
        return Results.Ok(CalendarYearView.Of(holidays, saved: true));
    }

    [EndpointSummary("管理员：设置某年度某类报告的截止日期（固定日期，或起算日期 + 工作日数）")]
    [ApiAnswer(typeof(DueDateView))]
    [WolverinePut("/api/admin/deadlines/due-dates/{year}/{kind}")]
    public static async Task<IResult> DueDate(int year, string kind, SetDueDate command, IDocumentSession session, Actor actor, TimeProvider clock, CancellationToken ct)
    {
        if (DeadlineInput.Kind(kind) is not { } reportKind) return Problems.BadRequest("kind-unknown", "报告类型无效", "unknown report kind");
        DateOnly? fixedOn = null, countFrom = null;
        if (!string.IsNullOrWhiteSpace(command.FixedOn))
        {
            if (!DeadlineInput.TryDate(command.FixedOn, out var day)) return Problems.BadRequest("date-invalid", "截止日期不是日期：请写成 2026-05-29 这样的形式", "dates are yyyy-MM-dd");
            fixedOn = day;
        }
        if (!string.IsNullOrWhiteSpace(command.CountFrom))
        {
            if (!DeadlineInput.TryDate(command.CountFrom, out var day)) return Problems.BadRequest("date-invalid", "起算日期不是日期：请写成 2026-05-06 这样的形式", "dates are yyyy-MM-dd");
            countFrom = day;
        }
        var note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim();
        if (note is not null && (note.Any(char.IsControl) || InvisibleText.Contains(note)))
            return Problems.BadRequest("note-invisible", "说明中含有控制字符、不可见字符或文字方向控制符", "the note has control or invisible characters");
        var rule = new DueDateRule(reportKind, year, fixedOn, countFrom, command.WorkingDays, note);
        if (DueDateRule.Problem(rule) is { } problem) return Problems.BadRequest("due-date-invalid", problem, "the due date rule is not possible");
        session.Store(new ReportDueDate
        {
            Id = ReportDueDate.IdOf(year, reportKind), Kind = reportKind, FiscalYear = year, FixedOn = fixedOn, CountFrom = countFrom,
            WorkingDays = fixedOn is null ? command.WorkingDays : null, Note = note, UpdatedBy = actor.Name, UpdatedAt = clock.GetUtcNow(),
        });
        await session.SaveChangesAsync(ct);
        var calendar = await BureauCalendar.LoadAsync(session, ct);
        return Results.Ok(DueDateView.Of(rule, calendar));
    }

    [EndpointSummary("管理员：删除某年度某类报告的截止日期")]
    [ApiAnswer(typeof(JsonObject))]
    [WolverineDelete("/api/admin/deadlines/due-dates/{year}/{kind}")]
    public static async Task<IResult> RemoveDueDate(int year, string kind, IDocumentSession session, CancellationToken ct)
    {
        if (DeadlineInput.Kind(kind) is not { } reportKind) return Problems.BadRequest("kind-unknown", "报告类型无效", "unknown report kind");
        if (await session.LoadAsync<ReportDueDate>(ReportDueDate.IdOf(year, reportKind), ct) is null) return Problems.NotFound("截止日期");
        session.Delete<ReportDueDate>(ReportDueDate.IdOf(year, reportKind));
        await session.SaveChangesAsync(ct);
        return Results.Ok();
    }

    [EndpointSummary("管理员：审核领取期限（工作日）")]
    [ApiAnswer(typeof(JsonObject))]
    [WolverinePut("/api/admin/deadlines/settings")]
    public static async Task<IResult> Settings(SetDeadlineSettings command, IDocumentSession session, Actor actor, TimeProvider clock, CancellationToken ct)
    {
        if (command.ReviewHoldWorkingDays is not (>= 1 and <= DeadlineSettings.MaxReviewHoldWorkingDays) || command.ReviewHoldWorkingDays is not { } days)
            return Problems.BadRequest("hold-invalid", $"审核领取期限应为 1–{DeadlineSettings.MaxReviewHoldWorkingDays} 个工作日", "reviewHoldWorkingDays is 1 to 60");
        session.Store(new DeadlineSettings { ReviewHoldWorkingDays = days, UpdatedBy = actor.Name, UpdatedAt = clock.GetUtcNow() });
        await session.SaveChangesAsync(ct);
        return Results.Ok(new { ReviewHoldWorkingDays = days });
    }
}
