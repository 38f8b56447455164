using Approval.Workflow.Submissions;

namespace Approval.Workflow.Deadlines;

/// <summary>A 预算单位 as the deadline lists name it.</summary>
public sealed record UnitOnRoll(string Id, string Name, string SectionId, string SectionName);

/// <summary>A unit's report of a kind and year, and whether it was ever sent for review (a discarded draft was not).</summary>
public sealed record ReportOnFile(string UnitId, SubmissionKind Kind, int FiscalYear, bool Submitted);

/// <summary>逾期未报: the unit has not submitted a report of this kind and year, and its due day has passed.</summary>
public sealed record OverdueReport(UnitOnRoll Unit, SubmissionKind Kind, int FiscalYear, DateOnly DueOn, int WorkingDaysLate, string Basis);

/// <summary>A claimed item a reviewer has held for more working days than the bureau allows.</summary>
public sealed record ClaimedReview(Guid SubmissionId, string Title, string UnitName, SubmissionKind Kind, int FiscalYear, string SectionId, string ReviewerId, string ReviewerName, DateOnly ClaimedOn);

public sealed record HeldReview(ClaimedReview Review, int WorkingDaysHeld, int Allowed);

/// <summary>
/// Who is late. Pure: the units, what they filed, the bureau's rules, its calendar and today (in Beijing) are passed in.
/// Being late never decides anything: it only puts the unit or the item on the bureau's lists for a 催报 or a reminder.
/// </summary>
public static class Overdue
{
    /// <summary>Every (unit, kind, year) with a rule whose due day has passed (the due day itself is still on time) and no submitted report.</summary>
    public static IReadOnlyList<OverdueReport> Reporting(IEnumerable<UnitOnRoll> units, IEnumerable<DueDateRule> rules, IEnumerable<ReportOnFile> reports, WorkingDayCalendar calendar, DateOnly today)
    {
        var submitted = reports.Where(r => r.Submitted).Select(r => (r.UnitId, r.Kind, r.FiscalYear)).ToHashSet();
        var late = new List<OverdueReport>();
        var roll = units.ToList();
        foreach (var rule in rules)
        {
            var due = rule.DueOn(calendar);
            if (today <= due) continue;
            var days = calendar.WorkingDaysBetween(due, today);
            late.AddRange(roll.Where(u => !submitted.Contains((u.Id, rule.Kind, rule.FiscalYear)))
                .Select(u => new OverdueReport(u, rule.Kind, rule.FiscalYear, due, days, rule.Basis)));
        }
        return [.. late.OrderBy(o => o.Unit.SectionId, StringComparer.Ordinal).ThenBy(o => o.Unit.Id, StringComparer.Ordinal).ThenBy(o => o.FiscalYear).ThenBy(o => o.Kind)];
    }

    /// <summary>Claimed items held more than <paramref name="allowed"/> working days (counted after the day of the claim).</summary>
    public static IReadOnlyList<HeldReview> Held(IEnumerable<ClaimedReview> claimed, int allowed, WorkingDayCalendar calendar, DateOnly today) =>
        [.. claimed.Select(c => new HeldReview(c, calendar.WorkingDaysBetween(c.ClaimedOn, today), allowed))
            .Where(h => h.WorkingDaysHeld > allowed)
            .OrderByDescending(h => h.WorkingDaysHeld).ThenBy(h => h.Review.SubmissionId)];
}
