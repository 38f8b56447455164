using Approval.Web;
using Approval.Web.Checking;
using Approval.Web.Infrastructure;
using JasperFx;
using Spectre.Console;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = ContentRoot.Choose(args) });
// Static web assets (wwwroot of the project, the npm-installed SignalR client) in every environment, not only in
// Development: a build output has no wwwroot of its own. Published output has one, and no manifest: then a no-op.
builder.WebHost.UseStaticWebAssets();
var isCommand = CommandLine.IsCommand(args);
if (isCommand)
{
    // Commands such as `check --json` own stdout: logs and JasperFx's diagnostics go to stderr.
    builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
    AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
}
try
{
    builder.AddApprovalServices(server: !isCommand);

    var app = builder.Build();
    if (CommandLine.NeedsHttpPipeline(args)) app.UseApprovalPipeline();
    if (!isCommand)
    {
        app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app, Console.Out));
        // The web server runs as a plain ASP.NET Core host: JasperFx's command runner would first print the assemblies
        // it scans for commands. Commands (check, codegen, projections, accounts …) go through it.
        await app.RunAsync();
        return 0;
    }
    var exitCode = await app.RunJasperFxCommands(args);
    return CheckCommand.ExitCodeOverride ?? exitCode;
}
// Some settings are only needed once the database is seen (e.g. the bureau that takes over a pre-tenancy database):
// then the exception surfaces while the services are built, wrapped by whatever resolved them.
catch (Exception e) when (RequiredSettingMissingException.Within(e) is { } missing)
{
    Console.Error.WriteLine($"无法启动：{missing.Message}");
    return 78; // EX_CONFIG
}

// The address is taken (another copy still running?): said in words, not as a stack trace; the embedded database this
// process started was stopped when the host was disposed (LocalPostgresLifetime).
catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
{
    Console.Error.WriteLine($"无法启动：地址已被占用（{e.Message}）。请先停止占用该端口的程序，或用 ASPNETCORE_URLS 指定其他地址。");
    return 75; // EX_TEMPFAIL
}

/// <summary>Entry point, public for Alba and WebApplicationFactory.</summary>
public partial class Program;
