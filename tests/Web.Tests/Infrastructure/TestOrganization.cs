using Approval.Web.Auth;
using Approval.Web.Organization;
using Approval.Workflow.Submissions;
using Marten;
using Microsoft.AspNetCore.Identity;

namespace Approval.Web.Tests.Infrastructure;

/// <summary>Two sections, three units and one account per role (two reviewers in 经济建设股).</summary>
public static class TestOrganization
{
    public const string Password = "Test#password1";

    public static async Task SeedAsync(IDocumentStore store)
    {
        await using var session = store.LightweightSession();
        session.Store(new ReviewSection { Id = "S-1", Name = "经济建设股" }, new ReviewSection { Id = "S-2", Name = "行政政法股" });
        session.Store(
            new BudgetUnit { Id = "U-BD", Name = "上饶市大数据发展管理局", SectionId = "S-1" },
            new BudgetUnit { Id = "U-YY", Name = "弋阳县政务服务中心", SectionId = "S-1" },
            new BudgetUnit { Id = "U-OT", Name = "其他单位", SectionId = "S-2" });
        foreach (var account in new[]
                 {
                     new Account { Id = "prep", DisplayName = "王填报", Role = Role.Preparer, UnitId = "U-BD" },
                     new Account { Id = "prep-yy", DisplayName = "陈填报", Role = Role.Preparer, UnitId = "U-YY" },
                     new Account { Id = "prep-other", DisplayName = "李填报", Role = Role.Preparer, UnitId = "U-OT" },
                     new Account { Id = "rev", DisplayName = "张经办", Role = Role.Reviewer, SectionIds = ["S-1"] },
                     new Account { Id = "rev2", DisplayName = "赵经办", Role = Role.Reviewer, SectionIds = ["S-1"] },
                     new Account { Id = "rev-other", DisplayName = "钱经办", Role = Role.Reviewer, SectionIds = ["S-2"] },
                     new Account { Id = "audit", DisplayName = "孙审计", Role = Role.Auditor },
                     new Account { Id = "admin", DisplayName = "管理员", Role = Role.Admin },
                 })
        {
            account.PasswordHash = new PasswordHasher<Account>().HashPassword(account, Password);
            session.Store(account);
        }
        await session.SaveChangesAsync();
    }
}
