namespace Approval.Workflow.Deadlines;

/// <summary>What makes an arrangement the 管理员 enters impossible; each refusal says which day and why, in Chinese.</summary>
public static class HolidayYearRules
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;
    /// <summary>The State Council's arrangements have about 30 days off and 6 调休 days; 60 each leaves room for a local 加假.</summary>
    public const int MaxDays = 60;

    public static string? Problem(HolidayYear year)
    {
        if (year.Year is < MinYear or > MaxYear) return $"年份应在 {MinYear}–{MaxYear} 之间";
        if (year.DaysOff.Count > MaxDays || year.WorkingWeekends.Count > MaxDays) return $"放假日和调休上班日各最多 {MaxDays} 天";
        foreach (var day in year.DaysOff.Concat(year.WorkingWeekends))
            if (day.Year != year.Year) return $"{Iso(day)} 不在 {year.Year} 年内";
        if (year.DaysOff.Distinct().Count() != year.DaysOff.Count) return "放假日有重复的日期";
        if (year.WorkingWeekends.Distinct().Count() != year.WorkingWeekends.Count) return "调休上班日有重复的日期";
        foreach (var day in year.WorkingWeekends)
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) return $"调休上班日 {Iso(day)} 是{Weekday(day)}，本来就是工作日：只填周六或周日";
            if (year.DaysOff.Contains(day)) return $"{Iso(day)} 不能既放假又调休上班";
        }
        if (year.Source is { Length: > 200 }) return "依据最长 200 个字";
        return null;
    }

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static string Weekday(DateOnly day) => "周" + "日一二三四五六"[(int)day.DayOfWeek];
}
