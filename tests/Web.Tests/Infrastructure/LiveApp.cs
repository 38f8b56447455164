using Approval.LocalDatabase;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Web.Tests.Infrastructure;

/// <summary>
/// The real app on Kestrel at a free loopback port, for a real browser. One per browser lane (<see cref="HeavyCollection"/>),
/// shared by the lane's classes one after the other; <see cref="ResetAsync"/> gives each class the app as it was just started.
/// </summary>
public class LiveApp : IAsyncLifetime
{
    private WebApplication? _app;
    public string BaseUrl { get; private set; } = "";
    public string ConnectionString { get; private set; } = "";
    public IDocumentStore Store => _app!.Services.GetRequiredService<IDocumentStore>();

    public virtual async Task InitializeAsync()
    {
        ConnectionString = await MigratedTemplate.CreateDatabaseAsync("ui");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = "Approval.Web",
            EnvironmentName = "Testing",
            ContentRootPath = Path.Combine(RepositoryRoot.Find()!, "src", "Web"),
        });
        builder.Configuration["ConnectionStrings:Approval"] = await TestDatabase.AppConnectionStringAsync(ConnectionString);
        builder.Configuration["ConnectionStrings:ApprovalOwner"] = ConnectionString;
        builder.Configuration["Approval:ChainKey"] = "test-chain-key";
        builder.Configuration["Approval:Demo"] = "false";
        builder.Configuration["urls"] = "http://127.0.0.1:0";
        Configure(builder.Configuration);
        builder.AddApprovalServices();
        _app = builder.Build();
        _app.UseApprovalPipeline();
        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        await TestOrganization.SeedAsync(Store);
    }

    /// <summary>
    /// The app as a test class expects to find it (<see cref="TestOrganization.StartOverAsync"/>). What the app keeps in memory otherwise is the sign-in throttling, which counts per client
    /// address and account and forgets an account's failures at its next successful sign-in; no browser test fails five
    /// sign-ins of one account.
    /// </summary>
    public Task ResetAsync() => TestOrganization.StartOverAsync(ConnectionString, _app!.Services);

    /// <summary>A fixture's own settings (an SMTP server, say), applied after the common ones.</summary>
    protected virtual void Configure(Microsoft.Extensions.Configuration.IConfiguration configuration) { }

    public virtual async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        await TestDatabase.DropAsync(ConnectionString);
    }
}
