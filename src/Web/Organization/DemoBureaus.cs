using Approval.Workflow.Submissions;

namespace Approval.Web.Organization;

public sealed record DemoAccount(string Id, string Name, Role Role, string? Unit = null, params string[] Sections);

/// <summary>One demo 财政局 (tenant) with its 业务股室, the budget units the seeds name, and one account per role.</summary>
public sealed record DemoBureau(string Id, string Name, ReviewSection[] Sections, BudgetUnit[] Units, DemoAccount[] Accounts);

/// <summary>The four bureaus of the seeds (上饶市, 弋阳县, 景德镇市, 赣州蓉江新区): each a tenant of its own.</summary>
public static class DemoBureaus
{
    public static readonly DemoBureau[] All =
    [
        new("shangrao", "上饶市财政局",
            [new() { Id = "S-JJJS", Name = "经济建设股" }, new() { Id = "S-XZZF", Name = "行政政法股" }],
            [
                new() { Id = "U-SRBD", Name = "上饶市大数据发展管理局", SectionId = "S-JJJS" },
                new() { Id = "U-SRZW", Name = "上饶市政务服务管理局", SectionId = "S-XZZF" },
            ],
            [
                new("dashuju", "王晓（大数据局填报人）", Role.Preparer, "U-SRBD"),
                new("srzw", "周洁（上饶政务局填报人）", Role.Preparer, "U-SRZW"),
                new("jingban", "张建国（经济建设股经办人）", Role.Reviewer, null, "S-JJJS"),
                new("xingzheng", "李华（行政政法股经办人）", Role.Reviewer, null, "S-XZZF"),
                new("shenji", "赵审计（上饶市审计监督）", Role.Auditor),
                new("admin", "上饶市财政局系统管理员", Role.Admin),
            ]),
        new("yiyang", "弋阳县财政局",
            [new() { Id = "S-XZZF", Name = "行政政法股" }],
            [new() { Id = "U-YYZW", Name = "弋阳县政务服务中心", SectionId = "S-XZZF" }],
            [
                new("yiyang", "陈静（弋阳政务中心填报人）", Role.Preparer, "U-YYZW"),
                new("yiyang-shenhe", "吴刚（弋阳县行政政法股经办人）", Role.Reviewer, null, "S-XZZF"),
                new("yiyang-shenji", "郑审计（弋阳县审计监督）", Role.Auditor),
                new("yiyang-admin", "弋阳县财政局系统管理员", Role.Admin),
            ]),
        new("jingdezhen", "景德镇市财政局",
            [new() { Id = "S-XZZF", Name = "行政政法股" }],
            [new() { Id = "U-JDZXZ", Name = "景德镇市人民政府行政服务中心管理委员会", SectionId = "S-XZZF" }],
            [
                new("jingdezhen", "黄丽（景德镇行政服务中心填报人）", Role.Preparer, "U-JDZXZ"),
                new("jingdezhen-shenhe", "何平（景德镇市行政政法股经办人）", Role.Reviewer, null, "S-XZZF"),
                new("jingdezhen-shenji", "冯审计（景德镇市审计监督）", Role.Auditor),
                new("jingdezhen-admin", "景德镇市财政局系统管理员", Role.Admin),
            ]),
        new("rongjiang", "赣州蓉江新区财政局",
            [new() { Id = "S-JJJS", Name = "经济建设股" }],
            [new() { Id = "U-GZRJ", Name = "赣州蓉江新区政务服务中心", SectionId = "S-JJJS" }],
            [
                new("rongjiang", "刘敏（蓉江政务中心填报人）", Role.Preparer, "U-GZRJ"),
                new("rongjiang-shenhe", "罗军（蓉江新区经济建设股经办人）", Role.Reviewer, null, "S-JJJS"),
                new("rongjiang-shenji", "谢审计（蓉江新区审计监督）", Role.Auditor),
                new("rongjiang-admin", "赣州蓉江新区财政局系统管理员", Role.Admin),
            ]),
    ];
}
