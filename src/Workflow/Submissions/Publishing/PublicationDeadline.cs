namespace Approval.Workflow.Submissions.Publishing;

/// <summary>Where a 部门决算公开 package stands against its publication deadline on a given day.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<DeadlineStanding>))]
public enum DeadlineStanding
{
    /// <summary>未填写批复日期: no deadline can be computed yet.</summary>
    Unknown,
    /// <summary>More than <see cref="PublicationDeadline.DueSoonDays"/> days left.</summary>
    OnTime,
    /// <summary>Due within <see cref="PublicationDeadline.DueSoonDays"/> days (the due day included).</summary>
    DueSoon,
    /// <summary>Past the due day and not published.</summary>
    Overdue,
    /// <summary>已公开: the deadline no longer runs.</summary>
    Published,
}

/// <param name="DueOn">The last day to publish; null while the 批复日期 is not entered.</param>
/// <param name="DaysLeft">Days from today to the due day: negative when overdue (−3 = 已逾期 3 天).</param>
public sealed record DeadlineStatus(DateOnly? ApprovedOn, DateOnly? DueOn, int? DaysLeft, DeadlineStanding Standing)
{
    /// <summary>The line a person reads: 应于 2022-08-30 前公开，剩余 5 天 / 已逾期 3 天, or the missing 批复日期.</summary>
    public string Describe() => Standing switch
    {
        DeadlineStanding.Unknown => "未填写批复日期，无法计算公开期限",
        DeadlineStanding.Published when DueOn is null => "已公开（未填写批复日期，公开期限无从计算）",
        DeadlineStanding.Published => $"应于 {Iso(DueOn)} 前公开，已公开",
        DeadlineStanding.Overdue => $"应于 {Iso(DueOn)} 前公开，已逾期 {-DaysLeft} 天",
        _ when DaysLeft == 0 => $"应于 {Iso(DueOn)} 前公开，今日到期",
        _ => $"应于 {Iso(DueOn)} 前公开，剩余 {DaysLeft} 天",
    };

    private static string Iso(DateOnly? day) => PublicationDeadline.Iso(day);
}

/// <summary>
/// 预算法 §14: 经本级政府财政部门批复的部门决算及报表，应当在批复后二十日内由各部门向社会公开. The 20 days are calendar
/// days counted from the day after the 批复 (a 批复 on 2022-08-10 is due by 2022-08-30), weekends and holidays included.
/// Pure: "today" is always passed in (the web host takes it from its injected TimeProvider, in Beijing time).
/// </summary>
public static class PublicationDeadline
{
    public const int Days = 20;
    /// <summary>A package due within this many days is flagged on the dashboard before it falls overdue.</summary>
    public const int DueSoonDays = 5;

    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    /// <summary>A day as 2022-08-30, or — when there is none.</summary>
    public static string Iso(DateOnly? day) => day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "—";

    public static DateOnly DueOn(DateOnly approvedOn) => approvedOn.AddDays(Days);

    /// <summary>Today's date in Beijing, where the deadline runs.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(ChinaStandardTime).DateTime);

    public static DeadlineStatus Status(DateOnly? approvedOn, bool published, DateOnly today)
    {
        if (approvedOn is not { } approved) return new DeadlineStatus(null, null, null, published ? DeadlineStanding.Published : DeadlineStanding.Unknown);
        var due = DueOn(approved);
        var left = due.DayNumber - today.DayNumber;
        var standing = published ? DeadlineStanding.Published
            : left < 0 ? DeadlineStanding.Overdue
            : left <= DueSoonDays ? DeadlineStanding.DueSoon
            : DeadlineStanding.OnTime;
        return new DeadlineStatus(approved, due, left, standing);
    }

    /// <summary>
    /// Why a 批复日期 cannot be true, or null: the 决算 of a fiscal year is approved only after that year has closed,
    /// and a 批复 cannot lie in the future.
    /// </summary>
    public static string? Problem(DateOnly? approvedOn, int fiscalYear, DateOnly today)
    {
        if (approvedOn is not { } day) return null;
        if (day.Year <= fiscalYear)
            return $"批复日期 {Iso(day)} 不可能早于 {fiscalYear} 年度结束：决算在年度终了后才能批复，请填写 {fiscalYear + 1} 年或以后的日期";
        if (day > today) return $"批复日期 {Iso(day)} 晚于今天（{Iso(today)}），请填写财政部门实际批复的日期";
        return null;
    }

    /// <summary>Refuses content whose 批复日期 cannot be true (see <see cref="Problem"/>); nothing is recorded.</summary>
    public static void RequirePlausible(SubmissionContent content, int fiscalYear, DateOnly today)
    {
        if (Problem(content.Disclosure?.BudgetApprovedOn, fiscalYear, today) is { } problem)
            throw new SubmissionRuleException(RuleViolation.Invalid("budget-approved-on", problem, "the 批复日期 is before the fiscal year closed or in the future"));
    }
}
