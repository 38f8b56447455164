using Approval.Web.Auth;
using Approval.Web.Infrastructure;
using Approval.Web.Notifications;
using Approval.Web.Organization;
using Approval.Web.Submissions;
using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Publishing;
using Approval.Workflow.Submissions.Reviewing;
using Approval.Workflow.Submissions.Summary;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Daemon;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Approval.Web;

public static class ApprovalHost
{
    public const string DefaultUrl = "http://127.0.0.1:5080";
    private const string SmartScheme = "approval";

    public static WebApplicationBuilder AddApprovalServices(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
            builder.WebHost.UseUrls(DefaultUrl);

        // Registered first so that it stops last, after Wolverine and the projection daemon.
        builder.Services.AddSingleton<DatabaseConnection>();
        builder.Services.AddHostedService<LocalPostgresLifetime>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp => Integrity.ChainKey.From(sp.GetRequiredService<IConfiguration>()));

        var schema = SchemaName(builder.Configuration);
        builder.Services.AddMarten(sp => BuildStoreOptions(sp.GetRequiredService<DatabaseConnection>().ConnectionString, schema))
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup()
            .IntegrateWithWolverine()
            .AddAsyncDaemon(DaemonMode.Solo)
            .AddSubscriptionWithServices<NotificationSubscription>(ServiceLifetime.Singleton);

        builder.Host.UseWolverine(opts =>
        {
            opts.Policies.AutoApplyTransactions();
            opts.CodeGeneration.TypeLoadMode = TypeLoadMode.Dynamic;
        });
        builder.Services.AddWolverineHttp();
        builder.Services.AddHostedService<DemoData>();
        builder.Services.AddRazorPages(o => o.Conventions.AuthorizeFolder("/"));
        // Chinese text stays readable in the HTML source (it is still encoded where HTML requires it).
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddSignalR();
        builder.Services.AddAntiforgery(o => o.HeaderName = RequestGuards.CsrfHeader);

        AddSecurity(builder.Services);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        builder.Services.AddOpenApi();

        builder.Services.AddHealthChecks()
            .AddCheck<EventStoreHealthCheck>("event-store")
            .AddMartenAsyncDaemonHealthCheck(maxEventLag: 1000);

        return builder;
    }

    public static string SchemaName(IConfiguration configuration) => configuration["Approval:Schema"] ?? "approval";

    /// <summary>The store's whole configuration, shared by the application and the owner's migration.</summary>
    /// <summary>The async read models (review queue, 汇总审核表 entries, published reports), rebuilt as one unit.</summary>
    public const string ReadModels = "ReadModels";

    public static StoreOptions BuildStoreOptions(string connectionString, string schema)
    {
        var options = new StoreOptions();
        options.Connection(new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true, MaxAutoPrepare = 100, AutoPrepareMinUsages = 2 }.ConnectionString);
        options.DatabaseSchemaName = schema;
        options.Events.DatabaseSchemaName = schema;
        options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
        options.UseStickyConnectionLifetimes = true;
        // Our enums serialize as names (优/良, Submitted…): tell Marten so that LINQ compares names too.
        options.UseSystemTextJsonForSerialization(enumStorage: Weasel.Core.EnumStorage.AsString);
        ConfigureEventStore(options);
        ConfigureDocuments(options);
        return options;
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

        // The daemon polls for new events; idle it would wait a second. 100 ms keeps the review queue and the
        // notifications within a fraction of a second of the commit for one cheap query ten times a second.
        options.Projections.SlowPollingTime = TimeSpan.FromMilliseconds(100);
        options.Projections.FastPollingTime = TimeSpan.FromMilliseconds(50);
        options.Projections.Snapshot<Submission>(SnapshotLifecycle.Inline);
        options.Projections.Add<ScoreSheetProjection>(ProjectionLifecycle.Inline);
        // One composite: the daemon loads each page of events once for all three read models and commits their
        // documents in one transaction, instead of three loads and three commits.
        options.Projections.CompositeProjectionFor(ReadModels, composite =>
        {
            composite.Add<ReviewQueueProjection>();
            composite.Add<UnitSummaryEntryProjection>();
            composite.Add<PublishedReportProjection>();
        });
    }

    private static void ConfigureDocuments(StoreOptions options)
    {
        options.Schema.For<Submission>().Index(s => s.UnitId).Index(s => s.SectionId);
        options.Schema.For<ReviewQueueItem>().Index(i => i.SectionId);
        options.Schema.For<PublishedReport>().Index(r => r.SubmissionId);
        options.Schema.For<PublishedCatalogueEntry>().Index(r => r.FiscalYear);
        options.Schema.For<Account>();
        options.Schema.For<BudgetUnit>();
        options.Schema.For<ReviewSection>();
        options.Schema.For<ProcessedCommand>();
        options.Schema.For<ScoreSheet>();
        options.Schema.For<UnitSummaryEntry>().Index(e => new { e.UnitId, e.FiscalYear });
        options.Schema.For<Templates.StoredTemplate>();
    }

    /// <summary>One identity, two carriers: a cookie for the UI, a bearer token for API clients.</summary>
    private static void AddSecurity(IServiceCollection services)
    {
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "cookie or bearer", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || HubToken(http) is not null
                    ? BearerTokenDefaults.AuthenticationScheme
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "approval.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.LoginPath = "/login";
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.Events.OnRedirectToLogin = ctx => ApiStatus(ctx, 401, "请先登录");
                o.Events.OnRedirectToAccessDenied = ctx => ApiStatus(ctx, 403, "无权执行此操作");
            })
            .AddBearerToken(o =>
            {
                o.BearerTokenExpiration = TimeSpan.FromHours(8);
                // Browsers cannot set headers on WebSockets: SignalR sends the token as access_token on the hub path.
                o.Events.OnMessageReceived = ctx =>
                {
                    if (HubToken(ctx.HttpContext) is { } token) ctx.Token = token;
                    return Task.CompletedTask;
                };
            });
        services.AddAuthorization();
    }

    private static string? HubToken(HttpContext http) =>
        http.Request.Path.StartsWithSegments("/hubs") && http.Request.Query["access_token"].ToString() is { Length: > 0 } token ? token : null;

    private static Task ApiStatus(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> ctx, int status, string message)
    {
        if (!ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.Redirect(ctx.RedirectUri);
            return Task.CompletedTask;
        }
        return Problems.Of(status, status == 401 ? "unauthorized" : "forbidden", message, status == 401 ? "sign in first" : "forbidden").ExecuteAsync(ctx.HttpContext);
    }

    public static WebApplication UseApprovalPipeline(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseRequestGuards();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseCookieCsrfCheck();
        app.UseAuthorization();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync });
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapRazorPages();
        app.MapHub<ReviewHub>("/hubs/review");
        app.MapWolverineEndpoints(opts =>
        {
            opts.RequireAuthorizeOnAll();
            // '?year=abc' is a 400 problem, not a silent year = 0.
            opts.RejectUnparseableQueryValues = true;
        });
        return app;
    }
}
