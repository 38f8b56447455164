using Approval.LocalDatabase;

namespace Approval.Web.Infrastructure;

/// <summary>
/// Where the event store lives: <c>ConnectionStrings:Approval</c> when configured (environment variable
/// <c>ConnectionStrings__Approval</c>), otherwise the embedded local cluster, started on first use.
/// The application runs as a role that may not change event rows; schema changes run as the owner
/// (<c>ConnectionStrings:ApprovalOwner</c>, or the embedded cluster's superuser).
/// </summary>
public sealed partial class DatabaseConnection
{
    public DatabaseConnection(IConfiguration configuration, ILogger<DatabaseConnection> logger)
    {
        var configured = configuration.GetConnectionString("Approval");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            ConnectionString = configured;
            OwnerConnectionString = configuration.GetConnectionString("ApprovalOwner") is { Length: > 0 } owner ? owner : configured;
            if (OwnerConnectionString == configured) LogNoSeparateOwner(logger);
            Migrate(configuration, logger);
            return;
        }

        var database = configuration["Approval:DatabaseName"] ?? "approval";
        Local = LocalPostgres.Locate();
        // Runs once, during start-up, before any request: blocking here is deliberate and harmless.
        var admin = Local.EnsureRunningAsync().GetAwaiter().GetResult();
        PostgresDatabases.EnsureExistsAsync(admin, database).GetAwaiter().GetResult();
        OwnerConnectionString = Local.ConnectionString(database);
        ConnectionString = Local.AppConnectionStringAsync(database).GetAwaiter().GetResult();
        Migrate(configuration, logger);
        LogEmbeddedCluster(logger, Local.DataDirectory, Local.Port);
        if (Local.AdoptedOrphan) LogAdoptedOrphan(logger);
    }

    /// <summary>The application's runtime connection (the restricted role when the owner is known).</summary>
    public string ConnectionString { get; }

    /// <summary>The schema owner's connection, for migrations; equal to <see cref="ConnectionString"/> when no separate owner is configured.</summary>
    public string OwnerConnectionString { get; }

    public bool SeparateOwner => OwnerConnectionString != ConnectionString;

    // Runs once, during start-up, before the store that uses the restricted role exists.
    private void Migrate(IConfiguration configuration, ILogger logger) =>
        DatabaseMigrator.MigrateAsync(OwnerConnectionString, ConnectionString, ApprovalHost.SchemaName(configuration),
            Tenants.PreTenancyUpgrade.FromConfiguration(configuration), logger).GetAwaiter().GetResult();

    /// <summary>The embedded cluster, when it is the one in use.</summary>
    public LocalPostgres? Local { get; }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning,
        Message = "No ConnectionStrings:ApprovalOwner: the application runs as the schema owner, so the database itself does not stop it from changing event rows")]
    private static partial void LogNoSeparateOwner(ILogger logger);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Using the embedded PostgreSQL cluster in {DataDirectory} on 127.0.0.1:{Port}")]
    private static partial void LogEmbeddedCluster(ILogger logger, string dataDirectory, int port);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "The embedded PostgreSQL cluster was running without its owner (killed?): this process adopts it and stops it when it ends")]
    private static partial void LogAdoptedOrphan(ILogger logger);
}

/// <summary>
/// Stops the embedded cluster on shutdown when this process owns it (<see cref="LocalPostgres.Owns"/>): it started it, or
/// found it orphaned by a killed owner and adopted it. A cluster owned by someone alive (<c>./run.sh --nodes</c>' script,
/// the test run) is left running. Also when the host never got going (its port taken, say): a host that fails to start
/// is disposed without being stopped, so the disposal stops the cluster too (a second stop finds no owner and does nothing).
/// </summary>
public sealed class LocalPostgresLifetime(DatabaseConnection connection) : IHostedService, IAsyncDisposable
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) =>
        connection.Local is { Owns: true } local ? local.StopIfOwnedByAsync(Environment.ProcessId) : Task.CompletedTask;

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);
}
