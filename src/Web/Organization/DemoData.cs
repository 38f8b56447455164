using Approval.Web.Auth;
using Approval.Workflow.Import;
using Approval.Workflow.Submissions;
using Marten;
using Microsoft.AspNetCore.Identity;
using Rules = Approval.Workflow.Submissions.Drafting.DraftRules;

namespace Approval.Web.Organization;

/// <summary>
/// Demo mode only (<c>Approval:Demo=true</c>, the default with the embedded database): sections, units from the
/// seeds, one account per role, and a few drafted reports read from the seed texts. Runs once: skipped when
/// any account exists.
/// </summary>
public sealed partial class DemoData(IDocumentStore store, IConfiguration configuration, ILogger<DemoData> logger) : IHostedService
{
    public const string Password = "Demo#2026pass";

    public static readonly (string Id, string Name, Role Role, string? Unit, string[] Sections)[] Accounts =
    [
        ("dashuju", "王晓（大数据局填报人）", Role.Preparer, "U-SRBD", []),
        ("rongjiang", "刘敏（蓉江政务中心填报人）", Role.Preparer, "U-GZRJ", []),
        ("yiyang", "陈静（弋阳政务中心填报人）", Role.Preparer, "U-YYZW", []),
        ("jingban", "张建国（经济建设股经办人）", Role.Reviewer, null, ["S-JJJS"]),
        ("xingzheng", "李华（行政政法股经办人）", Role.Reviewer, null, ["S-XZZF"]),
        ("shenji", "赵审计（审计监督）", Role.Auditor, null, []),
        ("admin", "系统管理员", Role.Admin, null, []),
    ];

    public static bool IsEnabled(IConfiguration configuration) =>
        configuration.GetValue<bool?>("Approval:Demo") ?? string.IsNullOrWhiteSpace(configuration.GetConnectionString("Approval"));

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!IsEnabled(configuration)) return;
        await using var session = store.LightweightSession();
        if (await session.Query<Account>().AnyAsync(cancellationToken)) return;

        session.Store(new ReviewSection { Id = "S-JJJS", Name = "经济建设股" }, new ReviewSection { Id = "S-XZZF", Name = "行政政法股" });
        session.Store(
            new BudgetUnit { Id = "U-SRBD", Name = "上饶市大数据发展管理局", SectionId = "S-JJJS" },
            new BudgetUnit { Id = "U-SRZW", Name = "上饶市政务服务管理局", SectionId = "S-XZZF" },
            new BudgetUnit { Id = "U-YYZW", Name = "弋阳县政务服务中心", SectionId = "S-XZZF" },
            new BudgetUnit { Id = "U-GZRJ", Name = "赣州蓉江新区政务服务中心", SectionId = "S-JJJS" });
        var hasher = new PasswordHasher<Account>();
        foreach (var (id, name, role, unit, sections) in Accounts)
        {
            var account = new Account { Id = id, DisplayName = name, Role = role, UnitId = unit, SectionIds = sections.ToList() };
            account.PasswordHash = hasher.HashPassword(account, Password);
            session.Store(account);
        }
        await session.SaveChangesAsync(cancellationToken);
        await DraftSeedForms("002_3e97706fd429c0f0.txt", "U-SRBD", "上饶市大数据发展管理局", 2021, "dashuju", "王晓（大数据局填报人）", cancellationToken);
        await DraftSeedForms("004_00e7fe4b0ab0df23.txt", "U-GZRJ", "赣州蓉江新区政务服务中心", 2023, "rongjiang", "刘敏（蓉江政务中心填报人）", cancellationToken);
        LogSeeded(logger, Accounts.Length, Password);
    }

    /// <summary>Stamped with their chain links on commit, like every appended event.</summary>
    private async Task DraftSeedForms(string seed, string unitId, string unitName, int year, string userId, string userName, CancellationToken ct)
    {
        var path = SeedPath(seed);
        if (path is null) return;
        var actor = new Actor(userId, userName, Role.Preparer, unitId);
        await using var session = store.LightweightSession();
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

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Demo data seeded: {Count} accounts, password {Password}")]
    private static partial void LogSeeded(ILogger logger, int count, string password);
}
