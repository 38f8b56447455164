using Approval.Workflow.DepartmentReport;
using Approval.Workflow.Import;
using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Drafting;
using Marten;
using Wolverine;
using Wolverine.Http;

namespace Approval.Web.Submissions.Drafting;

/// <summary>
/// 起草 from a file or pasted table text: the xlsx template or report text is read by the engine's importers;
/// what cannot be read is refused with the line it is on, and nothing is recorded.
/// </summary>
public static class Import
{
    public const long MaxUpload = ReportTextImporter.MaxBytes;

    [EndpointSummary("从 Excel 或报告文本导入并起草")]
    [ApiAnswer(typeof(CommandAccepted), Status = 201, Command = true)]
    [ImportFormBody]
    [WolverinePost("/api/submissions/import"), SubmissionCommand]
    public static async Task<IResult> Post([NotBody] Actor actor, IDocumentSession session, IMessageBus bus, HttpContext http, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType)
            return Problems.Of(415, "form-required", "请以表单（multipart/form-data）上传文件或粘贴表格文本", "multipart/form-data expected");
        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or BadHttpRequestException)
        {
            // A truncated or garbled multipart body: the caller's input, not our fault.
            return Problems.BadRequest("form-invalid", "上传的表单内容不完整或格式不正确，请重新上传", "the multipart body could not be read: " + e.Message);
        }
        if (!Enum.TryParse<SubmissionKind>(form["kind"], out var kind) || !Enum.IsDefined(kind))
            return Problems.BadRequest("kind", "请选择报告类型", "unknown kind");
        var confirmUnit = form["confirmUnit"].ToString();
        if (confirmUnit.Length > 0 && !bool.TryParse(confirmUnit, out _))
            return Problems.BadRequest("confirm-unit", $"confirmUnit 只能是 true 或 false（收到「{confirmUnit}」）", "confirmUnit must be true or false");
        var chosenYear = form["fiscalYear"].ToString().Trim();
        int? year = null;
        if (chosenYear.Length > 0)
        {
            if (!int.TryParse(chosenYear, out var parsed))
                return Problems.BadRequest("fiscal-year", $"年度须为四位数字（收到「{chosenYear}」）", "fiscal year must be a number");
            year = parsed;
        }

        ImportedReport report;
        try
        {
            if (form.Files.GetFile("file") is { Length: > 0 } file)
            {
                if (file.Length > MaxUpload) return Problems.Of(413, "too-large", $"文件过大，上限 {MaxUpload / 1024 / 1024} MB", "file too large");
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, ct);
                report = ReportImporter.Read(buffer.ToArray(), file.FileName);
            }
            else if (form["text"].ToString() is { Length: > 0 } text)
            {
                report = ReportTextImporter.ReadText(text, "粘贴的表格");
            }
            else return Problems.BadRequest("file-required", "请上传 xlsx 文件或粘贴表格文本", "a file or text is required");
        }
        catch (UnreadableInputException e)
        {
            return Problems.BadRequest("unreadable", $"无法读取：{e.Message}", "unreadable input");
        }
        if (report.IsUnreadable)
            return Problems.BadRequest("unreadable", "无法读取：" + string.Join("；", report.Issues.Where(i => i.Fatal).Select(i => i.Message)), "unreadable input");

        var content = kind switch
        {
            SubmissionKind.ProjectSelfEvaluation when report.Forms.Count > 0 => new SubmissionContent { ProjectForm = report.Forms[0] },
            SubmissionKind.FinalAccountsDisclosure when report.Tables.Count > 0 => new SubmissionContent { Disclosure = DisclosurePackages.From(report) },
            SubmissionKind.DepartmentSelfEvaluation when report.Narrative.Trim().Length > 0 => new SubmissionContent { Department = DepartmentReportImport.From(report.Narrative) },
            // the rows of a 汇总 are the unit's own sent 自评表; from a file only what the unit declares
            SubmissionKind.SummaryReview when report.Summary is { } table => new SubmissionContent { Summary = new SummaryDeclaration(table.UnitProjectExpenditure, table.UnitProjectCount) },
            _ => null,
        };
        if (content is null)
            return kind == SubmissionKind.SummaryReview
                ? Problems.BadRequest("nothing-found", "文件中没有找到项目支出绩效自评情况汇总审核表。汇总审核表由本单位已提交的自评表生成：请在「本单位报告」页使用「生成汇总审核表」，无需上传文件",
                    "no 汇总审核表 in the file; generate it from the unit's submitted forms instead")
                : Problems.BadRequest("nothing-found", $"文件中没有找到{kind.Chinese()}的内容", "nothing of that kind was found");

        // Left empty, the year is the one the report states; chosen, it must agree with it (DraftRules.RequireYearAsStated).
        if ((year ?? content.StatedYear() ?? report.Summary?.Year) is not { } fiscalYear)
            return Problems.BadRequest("fiscal-year", "报告表头未注明年度，请选择年度", "the report states no fiscal year: choose one");
        var unit = await Draft.UnitOf(actor, session, ct);
        UnitMismatchConfirmed? mismatch = null;
        if (NamedUnits.OtherThan(report, unit.Name) is { } other)
        {
            // A report of another unit in this account would be reviewed and published under the wrong name: only on the preparer's word.
            if (!string.Equals(confirmUnit, "true", StringComparison.OrdinalIgnoreCase))
                return Problems.Of(409, "unit-mismatch",
                    $"报告所署单位为「{other.Name}」（{other.Where}），不是本账号的单位「{unit.Name}」；如确属本单位的报告，请确认后再导入",
                    $"the report names {other.Name} ({other.Where}), not the account's unit {unit.Name}; resend with confirmUnit=true to draft it anyway",
                    new Dictionary<string, object?> { ["reportUnit"] = other.Name, ["reportUnitWhere"] = other.Where, ["accountUnit"] = unit.Name });
            mismatch = new UnitMismatchConfirmed(other.Name, other.Where);
        }
        var title = form["title"].ToString();
        if (string.IsNullOrWhiteSpace(title)) title = content.ProjectForm?.Header.ProjectName ?? DepartmentTitle(content) ?? kind.Chinese();
        var (drafted, start, notices) = Draft.Start(unit, fiscalYear, kind, title, content, actor, mismatch);
        start.Execute(session);
        // Sent by Wolverine's outbox after the transaction commits, as every command's notifications.
        foreach (var notice in notices) await bus.PublishAsync(notice);
        return Results.Created(drafted.Url, drafted);
    }

    private static string? DepartmentTitle(SubmissionContent content) =>
        content.Department is { } department ? DepartmentReportReader.Read(department.Narrative).Title : null;
}
