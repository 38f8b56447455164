using Approval.Workflow.Deadlines;
using Marten;

namespace Approval.Web.Deadlines;

/// <summary>The calendar of the signed-in account's 财政局: its saved years over the shipped ones.</summary>
public static class BureauCalendar
{
    public static async Task<IReadOnlyList<HolidayYear>> YearsAsync(IQuerySession session, CancellationToken ct)
    {
        var saved = (await session.Query<HolidayCalendarYear>().ToListAsync(ct)).Select(y => y.ToYear()).ToDictionary(y => y.Year);
        foreach (var shipped in HolidayArrangement.Shipped) saved.TryAdd(shipped.Year, shipped);
        return [.. saved.Values.OrderBy(y => y.Year)];
    }

    public static async Task<WorkingDayCalendar> LoadAsync(IQuerySession session, CancellationToken ct) => new(await YearsAsync(session, ct));

    public static async Task<DeadlineSettings> SettingsAsync(IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<DeadlineSettings>(DeadlineSettings.DocumentId, ct) ?? new DeadlineSettings();
}
