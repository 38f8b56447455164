namespace Approval.Workflow.Deadlines;

/// <summary>
/// One year of the State Council's holiday arrangement as the bureau's 管理员 keeps it: the 法定节假日 days off (放假,
/// weekdays and weekends alike) and the 调休 weekend days that are working days (上班).
/// </summary>
public sealed record HolidayYear(int Year, IReadOnlyList<DateOnly> DaysOff, IReadOnlyList<DateOnly> WorkingWeekends, string? Source = null);

/// <summary>
/// 法定工作日: Monday to Friday, except the days off of the arrangement, plus its 调休 weekend days. A year the calendar
/// does not know counts weekdays only (<see cref="Knows"/> says so, and the pages warn).
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly HashSet<DateOnly> _daysOff = [];
    private readonly HashSet<DateOnly> _workingWeekends = [];
    private readonly HashSet<int> _years = [];

    public WorkingDayCalendar(IEnumerable<HolidayYear> years)
    {
        foreach (var year in years)
        {
            _years.Add(year.Year);
            _daysOff.UnionWith(year.DaysOff);
            _workingWeekends.UnionWith(year.WorkingWeekends);
        }
    }

    public bool Knows(int year) => _years.Contains(year);

    public bool IsWorkingDay(DateOnly day)
    {
        if (_daysOff.Contains(day)) return false;
        if (_workingWeekends.Contains(day)) return true;
        return day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>
    /// The <paramref name="workingDays"/>-th working day after <paramref name="start"/>: the period starts the next day
    /// (as a 期间 does in Chinese administrative practice), so 5 工作日 from a Friday before an ordinary week is the next Friday.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(workingDays, MaxWorkingDays);
        var day = start;
        for (var counted = 0; counted < workingDays;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day)) counted++;
        }
        return day;
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/> (0 when <paramref name="to"/> is not later).</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
            if (IsWorkingDay(day)) count++;
        return count;
    }

    /// <summary>A period longer than this is not a deadline anyone sets (about a year and a half of working days).</summary>
    public const int MaxWorkingDays = 366;
}
