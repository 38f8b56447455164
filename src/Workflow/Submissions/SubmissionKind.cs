using System.Text.Json.Serialization;

namespace Approval.Workflow.Submissions;

/// <summary>What a submission holds. One stream per report: a project's 自评表, the department's 整体自评, the 决算公开 package, or the 汇总审核表.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SubmissionKind>))]
public enum SubmissionKind
{
    /// <summary>项目支出绩效自评表 — one per project per year.</summary>
    ProjectSelfEvaluation,
    /// <summary>部门整体支出绩效自评报告.</summary>
    DepartmentSelfEvaluation,
    /// <summary>部门决算公开 — the ten 公开表 and the 情况说明.</summary>
    FinalAccountsDisclosure,
    /// <summary>项目支出绩效自评情况汇总审核表 — the unit's declaration over its project self-evaluations.</summary>
    SummaryReview,
}

[JsonConverter(typeof(JsonStringEnumConverter<SubmissionState>))]
public enum SubmissionState
{
    /// <summary>草稿: the preparer edits and scores it.</summary>
    Draft,
    /// <summary>已提交: waiting in the section's queue; the preparer may still withdraw it.</summary>
    Submitted,
    /// <summary>审核中: a reviewer has claimed it.</summary>
    InReview,
    /// <summary>已退回修改: back with the preparer; resubmitting starts a new round.</summary>
    Returned,
    /// <summary>审核通过: with 优/良/中/差, or without a grade for a 部门决算公开 package.</summary>
    Approved,
    /// <summary>已公开.</summary>
    Published,
    /// <summary>已作废: the unit discarded a draft (or a returned report) it will not file; kept in the history, counted nowhere.</summary>
    Discarded,
}

[JsonConverter(typeof(JsonStringEnumConverter<Role>))]
public enum Role
{
    /// <summary>填报人（预算单位）.</summary>
    Preparer,
    /// <summary>财政局业务股室经办人.</summary>
    Reviewer,
    /// <summary>审计/监督.</summary>
    Auditor,
    /// <summary>管理员.</summary>
    Admin,
    /// <summary>省级审计: belongs to the province, not a bureau; reads every 财政局's reports, and each such read is recorded.</summary>
    ProvinceAuditor,
}

public static class Names
{
    public static string Chinese(this SubmissionKind kind) => kind switch
    {
        SubmissionKind.ProjectSelfEvaluation => "项目支出绩效自评表",
        SubmissionKind.DepartmentSelfEvaluation => "部门整体支出绩效自评报告",
        SubmissionKind.FinalAccountsDisclosure => "部门决算公开",
        SubmissionKind.SummaryReview => "项目支出绩效自评情况汇总审核表",
        _ => kind.ToString(),
    };

    /// <summary>Whether a report in this state is the section's business: not while a draft (never submitted, or withdrawn) nor
    /// once the unit discarded it. (LINQ queries state the same as <c>State != Draft &amp;&amp; State != Discarded</c>.)</summary>
    public static bool IsSectionBusiness(this SubmissionState state) => state is not (SubmissionState.Draft or SubmissionState.Discarded);

    public static string Chinese(this SubmissionState state) => state switch
    {
        SubmissionState.Draft => "草稿",
        SubmissionState.Submitted => "已提交待审核",
        SubmissionState.InReview => "审核中",
        SubmissionState.Returned => "已退回修改",
        SubmissionState.Approved => "审核通过",
        SubmissionState.Published => "已公开",
        SubmissionState.Discarded => "已作废",
        _ => state.ToString(),
    };

    public static string Chinese(this Role role) => role switch
    {
        Role.Preparer => "填报人",
        Role.Reviewer => "审核人",
        Role.Auditor => "审计",
        Role.Admin => "管理员",
        Role.ProvinceAuditor => "省级审计",
        _ => role.ToString(),
    };
}

/// <summary>Who did something: recorded inside every event, so the history needs nothing else to say who.</summary>
public sealed record Actor(string UserId, string Name, Role Role, string? UnitId = null, IReadOnlyList<string>? SectionIds = null)
{
    /// <summary>
    /// 委托: the reviewer this person acted for (审核人 王五（代 张三）). Recorded on review decisions taken under a
    /// <see cref="Delegations.Delegation"/>; absent (and not written) on every other event and on every event from before 委托.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public ActingFor? OnBehalfOf { get; init; }

    /// <summary>The 委托 this person holds today as a stand-in, filled per request from the read model; never stored.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<StandIn> StandingIn { get; init; } = [];

    /// <summary>The name as every decision shows it: 王五, or 王五（代 张三） for a stand-in.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Display => OnBehalfOf is { } principal ? $"{Name}（代 {principal.Name}）" : Name;

    /// <summary>The sections whose review this person sees: their own and, during a 委托, the delegator's. The one scope every list uses.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<string> ReviewSectionIds => StandingIn.Count == 0
        ? SectionIds ?? []
        : (SectionIds ?? []).Concat(StandingIn.SelectMany(s => s.SectionIds)).Distinct(StringComparer.Ordinal).ToList();
}

/// <summary>The reviewer a stand-in acted for, as recorded on the decision.</summary>
public sealed record ActingFor(string UserId, string Name);

/// <summary>One 委托 held today: the stand-in may see and act on the review of <see cref="SectionIds"/> for the delegator.</summary>
public sealed record StandIn(Guid DelegationId, string DelegatorId, string DelegatorName, IReadOnlyList<string> SectionIds);
