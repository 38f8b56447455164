using Approval.Workflow.Deadlines;
using Approval.Workflow.Submissions;

namespace Approval.Workflow.Tests;

/// <summary>法定工作日 around 国庆 and 春节 with their 调休 Saturdays and Sundays, and the rules of an arrangement.</summary>
public class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Shipped = new(HolidayArrangement.Shipped);
    private static DateOnly D(int y, int m, int d) => new(y, m, d);
    private static DateOnly P(string day) => DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void A_tiao_xiu_Saturday_is_a_working_day_and_a_holiday_weekday_is_not()
    {
        Assert.True(Shipped.IsWorkingDay(D(2025, 10, 11)));   // 周六 调休上班
        Assert.True(Shipped.IsWorkingDay(D(2025, 9, 28)));    // 周日 调休上班
        Assert.False(Shipped.IsWorkingDay(D(2025, 10, 8)));   // 周三 国庆中秋放假
        Assert.False(Shipped.IsWorkingDay(D(2025, 10, 12)));  // 普通周日
        Assert.True(Shipped.IsWorkingDay(D(2025, 10, 9)));    // 节后周四
        Assert.True(Shipped.IsWorkingDay(D(2026, 2, 14)));    // 2026 春节前的周六上班
        Assert.False(Shipped.IsWorkingDay(D(2026, 2, 23)));   // 2026 春节 正月初七 周一放假
    }

    [Fact]
    public void Counting_across_National_Day_2025_skips_the_eight_days_off_and_counts_the_Saturday_after()
    {
        // 2025-09-26 (Fri): 9-28 Sun is worked, 9-29 Mon, 9-30 Tue, then 10-1…10-8 off, 10-9 Thu, 10-10 Fri, 10-11 Sat worked.
        Assert.Equal(D(2025, 9, 28), Shipped.AddWorkingDays(D(2025, 9, 26), 1));
        Assert.Equal(D(2025, 9, 30), Shipped.AddWorkingDays(D(2025, 9, 26), 3));
        Assert.Equal(D(2025, 10, 9), Shipped.AddWorkingDays(D(2025, 9, 26), 4));
        Assert.Equal(D(2025, 10, 11), Shipped.AddWorkingDays(D(2025, 9, 26), 6));
        Assert.Equal(D(2025, 10, 13), Shipped.AddWorkingDays(D(2025, 9, 26), 7));
        // Plain weekdays would have said 2025-10-03 for 5 days.
        Assert.Equal(D(2025, 10, 10), Shipped.AddWorkingDays(D(2025, 9, 26), 5));
    }

    [Fact]
    public void Counting_across_the_Spring_Festival_2026_counts_both_tiao_xiu_Saturdays()
    {
        // 2-13 Fri; 2-14 Sat worked; 2-15…2-23 off; 2-24 Tue … 2-27 Fri; 2-28 Sat worked; 3-2 Mon.
        Assert.Equal(D(2026, 2, 14), Shipped.AddWorkingDays(D(2026, 2, 13), 1));
        Assert.Equal(D(2026, 2, 24), Shipped.AddWorkingDays(D(2026, 2, 13), 2));
        Assert.Equal(D(2026, 2, 28), Shipped.AddWorkingDays(D(2026, 2, 13), 6));
        Assert.Equal(D(2026, 3, 2), Shipped.AddWorkingDays(D(2026, 2, 13), 7));
        Assert.Equal(7, Shipped.WorkingDaysBetween(D(2026, 2, 13), D(2026, 3, 2)));
    }

    [Fact]
    public void Counting_starts_the_day_after_and_between_is_its_inverse()
    {
        Assert.Equal(D(2025, 3, 7), Shipped.AddWorkingDays(D(2025, 3, 3), 4)); // Mon + 4 = Fri
        Assert.Equal(D(2025, 3, 3), Shipped.AddWorkingDays(D(2025, 3, 3), 0));
        Assert.Equal(0, Shipped.WorkingDaysBetween(D(2025, 3, 7), D(2025, 3, 3)));
        for (var n = 0; n < 300; n += 7)
            Assert.Equal(n, Shipped.WorkingDaysBetween(D(2025, 1, 20), Shipped.AddWorkingDays(D(2025, 1, 20), n)));
    }

    [Fact]
    public void A_year_without_an_arrangement_counts_weekdays_and_says_it_does_not_know()
    {
        var calendar = new WorkingDayCalendar(HolidayArrangement.Shipped);
        Assert.False(calendar.Knows(2027));
        Assert.True(calendar.Knows(2026));
        Assert.True(calendar.IsWorkingDay(D(2027, 10, 1))); // unknown: a Friday is a working day until the admin enters 2027
    }

    [Fact]
    public void The_shipped_years_are_valid_and_hold_the_notice_totals()
    {
        foreach (var year in HolidayArrangement.Shipped) Assert.Null(HolidayYearRules.Problem(year));
        Assert.Equal(1 + 8 + 3 + 5 + 3 + 8, HolidayArrangement.Year2025.DaysOff.Count);
        Assert.Equal(5, HolidayArrangement.Year2025.WorkingWeekends.Count);
        Assert.Equal(3 + 9 + 3 + 5 + 3 + 3 + 7, HolidayArrangement.Year2026.DaysOff.Count);
        Assert.Equal(6, HolidayArrangement.Year2026.WorkingWeekends.Count);
    }

    [Theory]
    [InlineData("2025-10-10", null, "不在 2026 年内")]
    [InlineData(null, "2026-03-03", "本来就是工作日")]
    [InlineData("2026-02-14", "2026-02-14", "不能既放假又调休上班")]
    [InlineData("2026-10-01,2026-10-01", null, "重复")]
    public void An_impossible_arrangement_is_refused_with_its_reason(string? off, string? worked, string reason)
    {
        static DateOnly[] Parse(string? s) => s is null ? [] : [.. s.Split(',').Select(P)];
        var problem = HolidayYearRules.Problem(new HolidayYear(2026, Parse(off), Parse(worked)));
        Assert.NotNull(problem);
        Assert.Contains(reason, problem);
    }

    [Fact]
    public void A_due_date_counted_in_working_days_and_who_is_late()
    {
        var rule = new DueDateRule(SubmissionKind.FinalAccountsDisclosure, 2025, null, D(2026, 9, 18), 5);
        Assert.Null(DueDateRule.Problem(rule));
        // 9-18 Fri: 9-20 Sun worked, 9-21…9-24, then 中秋 9-25…9-27 → the fifth working day is 9-24.
        Assert.Equal(D(2026, 9, 24), rule.DueOn(Shipped));
        var units = new[] { new UnitOnRoll("U-A", "甲单位", "S-1", "一股"), new UnitOnRoll("U-B", "乙单位", "S-1", "一股"), new UnitOnRoll("U-C", "丙单位", "S-2", "二股") };
        var reports = new[]
        {
            new ReportOnFile("U-A", SubmissionKind.FinalAccountsDisclosure, 2025, Submitted: true),
            new ReportOnFile("U-B", SubmissionKind.FinalAccountsDisclosure, 2025, Submitted: false), // a draft is not a report
            new ReportOnFile("U-C", SubmissionKind.FinalAccountsDisclosure, 2024, Submitted: true),  // another year
        };
        Assert.Empty(Overdue.Reporting(units, [rule], reports, Shipped, D(2026, 9, 24))); // the due day itself is on time
        var late = Overdue.Reporting(units, [rule], reports, Shipped, D(2026, 10, 9));
        Assert.Equal(["U-B", "U-C"], late.Select(l => l.Unit.Id));
        Assert.All(late, l => Assert.Equal(5, l.WorkingDaysLate)); // 9-25…9-27 off; 9-28, 9-29, 9-30; 10-1…10-7 off; 10-8, 10-9
    }

    [Theory]
    [InlineData(null, null, null, "二者选一")]
    [InlineData("2026-05-29", "2026-05-06", 5, "二者选一")]
    [InlineData(null, "2026-05-06", null, "都要填写")]
    [InlineData(null, "2026-05-06", 0, "工作日数")]
    [InlineData("2030-05-29", null, null, "2025–2027")]
    public void An_impossible_due_date_rule_is_refused(string? fixedOn, string? from, int? days, string reason)
    {
        var rule = new DueDateRule(SubmissionKind.ProjectSelfEvaluation, 2025, fixedOn is null ? null : P(fixedOn), from is null ? null : P(from), days);
        Assert.Contains(reason, DueDateRule.Problem(rule));
    }

    [Fact]
    public void A_reviewer_holding_an_item_past_the_bureaus_limit_is_listed()
    {
        var claimed = new ClaimedReview(Guid.NewGuid(), "赣服通", "甲单位", SubmissionKind.ProjectSelfEvaluation, 2025, "S-1", "rev", "张经办", D(2025, 9, 26));
        Assert.Empty(Overdue.Held([claimed], 5, Shipped, D(2025, 10, 9))); // 9-28, 9-29, 9-30, 10-9: 4 working days
        var held = Assert.Single(Overdue.Held([claimed], 5, Shipped, D(2025, 10, 11)));
        Assert.Equal(6, held.WorkingDaysHeld);
    }
}
