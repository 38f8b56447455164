using Approval.Web.Auth;
using Approval.Workflow.Import;
using Approval.Workflow.Submissions;
using Marten;
using Microsoft.AspNetCore.Identity;
using Rules = Approval.Workflow.Submissions.Drafting.DraftRules;

namespace Approval.Web.Organization;

/// <summary>
/// Demo mode only (<c>Approval:Demo=true</c>, the default with the embedded database): the four 财政局 of the seeds
/// (<see cref="DemoBureaus"/>), each a tenant with its sections, units and one account per role, and a few drafted reports
/// read from the seed texts. Runs once: skipped when any account exists in any bureau.
/// </summary>
public sealed partial class DemoData(IDocumentStore store, IConfiguration configuration, ILogger<DemoData> logger) : IHostedService
{
    public const string Password = "Demo#2026pass";
    /// <summary>The 省级审计 of the demo: an account of the province's own tenant, reading every bureau.</summary>
    public const string ProvinceAuditor = "shengshenji";

    public static bool IsEnabled(IConfiguration configuration) =>
        configuration.GetValue<bool?>("Approval:Demo") ?? string.IsNullOrWhiteSpace(configuration.GetConnectionString("Approval"));

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!IsEnabled(configuration)) return;
        await using (var probe = store.QuerySession())
            if (await probe.Query<Account>().AnyAsync(a => a.AnyTenant(), cancellationToken)) return;

        var hasher = new PasswordHasher<Account>();
        var accounts = 0;
        foreach (var bureau in DemoBureaus.All)
        {
            // Each bureau's organization is written in its own tenant; the registry entry is deployment-wide.
            await using var session = store.LightweightSession(bureau.Id);
            session.Store(new Tenants.FinanceBureau { Id = bureau.Id, Name = bureau.Name });
            session.Store(bureau.Sections);
            session.Store(bureau.Units);
            foreach (var a in bureau.Accounts)
            {
                var account = new Account { Id = a.Id, DisplayName = a.Name, Role = a.Role, UnitId = a.Unit, SectionIds = a.Sections.ToList() };
                account.PasswordHash = hasher.HashPassword(account, Password);
                account.NewSecurityStamp();
                session.Store(account);
                accounts++;
            }
            await session.SaveChangesAsync(cancellationToken);
        }
        await using (var province = store.LightweightSession(Tenants.FinanceBureau.Province))
        {
            province.Store(new Tenants.FinanceBureau { Id = Tenants.FinanceBureau.Province, Name = "江西省财政厅" });
            var auditor = new Account { Id = ProvinceAuditor, DisplayName = "钱审计（省级审计）", Role = Role.ProvinceAuditor };
            auditor.PasswordHash = hasher.HashPassword(auditor, Password);
            auditor.NewSecurityStamp();
            province.Store(auditor);
            await province.SaveChangesAsync(cancellationToken);
            accounts++;
        }
        await DraftSeedForms("shangrao", "002_3e97706fd429c0f0.txt", "U-SRBD", "上饶市大数据发展管理局", 2021, "dashuju", "王晓（大数据局填报人）", cancellationToken);
        await DraftSeedForms("rongjiang", "004_00e7fe4b0ab0df23.txt", "U-GZRJ", "赣州蓉江新区政务服务中心", 2023, "rongjiang", "刘敏（蓉江政务中心填报人）", cancellationToken);
        LogSeeded(logger, DemoBureaus.All.Length, accounts, Password);
    }

    /// <summary>Stamped with their chain links on commit, like every appended event.</summary>
    private async Task DraftSeedForms(string tenantId, string seed, string unitId, string unitName, int year, string userId, string userName, CancellationToken ct)
    {
        var path = SeedPath(seed);
        if (path is null) return;
        var actor = new Actor(userId, userName, Role.Preparer, unitId);
        await using var session = store.LightweightSession(tenantId);
        session.LastModifiedBy = userId;
        session.CorrelationId = "demo-data";
        session.CausationId = "demo-data";
        foreach (var form in ReportTextImporter.ReadFile(path).Forms)
        {
            var id = Guid.CreateVersion7();
            var drafted = Rules.Draft(id, unitId, unitName, year, SubmissionKind.ProjectSelfEvaluation, $"{form.Header.ProjectName} 绩效自评", new SubmissionContent { ProjectForm = form }, actor);
            session.Events.StartStream<Submission>(id, drafted);
        }
        await session.SaveChangesAsync(ct);
    }

    /// <summary>The seeds ship with the tests; the shared folder beside the repository has them too.</summary>
    private static string? SeedPath(string name)
    {
        var root = LocalDatabase.RepositoryRoot.Find();
        foreach (var candidate in new[]
                 {
                     root is null ? null : Path.Combine(root, "tests", "Workflow.Tests", "Data", "seeds", name),
                     root is null ? null : Path.Combine(root, "..", "shared", "seeds", name),
                 })
            if (candidate is not null && File.Exists(candidate)) return candidate;
        return null;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Demo data seeded: {Bureaus} 财政局, {Count} accounts, password {Password}")]
    private static partial void LogSeeded(ILogger logger, int bureaus, int count, string password);
}
