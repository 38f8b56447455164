using Approval.Workflow.Checking;
using Approval.Workflow.Import;
using JasperFx.CommandLine;

namespace Approval.Web.Checking;

public class CheckInput
{
    [Description("报告文件或目录（文本 .txt 或 .xlsx，可多个）/ report files or directories to check")]
    public string[] Files { get; set; } = [];

    [Description("输出 JSON / print JSON (one document per file; an array when several files are checked)")]
    [FlagAlias("json", 'j')]
    public bool JsonFlag { get; set; }
}

/// <summary>
/// `check FILE… [--json]`: scores every 自评表 and checks every 公开表 and the narrative of each report file (a
/// directory means its .txt and .xlsx files). Exit code 0 without errors, 1 with errors, 2 when a file cannot be read
/// or holds no recognisable report, a table no reader took (RD-UNREAD-TABLE) or nothing that could be checked — the worst over all files.
/// </summary>
[Description("审核报告文件：重算自评表得分与等级，检查公开表勾稽关系 / check report files", Name = "check")]
public class CheckCommand : JasperFxCommand<CheckInput>
{
    private static readonly System.Text.Json.JsonSerializerOptions ErrorJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>JasperFx maps a command's result to 0/1 only; Program returns this when it is set.</summary>
    public static int? ExitCodeOverride { get; private set; }

    public override bool Execute(CheckInput input)
    {
        var code = Run(input.Files, input.JsonFlag, Console.Out, Console.Error);
        ExitCodeOverride = code;
        return code == 0;
    }

    public static int Run(string file, bool json, TextWriter output, TextWriter error) => Run([file], json, output, error);

    public static int Run(IReadOnlyList<string> arguments, bool json, TextWriter output, TextWriter error)
    {
        var files = Expand(arguments);
        if (files.Count == 0)
        {
            error.WriteLine(arguments.Count == 0 ? "请指定要审核的报告文件或目录" : "目录中没有 .txt 或 .xlsx 报告文件");
            return 2;
        }
        var exit = 0;
        var documents = new List<string>();
        foreach (var file in files)
        {
            var (code, document) = CheckOne(file, json, error);
            exit = Math.Max(exit, code);
            documents.Add(document);
        }
        if (json && (files.Count > 1 || arguments.Any(Directory.Exists)))
            output.WriteLine("[\n" + string.Join(",\n", documents) + "\n]");
        else
            foreach (var document in documents) output.WriteLine(document);
        return exit;
    }

    private static (int Exit, string Output) CheckOne(string file, bool json, TextWriter error)
    {
        ImportedReport imported;
        try
        {
            imported = ReportImporter.ReadFile(file);
        }
        catch (UnreadableInputException e)
        {
            error.WriteLine($"无法读取 {file}：{e.Message}");
            return (2, json ? System.Text.Json.JsonSerializer.Serialize(new { error = e.Message, file }, ErrorJson) : $"审核：{file}\n无法读取：{e.Message}");
        }
        var report = ReportChecker.Check(imported);
        var exit = CheckReportFormatter.ExitCode(report);
        if (exit == 2)
            error.WriteLine(imported.IsUnreadable ? $"无法读取 {file}：{string.Join("；", imported.Issues.Where(i => i.Fatal).Select(i => i.Message))}"
                : report.HasUnreadTables ? $"未完整读取 {file}：有未能识别的表格（{UnreadTables.Rule}）"
                : $"未核对 {file}：没有读到可核对的表格、自评表或表述");
        return (exit, json ? CheckReportFormatter.ToJson(report) : CheckReportFormatter.ToText(report));
    }

    /// <summary>Files as given (a missing one is reported as unreadable), directories as their .txt and .xlsx files in name order.</summary>
    private static List<string> Expand(IReadOnlyList<string> arguments) =>
        arguments.SelectMany<string, string>(argument => Directory.Exists(argument)
            ? Directory.EnumerateFiles(argument)
                .Where(f => f.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
            : [argument]).ToList();
}
