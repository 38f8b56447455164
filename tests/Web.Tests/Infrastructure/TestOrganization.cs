using Approval.Web.Auth;
using Approval.Web.Organization;
using Approval.Web.Tenants;
using Approval.Workflow.Submissions;
using Marten;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Web.Tests.Infrastructure;

/// <summary>
/// Two 财政局 (tenants). In <see cref="Tenant"/>: two sections, three units and one account per role (two reviewers in
/// 经济建设股) — the people every test signs in as. In <see cref="OtherTenant"/>: the SAME section and unit ids (S-1, S-2,
/// U-BD, U-YY) with their own accounts (prep-b, prep-yy-b, rev-b, audit-b, admin-b), so that any leak between bureaus
/// shows as data of the wrong tenant rather than hiding behind different ids.
/// </summary>
public static class TestOrganization
{
    public const string Password = "Test#password1";
    public const string Tenant = "shangrao";
    public const string OtherTenant = "yiyang";

    public static async Task SeedAsync(IDocumentStore store)
    {
        await using (var session = store.LightweightSession(Tenant))
        {
            session.Store(new FinanceBureau { Id = Tenant, Name = "上饶市财政局" });
            session.Store(new ReviewSection { Id = "S-1", Name = "经济建设股" }, new ReviewSection { Id = "S-2", Name = "行政政法股" });
            session.Store(
                new BudgetUnit { Id = "U-BD", Name = "上饶市大数据发展管理局", SectionId = "S-1" },
                new BudgetUnit { Id = "U-YY", Name = "弋阳县政务服务中心", SectionId = "S-1" },
                new BudgetUnit { Id = "U-OT", Name = "其他单位", SectionId = "S-2" });
            StoreAccounts(session,
                new Account { Id = "prep", DisplayName = "王填报", Role = Role.Preparer, UnitId = "U-BD" },
                new Account { Id = "prep-yy", DisplayName = "陈填报", Role = Role.Preparer, UnitId = "U-YY" },
                new Account { Id = "prep-other", DisplayName = "李填报", Role = Role.Preparer, UnitId = "U-OT" },
                new Account { Id = "rev", DisplayName = "张经办", Role = Role.Reviewer, SectionIds = ["S-1"] },
                new Account { Id = "rev2", DisplayName = "赵经办", Role = Role.Reviewer, SectionIds = ["S-1"] },
                new Account { Id = "rev-other", DisplayName = "钱经办", Role = Role.Reviewer, SectionIds = ["S-2"] },
                new Account { Id = "audit", DisplayName = "孙审计", Role = Role.Auditor },
                new Account { Id = "admin", DisplayName = "管理员", Role = Role.Admin });
            await session.SaveChangesAsync();
        }
        await using (var session = store.LightweightSession(OtherTenant))
        {
            session.Store(new FinanceBureau { Id = OtherTenant, Name = "弋阳县财政局" });
            session.Store(new ReviewSection { Id = "S-1", Name = "经济建设股（弋阳）" }, new ReviewSection { Id = "S-2", Name = "行政政法股（弋阳）" });
            session.Store(
                new BudgetUnit { Id = "U-BD", Name = "弋阳县大数据中心", SectionId = "S-1" },
                new BudgetUnit { Id = "U-YY", Name = "弋阳县政务服务中心（县本级）", SectionId = "S-1" });
            StoreAccounts(session,
                new Account { Id = "prep-b", DisplayName = "吴填报", Role = Role.Preparer, UnitId = "U-BD" },
                new Account { Id = "prep-yy-b", DisplayName = "郑填报", Role = Role.Preparer, UnitId = "U-YY" },
                new Account { Id = "rev-b", DisplayName = "冯经办", Role = Role.Reviewer, SectionIds = ["S-1"] },
                new Account { Id = "audit-b", DisplayName = "褚审计", Role = Role.Auditor },
                new Account { Id = "admin-b", DisplayName = "卫管理员", Role = Role.Admin });
            await session.SaveChangesAsync();
        }
        await SeedProvinceAsync(store);
    }

    /// <summary>
    /// A running app's data as a test class expects to find it: every report, event and document gone
    /// (<see cref="TestDatabase.EmptyMartenTablesAsync"/>), no account stamp cached from before, the organization seeded again.
    /// </summary>
    public static async Task StartOverAsync(string ownerConnectionString, IServiceProvider services)
    {
        await TestDatabase.EmptyMartenTablesAsync(ownerConnectionString);
        if (services.GetRequiredService<IMemoryCache>() is MemoryCache cache) cache.Clear();
        await SeedAsync(services.GetRequiredService<IDocumentStore>());
    }

    /// <summary>The province's own tenant: the 省级审计 (audit-province) and nothing of any bureau.</summary>
    private static async Task SeedProvinceAsync(IDocumentStore store)
    {
        await using var session = store.LightweightSession(FinanceBureau.Province);
        session.Store(new FinanceBureau { Id = FinanceBureau.Province, Name = "江西省财政厅" });
        StoreAccounts(session, new Account { Id = "audit-province", DisplayName = "省审计员", Role = Role.ProvinceAuditor });
        await session.SaveChangesAsync();
    }

    /// <summary>
    /// One hash of <see cref="Password"/> for every test account of the run: the hasher's 100,000 PBKDF2 rounds are slow on
    /// purpose, and fourteen of them per fixture added up to minutes. (The hash does not depend on the account; the app
    /// itself still hashes each account's own password with its own salt.)
    /// </summary>
    private static readonly Lazy<string> PasswordHash = new(() => new PasswordHasher<Account>().HashPassword(new Account(), Password));

    private static void StoreAccounts(IDocumentSession session, params Account[] accounts)
    {
        foreach (var account in accounts)
        {
            account.PasswordHash = PasswordHash.Value;
            session.Store(account);
        }
    }
}
