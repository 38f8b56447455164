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
}

/// <summary>Stops the embedded cluster on shutdown when this process started it.</summary>
public sealed class LocalPostgresLifetime(DatabaseConnection connection) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) =>
        connection.Local is { StartedByThisProcess: true } local ? local.StopAsync() : Task.CompletedTask;
}
