using System.Diagnostics;
using Approval.Workflow.Summary;
using Approval.Workflow.Templates;
using Approval.Workflow.Workbooks;

namespace Approval.Workflow.Tests;

/// <summary>
/// What we write opens in LibreOffice: Debian's soffice converts the 自评表, the template and the 汇总审核表 to PDF in
/// one call (its own profile in a fresh temp folder, so parallel runs never share one), and the PDF's text holds the
/// title and the figures. The workbooks, PDFs and PNG pages stay in TestResults/workbooks for a person to look at.
/// ExcelJS 4 (tools/exceljs-check), the reader that refused the earlier bare grid, opens them too.
/// </summary>
public class WorkbookPrintTests
{
    [Fact]
    public async Task LibreOffice_prints_every_workbook_we_write()
    {
        var work = Directory.CreateTempSubdirectory("workbooks-");
        try
        {
            var files = Workbooks();
            foreach (var (name, bytes) in files) await File.WriteAllBytesAsync(Path.Combine(work.FullName, name + ".xlsx"), bytes);

            var profile = new Uri(Path.Combine(work.FullName, "profile")).AbsoluteUri;
            await Run("soffice", [$"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", work.FullName,
                .. files.Keys.Select(n => Path.Combine(work.FullName, n + ".xlsx"))]);

            var text = new Dictionary<string, string>();
            foreach (var name in files.Keys)
            {
                var pdf = Path.Combine(work.FullName, name + ".pdf");
                Assert.True(File.Exists(pdf) && new FileInfo(pdf).Length > 1000, $"{name}.pdf was not written");
                text[name] = Flat(await Run("pdftotext", ["-layout", pdf, "-"]));
                Keep(pdf, name);
            }
            Assert.Contains("项目支出绩效自评表", text["self-evaluation"]);
            Assert.Contains("（2021年度）", text["self-evaluation"]);
            Assert.Contains("“赣服通”上饶分厅4.0版项目", text["self-evaluation"]);
            Assert.Contains("428.00", text["self-evaluation"]);   // 全年预算数, two decimals
            Assert.Contains("87.50", text["self-evaluation"]);    // 总分 得分, shown with two decimals
            Assert.Contains("10.00", text["self-evaluation"]);    // 分值, likewise
            Assert.Contains("75.00%", text["self-evaluation"]);   // 执行率 as stated
            Assert.Contains("一级指标二级指标三级指标", text["self-evaluation"]); // after the 绩效指标 column (stacked, so pdftotext splits it)
            Assert.Contains("经济成本指标", text["template-2025"]); // the 2023 template's 成本 rows
            Assert.Contains("服务对象满意度指标", text["template-2025"]);
            Assert.Contains("（2025年度）", text["template-2025"]);
            Assert.Contains("年度项目支出绩效自评情况汇总审核表", text["summary"]);
            Assert.Contains("77.42", text["summary"]);            // 合计
            Assert.Contains("97.44", text["summary"]);            // 自评价平均分
            Assert.Contains("88.03%", text["summary"]);           // 70.42 / 80 × 100
            Assert.Contains("李经办", text["summary"]);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ExcelJS_opens_every_workbook_we_write()
    {
        var tool = Path.Combine(RepositoryRoot() ?? "", "tools", "exceljs-check");
        Assert.True(Directory.Exists(Path.Combine(tool, "node_modules", "exceljs")), "ExcelJS is not installed: run scripts/prerequisites.sh (./test.sh does)");
        var work = Directory.CreateTempSubdirectory("exceljs-");
        try
        {
            var files = Workbooks();
            foreach (var (name, bytes) in files) await File.WriteAllBytesAsync(Path.Combine(work.FullName, name + ".xlsx"), bytes);
            var output = await Run("node", [Path.Combine(tool, "check.js"), .. files.Keys.Select(n => Path.Combine(work.FullName, n + ".xlsx"))]);
            var read = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).ToList();
            Assert.Equal(3, read.Count);
            Assert.Equal(["项目支出绩效自评表", "项目支出绩效自评表", "2021 年度项目支出绩效自评情况汇总审核表"], read.Select(r => r.GetProperty("a1").GetString()));
            Assert.All(read, r => Assert.True(r.GetProperty("merges").GetInt32() > 10));
            Assert.All(read, r => Assert.Equal(9, r.GetProperty("paperSize").GetInt32()));
            Assert.Equal(["landscape", "landscape", "landscape"], read.Select(r => r.GetProperty("orientation").GetString()));
            Assert.Equal([2, 2, 0], read.Select(r => r.GetProperty("lists").GetInt32())); // the 一级/二级 drop-downs
            Assert.All(read, r => Assert.StartsWith("A1:", r.GetProperty("printArea").GetString(), StringComparison.Ordinal));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Seed 002's 决算公开 package as one workbook (<see cref="DisclosurePackageWorkbook"/>): LibreOffice prints every sheet —
    /// the ten 公开表, the 情况说明, 附件2 and 附件4 — and ExcelJS opens it with its thirteen sheets in order.
    /// </summary>
    [Fact]
    public async Task LibreOffice_and_ExcelJS_open_the_disclosure_package_workbook()
    {
        var work = Directory.CreateTempSubdirectory("package-");
        try
        {
            var xlsx = Path.Combine(work.FullName, "disclosure-package.xlsx");
            await File.WriteAllBytesAsync(xlsx, DisclosurePackageWorkbook.Write(
                Import.DisclosurePackages.From(Seeds.Import(Seeds.ShangraoBigData2021)), "上饶市大数据发展管理局", 2021));
            var profile = new Uri(Path.Combine(work.FullName, "profile")).AbsoluteUri;
            await Run("soffice", [$"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", work.FullName, xlsx]);
            var pdf = Path.ChangeExtension(xlsx, ".pdf");
            var text = Flat(await Run("pdftotext", ["-layout", pdf, "-"]));
            Keep(pdf, "disclosure-package");
            Assert.Contains("收入支出决算总表", text);
            Assert.Contains("1,664.55", text);          // 01's 总计, two decimals with the thousands separator
            Assert.Contains("国有资产占用情况表", text);
            Assert.Contains("部门决算情况说明", text);
            Assert.Contains("智能化维保", text);         // 附件2
            Assert.Contains("“赣服通”上饶分厅4.0版项目", text); // 附件4
            Assert.Contains("428.00", text);

            var tool = Path.Combine(RepositoryRoot() ?? "", "tools", "exceljs-check");
            Assert.True(Directory.Exists(Path.Combine(tool, "node_modules", "exceljs")), "ExcelJS is not installed: run scripts/prerequisites.sh (./test.sh does)");
            var read = System.Text.Json.JsonDocument.Parse(await Run("node", [Path.Combine(tool, "check.js"), xlsx])).RootElement;
            var sheets = read.GetProperty("sheets").EnumerateArray().Select(s => s.GetString()).ToList();
            Assert.Equal(13, sheets.Count);
            Assert.Equal(("公开01表 收入支出决算总表", "情况说明", "附件4 项目支出绩效自评表"), (sheets[0], sheets[10], sheets[12]));
            Assert.Equal("收入支出决算总表", read.GetProperty("a1").GetString());
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static Dictionary<string, byte[]> Workbooks() => new()
    {
        ["self-evaluation"] = SelfEvaluationWorkbook.Write(Seeds.Import(Seeds.ShangraoBigData2021).Forms[1]),
        ["template-2025"] = SelfEvaluationTemplateWorkbook.Create(2025),
        ["summary"] = SummaryReviewWorkbook.Write(SummaryReviewTests.Yiyang2021() with
        {
            UnitProjectExpenditure = 80m,
            SubmittedAt = new DateTimeOffset(2022, 3, 1, 2, 0, 0, TimeSpan.Zero),
            Review = new ReviewerBlock(Grade.优, "李经办", new DateTimeOffset(2022, 3, 10, 9, 0, 0, TimeSpan.Zero), "行政政法股（章）"),
        }),
    };

    private static string? RepositoryRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Approval.sln"))) root = root.Parent;
        return root?.FullName;
    }

    private static string Flat(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>Copies the workbook, its PDF and PNG pages to TestResults/workbooks when the repository is found.</summary>
    private static void Keep(string pdf, string name)
    {
        if (RepositoryRoot() is not { } root) return;
        var folder = Directory.CreateDirectory(Path.Combine(root, "TestResults", "workbooks")).FullName;
        File.Copy(pdf, Path.Combine(folder, name + ".pdf"), overwrite: true);
        File.Copy(Path.ChangeExtension(pdf, ".xlsx"), Path.Combine(folder, name + ".xlsx"), overwrite: true);
        try { Run("pdftoppm", ["-png", "-r", "60", pdf, Path.Combine(folder, name)]).GetAwaiter().GetResult(); }
        catch (InvalidOperationException) { /* the PNG pages are for people; the PDF is what the test checks */ }
    }

    private static async Task<string> Run(string file, string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} failed ({process.ExitCode}): {await error}");
        return await output;
    }
}
