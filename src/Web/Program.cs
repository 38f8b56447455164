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
if (!isCommand)
{
    app.Lifetime.ApplicationStarted.Register(() =>
    {
        var urls = string.Join(", ", app.Urls);
        var demo = Approval.Web.Organization.DemoData.IsEnabled(app.Configuration)
            ? $"（演示模式：账户 dashuju / jingban / shenji / admin 等，密码 {Approval.Web.Organization.DemoData.Password}）"
            : "";
        Console.WriteLine($"绩效自评与决算公开审核 已启动：{urls} {demo}");
        Console.WriteLine("按 Ctrl+C 停止。");
    });
}

var exitCode = await app.RunJasperFxCommands(args);
return CheckCommand.ExitCodeOverride ?? exitCode;

/// <summary>Entry point, public for Alba and WebApplicationFactory.</summary>
public partial class Program;
