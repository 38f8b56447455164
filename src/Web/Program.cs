using Approval.Web;
using Approval.Web.Checking;
using JasperFx;
using Spectre.Console;

var builder = WebApplication.CreateBuilder(args);
var isCommand = CommandLine.IsCommand(args);
if (isCommand)
{
    // Commands such as `check --json` own stdout: logs and JasperFx's diagnostics go to stderr.
    builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
    AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
}
builder.AddApprovalServices();

var app = builder.Build();
app.UseApprovalPipeline();

var exitCode = await app.RunJasperFxCommands(args);
return CheckCommand.ExitCodeOverride ?? exitCode;

/// <summary>Entry point, public for Alba and WebApplicationFactory.</summary>
public partial class Program;
