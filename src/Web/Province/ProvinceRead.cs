namespace Approval.Web.Province;

/// <summary>
/// A 省级审计's read of one 财政局's data, stored in that bureau (its tenant) so that the bureau's own 审计 and 管理员 see
/// who read what and when. Written once, never changed: no endpoint updates or deletes it.
/// </summary>
public sealed class ProvinceRead
{
    public Guid Id { get; set; }
    public string ReaderId { get; set; } = "";
    public string ReaderName { get; set; } = "";
    /// <summary>The tenant the reader signed in from: always the province's own (<c>province</c>); a read is never made in a bureau's name.</summary>
    public string ReaderTenant { get; set; } = "";
    public DateTimeOffset At { get; set; }
    /// <summary>What was read, in Chinese (报告列表 / 审计轨迹 …).</summary>
    public string What { get; set; } = "";
    public Guid? SubmissionId { get; set; }
}
