using Approval.Workflow.Checking;
using Approval.Workflow.Import;
using JasperFx.CommandLine;

namespace Approval.Web.Checking;

public class CheckInput
{
    [Description("报告文件（文本 .txt 或 .xlsx 模板）/ the report file to check")]
    public string File { get; set; } = "";

    [Description("输出 JSON / print one JSON document")]
    [FlagAlias("json", 'j')]
    public bool JsonFlag { get; set; }
}

/// <summary>
/// `check FILE [--json]`: scores every 自评表 and checks every 公开表 and the narrative of a report file.
/// Exit code 0 without errors, 1 with errors, 2 when the file cannot be read.
/// </summary>
[Description("审核报告文件：重算自评表得分与等级，检查公开表勾稽关系 / check a report file", Name = "check")]
public class CheckCommand : JasperFxCommand<CheckInput>
{
    private static readonly System.Text.Json.JsonSerializerOptions ErrorJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>JasperFx maps a command's result to 0/1 only; Program returns this when it is set.</summary>
    public static int? ExitCodeOverride { get; private set; }

    public override bool Execute(CheckInput input)
    {
        var code = Run(input.File, input.JsonFlag, Console.Out, Console.Error);
        ExitCodeOverride = code;
        return code == 0;
    }

    public static int Run(string file, bool json, TextWriter output, TextWriter error)
    {
        ImportedReport imported;
        try
        {
            imported = ReportImporter.ReadFile(file);
        }
        catch (UnreadableInputException e)
        {
            if (json) output.WriteLine(System.Text.Json.JsonSerializer.Serialize(new { error = e.Message, file }, ErrorJson));
            error.WriteLine($"无法读取 {file}：{e.Message}");
            return 2;
        }
        var report = ReportChecker.Check(imported);
        output.WriteLine(json ? CheckReportFormatter.ToJson(report) : CheckReportFormatter.ToText(report));
        var exit = CheckReportFormatter.ExitCode(report);
        if (exit == 2) error.WriteLine($"无法读取 {file}：{string.Join("；", imported.Issues.Where(i => i.Fatal).Select(i => i.Message))}");
        return exit;
    }
}
