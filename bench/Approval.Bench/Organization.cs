using System.Net.Http.Json;
using System.Text.Json;
using Approval.Web;
using Approval.Web.Auth;
using Approval.Web.Organization;
using Approval.Workflow.Submissions;
using Marten;
using Microsoft.AspNetCore.Identity;

namespace Approval.Bench;

/// <summary>Units, sections and accounts for the load: one preparer per unit, one reviewer per section.</summary>
public sealed class BenchOrganization
{
    public const string Password = "Bench#password1";
    public int Units { get; }
    public int Sections { get; }
    public Dictionary<string, string> Tokens { get; } = [];

    public BenchOrganization(int units, int sections)
    {
        Units = units;
        Sections = sections;
    }

    public static string Preparer(int unit) => $"prep-{unit}";
    public string Reviewer(int unit) => $"rev-{unit % Sections}";
    public string Section(int unit) => $"S-{unit % Sections}";

    public async Task SeedAsync(string connectionString)
    {
        using var store = new DocumentStore(ApprovalHost.BuildStoreOptions(connectionString, "approval", chainKey: null));
        await using var session = store.LightweightSession();
        var hasher = new PasswordHasher<Account>();
        var hash = hasher.HashPassword(new Account(), Password); // one hash for all: the accounts share the password
        for (var s = 0; s < Sections; s++)
        {
            session.Store(new ReviewSection { Id = $"S-{s}", Name = $"业务{s}股" });
            session.Store(new Account { Id = $"rev-{s}", DisplayName = $"经办人{s}", Role = Role.Reviewer, SectionIds = [$"S-{s}"], PasswordHash = hash });
        }
        for (var u = 0; u < Units; u++)
        {
            session.Store(new BudgetUnit { Id = $"U-{u}", Name = $"预算单位{u}", SectionId = Section(u) });
            session.Store(new Account { Id = Preparer(u), DisplayName = $"填报人{u}", Role = Role.Preparer, UnitId = $"U-{u}", PasswordHash = hash });
        }
        await session.SaveChangesAsync();
    }

    public async Task LoginAllAsync(HttpClient http, string url)
    {
        var names = Enumerable.Range(0, Units).Select(Preparer).Concat(Enumerable.Range(0, Sections).Select(s => $"rev-{s}"));
        foreach (var name in names)
        {
            var response = await http.PostAsJsonAsync($"{url}/api/auth/login", new { userName = name, password = Password });
            response.EnsureSuccessStatusCode();
            Tokens[name] = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        }
    }
}
