using System.Security.Cryptography;
using System.Text;
using Approval.Workflow.Submissions;

namespace Approval.Workflow.Deadlines;

/// <summary>An event of a reminder's own stream (one stream per 催报 or reminder), never of a submission's.</summary>
public interface IReminderEvent
{
    Guid ReminderId { get; }
}

/// <summary>催报: the bureau told a unit that a report is overdue. <paramref name="Recipients"/> are the unit's 填报人 accounts at the time.</summary>
public sealed record ReportingReminderSent(Guid ReminderId, string UnitId, string UnitName, string SectionId, SubmissionKind Kind, int FiscalYear, DateOnly DueOn,
    int WorkingDaysLate, IReadOnlyList<string> Recipients, string Subject, string Body, Actor SentBy) : IReminderEvent;

/// <summary>审核提醒: the bureau told a reviewer that a claimed item has waited too long.</summary>
public sealed record ReviewReminderSent(Guid ReminderId, Guid SubmissionId, string Title, string UnitName, string SectionId, string ReviewerId, string ReviewerName,
    DateOnly ClaimedOn, int WorkingDaysHeld, string Subject, string Body, Actor SentBy) : IReminderEvent;

/// <summary>What the outgoing channel did with the message: sent to these addresses, or why not (not configured, no address, refused).</summary>
public sealed record ReminderDelivered(Guid ReminderId, string Channel, IReadOnlyList<string> Addresses, bool Sent, string? Failure) : IReminderEvent;

/// <summary>The snapshot of a reminder stream, for the lists in the app.</summary>
public sealed class Reminder
{
    public Guid Id { get; set; }
    public int Version { get; set; }
    /// <summary>催报 (to a unit) or 审核提醒 (to a reviewer).</summary>
    public string Type { get; set; } = "";
    public string? UnitId { get; set; }
    public string UnitName { get; set; } = "";
    public string SectionId { get; set; } = "";
    public SubmissionKind Kind { get; set; }
    public int FiscalYear { get; set; }
    public DateOnly? DueOn { get; set; }
    public Guid? SubmissionId { get; set; }
    public string? ReviewerId { get; set; }
    public List<string> Recipients { get; set; } = [];
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public Actor SentBy { get; set; } = new("", "", Role.Reviewer);
    public DateTimeOffset SentAt { get; set; }
    public List<ReminderDelivered> Deliveries { get; set; } = [];

    public const string Reporting = "催报";
    public const string Review = "审核提醒";
}

/// <summary>The words of a 催报 and a reminder, and their stream ids.</summary>
public static class ReminderText
{
    public static (string Subject, string Body) Reporting(OverdueReport late, string bureau, DateOnly today, string sender) => (
        $"【催报】{late.Unit.Name}：{late.FiscalYear} 年度{late.Kind.Chinese()}已逾期",
        $"{late.Unit.Name}：\n\n" +
        $"{bureau}要求于 {Date(late.DueOn)} 前提交 {late.FiscalYear} 年度{late.Kind.Chinese()}（{late.Basis}）。" +
        $"截至 {Date(today)}，贵单位尚未提交，已逾期 {late.WorkingDaysLate} 个工作日。\n" +
        "请尽快登录预算绩效自评与决算公开审核系统填报并提交审核。\n\n" +
        $"{bureau} {sender}\n{Date(today)}");

    public static (string Subject, string Body) Review(HeldReview held, string bureau, DateOnly today, string sender) => (
        $"【审核提醒】{held.Review.UnitName}「{held.Review.Title}」已领取 {held.WorkingDaysHeld} 个工作日",
        $"{held.Review.ReviewerName}：\n\n" +
        $"您于 {Date(held.Review.ClaimedOn)} 领取审核的{held.Review.FiscalYear} 年度{held.Review.Kind.Chinese()}「{held.Review.Title}」（{held.Review.UnitName}）" +
        $"至 {Date(today)} 已 {held.WorkingDaysHeld} 个工作日未办结（本局要求 {held.Allowed} 个工作日内）。请尽快审核，或释放给其他审核人。\n\n" +
        $"{bureau} {sender}\n{Date(today)}");

    public static string Date(DateOnly day) => $"{day.Year} 年 {day.Month} 月 {day.Day} 日";

    /// <summary>
    /// The same 催报 on the same day is one stream: sending it twice (a double click, a retry, 全部催报 after a single one)
    /// records and sends it once.
    /// </summary>
    public static Guid ReportingId(string tenant, string unitId, SubmissionKind kind, int fiscalYear, DateOnly dueOn, DateOnly sentOn) =>
        Id($"reporting|{tenant}|{unitId}|{kind}|{fiscalYear}|{HolidayYearRules.Iso(dueOn)}|{HolidayYearRules.Iso(sentOn)}");

    public static Guid ReviewId(string tenant, Guid submissionId, string reviewerId, DateOnly claimedOn, DateOnly sentOn) =>
        Id($"review|{tenant}|{submissionId}|{reviewerId}|{HolidayYearRules.Iso(claimedOn)}|{HolidayYearRules.Iso(sentOn)}");

    private static Guid Id(string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // a name-based (version 5 style) id
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}

/// <summary>
/// Keeps the <see cref="Reminder"/> snapshot inline with its stream (the lists read it at once, in the request that sent it).
/// Written with Create/Apply, not Evolve: Marten then runs it for a reminder's own events only, so a report's command loads no reminder.
/// </summary>
public sealed class ReminderProjection : Marten.Events.Aggregation.SingleStreamProjection<Reminder, Guid>
{
    public static Reminder Create(JasperFx.Events.IEvent<ReportingReminderSent> e) => new()
    {
        Id = e.Data.ReminderId, Version = (int)e.Version, Type = Reminder.Reporting, UnitId = e.Data.UnitId, UnitName = e.Data.UnitName, SectionId = e.Data.SectionId,
        Kind = e.Data.Kind, FiscalYear = e.Data.FiscalYear, DueOn = e.Data.DueOn, Recipients = [.. e.Data.Recipients], Subject = e.Data.Subject, Body = e.Data.Body,
        SentBy = e.Data.SentBy, SentAt = e.Timestamp,
    };

    public static Reminder Create(JasperFx.Events.IEvent<ReviewReminderSent> e) => new()
    {
        Id = e.Data.ReminderId, Version = (int)e.Version, Type = Reminder.Review, UnitName = e.Data.UnitName, SectionId = e.Data.SectionId, SubmissionId = e.Data.SubmissionId,
        ReviewerId = e.Data.ReviewerId, Recipients = [e.Data.ReviewerId], Subject = e.Data.Subject, Body = e.Data.Body, SentBy = e.Data.SentBy, SentAt = e.Timestamp,
    };

    public static void Apply(JasperFx.Events.IEvent<ReminderDelivered> e, Reminder reminder)
    {
        reminder.Deliveries.Add(e.Data);
        reminder.Version = (int)e.Version;
    }
}
