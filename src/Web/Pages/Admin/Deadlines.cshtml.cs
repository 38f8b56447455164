using Approval.Web.Deadlines;
using Approval.Workflow.Deadlines;
using Approval.Workflow.Submissions;
using Marten;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Approval.Web.Pages.Admin;

/// <summary>截止日期: the bureau's 法定工作日 calendar (one year at a time), the due date of each kind of report per fiscal year, and the review hold limit.</summary>
public class DeadlinesModel(IQuerySession session, TimeProvider clock, IMessageChannel channel) : PageModel
{
    public int Year { get; private set; }
    public HolidayYear Calendar { get; private set; } = new(0, [], []);
    public bool CalendarSaved { get; private set; }
    public bool CalendarShipped { get; private set; }
    public IReadOnlyList<int> CalendarYears { get; private set; } = [];
    public IReadOnlyList<DueDateView> DueDates { get; private set; } = [];
    public int ReviewHoldWorkingDays { get; private set; }
    public bool EmailConfigured => channel.Configured;
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(int? year, CancellationToken ct)
    {
        Today = OverdueQuery.Today(clock);
        Year = year is >= HolidayYearRules.MinYear and <= HolidayYearRules.MaxYear ? year.Value : Today.Year;
        var years = await BureauCalendar.YearsAsync(session, ct);
        CalendarYears = [.. years.Select(y => y.Year).Append(Year).Append(Today.Year + 1).Distinct().Order()];
        CalendarSaved = await session.LoadAsync<HolidayCalendarYear>(Year, ct) is not null;
        CalendarShipped = HolidayArrangement.ShippedFor(Year) is not null;
        Calendar = years.FirstOrDefault(y => y.Year == Year) ?? new HolidayYear(Year, [], []);
        var calendar = new WorkingDayCalendar(years);
        DueDates = [.. (await session.Query<ReportDueDate>().ToListAsync(ct)).Select(d => DueDateView.Of(d.ToRule(), calendar)).OrderByDescending(d => d.FiscalYear).ThenBy(d => d.Kind)];
        ReviewHoldWorkingDays = (await BureauCalendar.SettingsAsync(session, ct)).ReviewHoldWorkingDays;
    }

    public static string Lines(IEnumerable<DateOnly> days) => string.Join("\n", days.Select(HolidayYearRules.Iso));

    public static IEnumerable<SubmissionKind> Kinds => Enum.GetValues<SubmissionKind>();
}
