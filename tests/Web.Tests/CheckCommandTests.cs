using System.Diagnostics;
using System.Text.Json;
using Approval.LocalDatabase;
using Approval.Web.Checking;

namespace Approval.Web.Tests;

/// <summary>The `check` command as a user runs it: output and exit codes.</summary>
public class CheckCommandTests
{
    private static (int Exit, string Output, string Error) Run(string file, bool json)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CheckCommand.Run(file, json, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private static string Seed(string name) => Path.Combine(AppContext.BaseDirectory, "Data", "seeds", name);

    [Theory]
    [InlineData("002_3e97706fd429c0f0.txt", 2)]
    [InlineData("004_00e7fe4b0ab0df23.txt", 2)]
    public void Seeds_report_their_real_mistakes_as_errors_in_json(string seed, int forms)
    {
        var (exit, output, _) = Run(Seed(seed), json: true);
        Assert.Equal(1, exit);
        var documents = JsonDocument.Parse(output).RootElement.GetProperty("documents").EnumerateArray().ToList();
        var selfEvaluations = documents.Where(d => d.GetProperty("kind").GetString() == "项目支出绩效自评表").ToList();
        Assert.Equal(forms, selfEvaluations.Count);
        Assert.All(selfEvaluations, d =>
        {
            Assert.Equal(JsonValueKind.Number, d.GetProperty("score").ValueKind);
            Assert.Contains(d.GetProperty("grade").GetString(), new[] { "优", "良", "中", "差" });
        });
        var findings = documents.SelectMany(d => d.GetProperty("findings").EnumerateArray()).ToList();
        Assert.Contains(findings, f => f.GetProperty("severity").GetString() == "error");
        Assert.All(findings, f =>
        {
            foreach (var field in new[] { "rule", "severity", "location", "expected", "actual", "message" }) Assert.True(f.TryGetProperty(field, out _), field);
        });
        // Rounding differences of the tables are notes, never errors.
        Assert.DoesNotContain(documents.Where(d => d.GetProperty("kind").GetString() == "部门决算公开表").SelectMany(d => d.GetProperty("findings").EnumerateArray()),
            f => f.GetProperty("severity").GetString() == "error");
    }

    [Fact]
    public void The_table_output_is_readable()
    {
        var (exit, output, _) = Run(Seed("002_3e97706fd429c0f0.txt"), json: false);
        Assert.Equal(1, exit);
        Assert.Contains("■ 项目支出绩效自评表：“赣服通”上饶分厅4.0版项目  得分 81.34  等级 良", output);
        Assert.Contains("[错误] SE-GRADE-BAND", output);
    }

    [Fact]
    public void A_clean_report_exits_zero()
    {
        var path = Path.Combine(Path.GetTempPath(), $"clean-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, "本部门 2023 年度本年收入合计 1112.22 万元，比上年增加 563.46 万元，增长 102.68%。");
        try { Assert.Equal(0, Run(path, json: false).Exit); }
        finally { File.Delete(path); }
    }

    [Theory]
    [InlineData("")]
    [InlineData("binary")]
    [InlineData("missing")]
    public void Unreadable_input_exits_two_with_a_message_not_a_stack_trace(string kind)
    {
        var path = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.txt");
        if (kind == "") File.WriteAllBytes(path, []);
        if (kind == "binary") File.WriteAllBytes(path, [0x50, 0x00, 0x01, 0xFF, 0x00]);
        try
        {
            var (exit, output, error) = Run(path, json: true);
            Assert.Equal(2, exit);
            Assert.StartsWith("无法读取", error);
            Assert.DoesNotContain("   at ", error + output);
            Assert.True(JsonDocument.Parse(output).RootElement.TryGetProperty("error", out _));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public async Task Through_dotnet_run_several_files_give_exactly_one_json_array_on_stdout()
    {
        var root = RepositoryRoot.Find()!;
        var configuration = Infrastructure.AppProcess.BuildConfiguration();
        var psi = new ProcessStartInfo("dotnet", ["run", "--no-build", "-c", configuration, "--project", "src/Web", "--",
            "check", "tests/Workflow.Tests/Data/seeds/004_00e7fe4b0ab0df23.txt", "tests/Workflow.Tests/Data/seeds/001_de08246b7e89c2ac.txt", "--json"])
        {
            WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync(); // logs and diagnostics: never on stdout
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        Assert.Equal(1, process.ExitCode); // seed 004's real mistakes
        using var document = JsonDocument.Parse(await stdout); // throws on anything before or after the array
        var reports = document.RootElement.EnumerateArray().ToList();
        Assert.Equal(["004_00e7fe4b0ab0df23.txt", "001_de08246b7e89c2ac.txt"], reports.Select(r => r.GetProperty("source").GetString()));
        Assert.Equal(2, reports[0].GetProperty("documents").EnumerateArray().Count(d => d.GetProperty("kind").GetString() == "项目支出绩效自评表"));
    }

    [Fact]
    public void A_directory_is_its_report_files_and_the_exit_code_is_the_worst_of_them()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"reports-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        try
        {
            File.Copy(Seed("001_de08246b7e89c2ac.txt"), Path.Combine(directory, "a.txt"));
            File.Copy(Seed("002_3e97706fd429c0f0.txt"), Path.Combine(directory, "b.txt"));
            File.WriteAllText(Path.Combine(directory, "notes.md"), "not a report file type");
            var output = new StringWriter();
            var exit = CheckCommand.Run([directory], json: true, output, new StringWriter());
            Assert.Equal(1, exit); // seed 002 has errors; seed 001 has none
            Assert.Equal(["a.txt", "b.txt"], JsonDocument.Parse(output.ToString()).RootElement.EnumerateArray().Select(r => r.GetProperty("source").GetString()));

            File.WriteAllText(Path.Combine(directory, "c.txt"), "会议纪要：下周二上午九点开会，请准时参加。");
            var error = new StringWriter();
            Assert.Equal(2, CheckCommand.Run([directory, Path.Combine(directory, "missing.txt")], json: false, new StringWriter(), error));
            Assert.Contains("c.txt：未识别到报表", error.ToString());
            Assert.Contains("missing.txt：文件不存在", error.ToString());
        }
        finally { Directory.Delete(directory, recursive: true); }
    }

    [Fact]
    public void Text_that_is_no_report_exits_two_and_never_says_no_problems_found()
    {
        var path = Path.Combine(Path.GetTempPath(), $"letter-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, "各位同事：\n本周五下午三点在三楼会议室召开例会，请准时参加。\n");
        try
        {
            var (exit, output, error) = Run(path, json: false);
            Assert.Equal(2, exit);
            Assert.Contains("未识别到报表", error);
            Assert.DoesNotContain("未发现问题", output);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Full_width_figures_are_read_not_a_crash()
    {
        var path = Path.Combine(Path.GetTempPath(), $"fullwidth-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, "本年收入合计１，３８７．１５万元，较２０２０年减少５９０．９７万元，下降３０％。");
        try
        {
            var (exit, output, _) = Run(path, json: false);
            Assert.Equal(0, exit); // 590.97 ÷ (1387.15 + 590.97) = 29.87 %, printed as 30 %
            Assert.Contains("未发现问题", output);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void A_department_report_says_what_the_checked_file_lacks_not_what_an_app_holds()
    {
        var (exit, output, _) = Run(Seed("001_de08246b7e89c2ac.txt"), json: false);
        Assert.Equal(1, exit); // its held-out staffing mistake (DE-PARTS-EXCEED)
        Assert.Contains("[错误] DE-PARTS-EXCEED", output);
        // A CLI user has no records in an app: the note speaks of the file checked and says how to check the figures too.
        Assert.Contains("所查文件中没有部门决算公开（check 只与同一文件中的表核对", output);
        Assert.DoesNotContain("系统中", output);
    }

    [Fact]
    public void A_form_pasted_from_a_web_page_with_pipes_is_checked_as_its_tab_layout()
    {
        var seed = File.ReadAllText(Seed("002_3e97706fd429c0f0.txt"));
        var path = Path.Combine(Path.GetTempPath(), $"pipes-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, string.Join("\n", seed.Replace("\r\n", "\n").Split('\n')
            .Select(l => l.Contains('\t') ? "| " + string.Join(" | ", l.Split('\t').Select(c => c.Trim())) + " |" : l)));
        try
        {
            var (exit, output, _) = Run(path, json: false);
            Assert.Equal(1, exit);
            Assert.Contains("■ 项目支出绩效自评表：“赣服通”上饶分厅4.0版项目  得分 81.34  等级 良", output);
            Assert.DoesNotContain("未能识别的表格", output);
        }
        finally { File.Delete(path); }
    }
}
