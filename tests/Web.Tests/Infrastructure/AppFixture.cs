using Alba;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;

namespace Approval.Web.Tests.Infrastructure;

/// <summary>The real app, over real HTTP through Alba, against a database of its own (one per test class).</summary>
public class AppFixture : IAsyncLifetime
{
    public IAlbaHost Host { get; private set; } = null!;
    public string ConnectionString { get; private set; } = "";

    protected virtual bool SeedDemoData => false;

    public virtual async Task InitializeAsync()
    {
        ConnectionString = await TestDatabase.CreateAsync(GetType().Name);
        Host = await AlbaHost.For<Program>(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:Approval", ConnectionString);
            builder.UseSetting("Approval:Demo", SeedDemoData ? "true" : "false");
        });
    }

    public virtual async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await TestDatabase.DropAsync(ConnectionString);
    }
}
