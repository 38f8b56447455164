using Approval.Web.Organization;
using Approval.Workflow.Deadlines;
using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Publishing;
using Marten;

namespace Approval.Web.Deadlines;

/// <summary>What is late in the caller's scope today: reports not submitted by their due day, and items held too long.</summary>
public sealed record OverdueLists(DateOnly Today, IReadOnlyList<OverdueReport> Reports, IReadOnlyList<HeldReview> Held, int ReviewHoldWorkingDays);

/// <summary>
/// Reads the lists for an actor: a reviewer's sections only, the whole 财政局 for auditors and administrators (the session
/// is the bureau's own). Preparers and the province get nothing here.
/// </summary>
public static class OverdueQuery
{
    public static bool MayRead(Actor actor) => actor.Role is Role.Reviewer or Role.Auditor or Role.Admin;

    public static async Task<OverdueLists> ForAsync(IQuerySession session, Actor actor, DateOnly today, CancellationToken ct)
    {
        var calendar = await BureauCalendar.LoadAsync(session, ct);
        var settings = await BureauCalendar.SettingsAsync(session, ct);
        var mine = (actor.SectionIds ?? []).ToArray();
        var reviewer = actor.Role == Role.Reviewer;

        var sections = (await session.Query<ReviewSection>().ToListAsync(ct)).ToDictionary(s => s.Id, s => s.Name);
        var unitQuery = session.Query<BudgetUnit>().Where(u => !u.Disabled);
        if (reviewer) unitQuery = unitQuery.Where(u => u.SectionId.IsOneOf(mine));
        var units = (await unitQuery.ToListAsync(ct)).Select(u => new UnitOnRoll(u.Id, u.Name, u.SectionId, sections.GetValueOrDefault(u.SectionId, u.SectionId))).ToList();
        var unitIds = units.Select(u => u.Id).ToArray();

        var rules = (await session.Query<ReportDueDate>().ToListAsync(ct)).Select(d => d.ToRule()).ToList();
        var years = rules.Select(r => r.FiscalYear).Distinct().ToArray();
        var filed = await session.Query<Submission>()
            .Where(s => s.UnitId.IsOneOf(unitIds) && s.FiscalYear.IsOneOf(years))
            .Select(s => new FiledReport { UnitId = s.UnitId, Kind = s.Kind, FiscalYear = s.FiscalYear, SubmittedAt = s.SubmittedAt, State = s.State })
            .ToListAsync(ct);
        var reports = filed.Select(f => new ReportOnFile(f.UnitId, f.Kind, f.FiscalYear, f.SubmittedAt is not null && f.State != SubmissionState.Discarded));

        var claimedQuery = session.Query<Submission>().Where(s => s.State == SubmissionState.InReview);
        if (reviewer) claimedQuery = claimedQuery.Where(s => s.SectionId != null && s.SectionId.IsOneOf(mine));
        var claimed = await claimedQuery
            .Select(s => new ClaimedItem { Id = s.Id, Title = s.Title, UnitName = s.UnitName, Kind = s.Kind, FiscalYear = s.FiscalYear, SectionId = s.SectionId, ClaimedBy = s.ClaimedBy, Rounds = s.Rounds })
            .ToListAsync(ct);
        var held = claimed.Where(c => c.ClaimedBy is not null && c.Rounds.LastOrDefault()?.ClaimedAt is not null)
            .Select(c => new ClaimedReview(c.Id, c.Title, c.UnitName, c.Kind, c.FiscalYear, c.SectionId ?? "", c.ClaimedBy!.UserId, c.ClaimedBy.Name,
                DateOnly.FromDateTime(c.Rounds[^1].ClaimedAt!.Value.ToOffset(TimeSpan.FromHours(8)).DateTime)));

        return new OverdueLists(today, Overdue.Reporting(units, rules, reports, calendar, today), Overdue.Held(held, settings.ReviewHoldWorkingDays, calendar, today), settings.ReviewHoldWorkingDays);
    }

    public static DateOnly Today(TimeProvider clock) => PublicationDeadline.Today(clock);

    /// <summary>The fields of a submission the lists need, read with a select (never its content).</summary>
    public sealed class FiledReport
    {
        public string UnitId { get; set; } = "";
        public SubmissionKind Kind { get; set; }
        public int FiscalYear { get; set; }
        public DateTimeOffset? SubmittedAt { get; set; }
        public SubmissionState State { get; set; }
    }

    public sealed class ClaimedItem
    {
        public Guid Id { get; set; }
        public string Title { get; set; } = "";
        public string UnitName { get; set; } = "";
        public SubmissionKind Kind { get; set; }
        public int FiscalYear { get; set; }
        public string? SectionId { get; set; }
        public Actor? ClaimedBy { get; set; }
        public List<ReviewRound> Rounds { get; set; } = [];
    }
}
