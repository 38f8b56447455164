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

    /// <summary>Where requests that name no address come from (<see cref="ClientAddressFromTestHeader"/>); none by default, as in the test server.</summary>
    public System.Net.IPAddress? DefaultClientAddress { get; protected set; }

    protected virtual bool SeedDemoData => false;

    /// <summary>A fixture's own replacements (a clock it moves), applied after the app's services.</summary>
    protected virtual void ConfigureServices(IServiceCollection services) { }

    /// <summary>The reverse proxy the test hosts trust (<c>Approval:TrustedProxies</c>); tests play it with <see cref="ClientAddressFromTestHeader"/>.</summary>
    public const string TrustedProxy = "10.99.0.1";

    public virtual async Task InitializeAsync()
    {
        ConnectionString = await MigratedTemplate.CreateDatabaseAsync(GetType().Name);
        AppConnectionString = await TestDatabase.AppConnectionStringAsync(ConnectionString);
        Host = await AlbaHost.For<Program>(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:Approval", AppConnectionString);
            builder.UseSetting("ConnectionStrings:ApprovalOwner", ConnectionString);
            builder.UseSetting("Approval:ChainKey", "test-chain-key");
            // One address plays the operator's reverse proxy (SessionAndSignInTests); every other test address is a client.
            builder.UseSetting("Approval:TrustedProxies:0", TrustedProxy);
            builder.ConfigureServices(services =>
            {
                services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(ErrorLog);
                services.AddSingleton<IStartupFilter>(new ClientAddressFromTestHeader(() => DefaultClientAddress));
                ConfigureServices(services);
            });
            builder.UseSetting("Approval:Demo", SeedDemoData ? "true" : "false");
            ConfigureHost(builder);
        });
    }

    /// <summary>A fixture's own settings (an SMTP server, say), applied after the common ones.</summary>
    protected virtual void ConfigureHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder) { }

    public virtual async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await TestDatabase.DropAsync(ConnectionString);
    }
}

/// <summary>
/// The in-memory test server has no client address; a test names one with <see cref="Header"/> to play callers on
/// different machines (sign-in throttling is per address); without one, the request comes from the fixture's
/// <see cref="AppFixture.DefaultClientAddress"/>. Test hosts only: the app itself trusts no such header.
/// </summary>
public sealed class ClientAddressFromTestHeader(Func<System.Net.IPAddress?> defaultAddress) : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
    {
        app.Use(nextMiddleware => http =>
        {
            if (System.Net.IPAddress.TryParse(http.Request.Headers[Header], out var address)) http.Connection.RemoteIpAddress = address;
            else if (defaultAddress() is { } fallback) http.Connection.RemoteIpAddress = fallback;
            return nextMiddleware(http);
        });
        next(app);
    };
}
