using Approval.Workflow.Deadlines;
using Approval.Workflow.Submissions;

namespace Approval.Web.Deadlines;

/// <summary>
/// One year of the bureau's 法定工作日 calendar as its 管理员 saved it (stored per 财政局 like its sections and units).
/// A year never saved is the shipped State Council arrangement (<see cref="HolidayArrangement"/>), if there is one.
/// </summary>
public sealed class HolidayCalendarYear
{
    /// <summary>The calendar year.</summary>
    public int Id { get; set; }
    public List<DateOnly> DaysOff { get; set; } = [];
    public List<DateOnly> WorkingWeekends { get; set; } = [];
    public string? Source { get; set; }
    public string UpdatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }

    public HolidayYear ToYear() => new(Id, DaysOff, WorkingWeekends, Source);
}

/// <summary>截止日期 of one kind of report for one fiscal year, set by the bureau's 管理员.</summary>
public sealed class ReportDueDate
{
    /// <summary>"{fiscalYear}-{kind}", e.g. 2025-FinalAccountsDisclosure.</summary>
    public string Id { get; set; } = "";
    public SubmissionKind Kind { get; set; }
    public int FiscalYear { get; set; }
    public DateOnly? FixedOn { get; set; }
    public DateOnly? CountFrom { get; set; }
    public int? WorkingDays { get; set; }
    public string? Note { get; set; }
    public string UpdatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }

    public static string IdOf(int fiscalYear, SubmissionKind kind) => $"{fiscalYear}-{kind}";

    public DueDateRule ToRule() => new(Kind, FiscalYear, FixedOn, CountFrom, WorkingDays, Note);
}

/// <summary>The bureau's deadline settings (one document per 财政局).</summary>
public sealed class DeadlineSettings
{
    public const string DocumentId = "deadlines";
    /// <summary>What the settings are until the 管理员 changes them.</summary>
    public const int DefaultReviewHoldWorkingDays = 5;
    public const int MaxReviewHoldWorkingDays = 60;

    public string Id { get; set; } = DocumentId;
    /// <summary>A reviewer holding a claimed item more working days than this is listed for a reminder.</summary>
    public int ReviewHoldWorkingDays { get; set; } = DefaultReviewHoldWorkingDays;
    public string UpdatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
}
