using Alba;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Approval.Web.Tests.Infrastructure;

/// <summary>The real app, over real HTTP through Alba, against a database of its own (one per test class).</summary>
public class AppFixture : IAsyncLifetime
{
    public IAlbaHost Host { get; private set; } = null!;
    /// <summary>The schema owner's connection: what someone with direct database access holds.</summary>
    public string ConnectionString { get; private set; } = "";
    /// <summary>The application's own, restricted connection.</summary>
    public string AppConnectionString { get; private set; } = "";
    public ErrorLog ErrorLog { get; } = new();

    protected virtual bool SeedDemoData => false;

    public virtual async Task InitializeAsync()
    {
        ConnectionString = await TestDatabase.CreateAsync(GetType().Name);
        AppConnectionString = await TestDatabase.AppConnectionStringAsync(ConnectionString);
        Host = await AlbaHost.For<Program>(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:Approval", AppConnectionString);
            builder.UseSetting("ConnectionStrings:ApprovalOwner", ConnectionString);
            builder.UseSetting("Approval:ChainKey", "test-chain-key");
            builder.ConfigureServices(services => services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(ErrorLog));
            builder.UseSetting("Approval:Demo", SeedDemoData ? "true" : "false");
        });
    }

    public virtual async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await TestDatabase.DropAsync(ConnectionString);
    }
}
