using Approval.Workflow.Deadlines;
using Approval.Workflow.Submissions;

namespace Approval.Web.Deadlines;

/// <param name="Saved">False when the year is the shipped State Council arrangement the 管理员 has not changed.</param>
public sealed record CalendarYearView(int Year, IReadOnlyList<DateOnly> DaysOff, IReadOnlyList<DateOnly> WorkingWeekends, string? Source, bool Saved)
{
    public static CalendarYearView Of(HolidayYear year, bool saved) => new(year.Year, year.DaysOff, year.WorkingWeekends, year.Source, saved);
}

/// <param name="CalendarKnown">False when the due day was counted in a year the calendar has no arrangement for (weekdays only).</param>
public sealed record DueDateView(SubmissionKind Kind, string KindName, int FiscalYear, DateOnly? FixedOn, DateOnly? CountFrom, int? WorkingDays, string? Note,
    DateOnly DueOn, string Basis, bool CalendarKnown)
{
    public static DueDateView Of(DueDateRule rule, WorkingDayCalendar calendar)
    {
        var due = rule.DueOn(calendar);
        var known = rule.FixedOn is not null || Enumerable.Range(rule.CountFrom!.Value.Year, due.Year - rule.CountFrom.Value.Year + 1).All(calendar.Knows);
        return new(rule.Kind, rule.Kind.Chinese(), rule.FiscalYear, rule.FixedOn, rule.CountFrom, rule.WorkingDays, rule.Note, due, rule.Basis, known);
    }
}
