using Approval.Workflow.Submissions;

namespace Approval.Workflow.Deadlines;

/// <summary>
/// When the bureau wants a kind of report for a fiscal year: on a fixed day (<see cref="FixedOn"/>), or
/// <see cref="WorkingDays"/> 法定工作日 after a day it names (<see cref="CountFrom"/>: the 批复 or the opening of the
/// reporting round). Exactly one of the two forms.
/// </summary>
public sealed record DueDateRule(SubmissionKind Kind, int FiscalYear, DateOnly? FixedOn, DateOnly? CountFrom, int? WorkingDays, string? Note = null)
{
    public DateOnly DueOn(WorkingDayCalendar calendar) => FixedOn ?? calendar.AddWorkingDays(CountFrom!.Value, WorkingDays!.Value);

    /// <summary>How the date was set, for the pages and the 催报: "2026-05-29" or "2026-05-06 起 15 个工作日".</summary>
    public string Basis => FixedOn is { } day ? $"固定日期 {HolidayYearRules.Iso(day)}" : $"{HolidayYearRules.Iso(CountFrom!.Value)} 起 {WorkingDays} 个工作日";

    public const int MaxNoteLength = 200;

    /// <summary>Why the rule cannot stand, or null. A fiscal year's reports are filed in that year or the two after it.</summary>
    public static string? Problem(DueDateRule rule)
    {
        if (!Enum.IsDefined(rule.Kind)) return "报告类型无效";
        if (rule.FiscalYear is < HolidayYearRules.MinYear or > HolidayYearRules.MaxYear) return $"年度应在 {HolidayYearRules.MinYear}–{HolidayYearRules.MaxYear} 之间";
        var isFixed = rule.FixedOn is not null;
        var isCounted = rule.CountFrom is not null || rule.WorkingDays is not null;
        if (isFixed == isCounted) return "请填写固定截止日期，或者起算日期和工作日数（二者选一）";
        if (isCounted && (rule.CountFrom is null || rule.WorkingDays is null)) return "按工作日计算时，起算日期和工作日数都要填写";
        if (rule.WorkingDays is < 1 or > WorkingDayCalendar.MaxWorkingDays) return $"工作日数应在 1–{WorkingDayCalendar.MaxWorkingDays} 之间";
        var day = rule.FixedOn ?? rule.CountFrom!.Value;
        if (day.Year < rule.FiscalYear || day.Year > rule.FiscalYear + 2)
            return $"{rule.FiscalYear} 年度报告的{(isFixed ? "截止日期" : "起算日期")}应在 {rule.FiscalYear}–{rule.FiscalYear + 2} 年之间";
        if (rule.Note is { Length: > MaxNoteLength }) return $"说明最长 {MaxNoteLength} 个字";
        return null;
    }
}
