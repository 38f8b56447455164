using Approval.Web.Infrastructure;
using Approval.Workflow.Submissions;
using JasperFx.Events.Projections;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.Events.Daemon;
using Marten;
using Marten.Events.Daemon;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Approval.Web;

public static class ApprovalHost
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static WebApplicationBuilder AddApprovalServices(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
            builder.WebHost.UseUrls(DefaultUrl);

        // Registered first so that it stops last, after Wolverine and the projection daemon.
        builder.Services.AddSingleton<DatabaseConnection>();
        builder.Services.AddHostedService<LocalPostgresLifetime>();

        var schema = builder.Configuration["Approval:Schema"] ?? "approval";
        builder.Services.AddMarten(sp =>
            {
                var options = new StoreOptions();
                options.Connection(sp.GetRequiredService<DatabaseConnection>().ConnectionString);
                options.DatabaseSchemaName = schema;
                options.Events.DatabaseSchemaName = schema;
                options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
                ConfigureEventStore(options);
                return options;
            })
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup()
            .IntegrateWithWolverine()
            .AddAsyncDaemon(DaemonMode.Solo);

        builder.Host.UseWolverine(opts =>
        {
            opts.Policies.AutoApplyTransactions();
            opts.CodeGeneration.TypeLoadMode = TypeLoadMode.Dynamic;
        });
        builder.Services.AddWolverineHttp();

        builder.Services.AddHealthChecks()
            .AddCheck<EventStoreHealthCheck>("event-store")
            .AddMartenAsyncDaemonHealthCheck(maxEventLag: 1000);

        return builder;
    }

    private static void ConfigureEventStore(StoreOptions options)
    {
        options.Events.StreamIdentity = JasperFx.Events.StreamIdentity.AsGuid;
        options.Events.AppendMode = JasperFx.Events.EventAppendMode.Quick;
        options.Events.MetadataConfig.CorrelationIdEnabled = true;
        options.Events.MetadataConfig.CausationIdEnabled = true;
        options.Events.MetadataConfig.HeadersEnabled = true;
        options.Events.MetadataConfig.UserNameEnabled = true;
        options.Events.AddEventTypes(SubmissionEvents.All);
        options.Projections.Snapshot<Submission>(SnapshotLifecycle.Inline);
    }

    public static WebApplication UseApprovalPipeline(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync });
        app.MapGet("/", () => Results.Content(HomePage.Html, "text/html; charset=utf-8"));
        app.MapWolverineEndpoints();
        return app;
    }
}
