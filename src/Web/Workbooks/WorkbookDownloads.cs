using System.Globalization;
using Approval.Web.Templates;
using Approval.Workflow.SelfEvaluation;
using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Summary;
using Approval.Workflow.Summary;
using Approval.Workflow.Templates;
using Approval.Workflow.Workbooks;
using Marten;
using Wolverine.Http;

namespace Approval.Web.Workbooks;

/// <summary>
/// The official forms as .xlsx downloads: a 自评表 or 决算公开 submission as it stands now, and a unit's 汇总审核表 for a year —
/// each visible to exactly those who may read it as JSON (the same loading and scoping), 404 to everyone else.
/// </summary>
public static class WorkbookDownloads
{
    [EndpointSummary("项目支出绩效自评表的当前内容（Excel，正式格式）")]
    [ApiAnswer(typeof(byte[]), MediaType = WorkbookFile.ContentType)]
    [ApiRefusal(409, "不是项目支出绩效自评表（code: not-a-self-evaluation-form），没有 Excel 格式")]
    [WolverineGet("/api/submissions/{id}/xlsx")]
    public static async Task<IResult> SelfEvaluation(Guid id, IQuerySession session, Actor actor, CancellationToken ct)
    {
        var submission = await session.LoadAsync<Submission>(id, ct);
        if (submission is null || !SubmissionAccess.CanSee(actor, submission)) return Problems.NotFound();
        if (submission.Content.Disclosure is { } package) return Package(package, submission.UnitName, submission.FiscalYear);
        if (submission.Content.ProjectForm is not { } form) return NotASelfEvaluationForm();
        var template = await TemplateOf(form, session, ct);
        // the paper says the submission's year, as the page does; the 业务股室's block once approved
        var asFiled = form with { Header = form.Header with { Year = submission.FiscalYear } };
        var review = submission.Approval is { Grade: { } grade } a ? new ReviewerBlock(grade, a.Signature, a.ReviewedAt, a.StampReference) : null;
        return Results.File(SelfEvaluationWorkbook.Write(asFiled, template, review: review), WorkbookFile.ContentType,
            WorkbookFile.Name(submission.UnitName, Year(submission.FiscalYear), form.Header.ProjectName, "项目支出绩效自评表"));
    }

    [EndpointSummary("单位年度汇总审核表（Excel，正式格式）")]
    [ApiAnswer(typeof(byte[]), MediaType = WorkbookFile.ContentType)]
    [WolverineGet("/api/units/{unitId}/summary/{year}/xlsx")]
    public static async Task<IResult> Summary(string unitId, int year, IQuerySession session, Actor actor, CancellationToken ct)
    {
        var doc = await UnitSummaryAccess.LoadForAsync(session, actor, unitId, year, ct);
        if (doc is null) return Problems.NotFound("汇总审核表");
        return Results.File(SummaryReviewWorkbook.Write(doc.ToTable()), WorkbookFile.ContentType,
            WorkbookFile.Name(doc.UnitName, Year(year), "项目支出绩效自评情况汇总审核表"));
    }

    public static IResult NotASelfEvaluationForm() =>
        Problems.Of(409, "not-a-self-evaluation-form", "只有项目支出绩效自评表、部门决算公开和汇总审核表可以下载为 Excel 工作簿",
            "only a project self-evaluation form, a disclosure package or a summary review downloads as a workbook");

    /// <summary>A 部门决算公开 package: a sheet per 公开表 (公开01…10), the 情况说明 and each attached 自评表.</summary>
    public static IResult Package(DisclosurePackage package, string unitName, int year, string? version = null) =>
        Results.File(DisclosurePackageWorkbook.Write(package, unitName, year), WorkbookFile.ContentType,
            WorkbookFile.Name(unitName, Year(year), "部门决算公开", version));

    /// <summary>The indicator template the form names, else the one scoring would choose: its levels fill the drop-downs.</summary>
    public static async Task<IndicatorTemplate> TemplateOf(ProjectSelfEvaluationForm form, IQuerySession session, CancellationToken ct)
    {
        var templates = await TemplateCatalogue.AllAsync(session, ct);
        return templates.Where(t => t.Id == form.TemplateId).MaxBy(t => t.Version)
            ?? BuiltInTemplates.ChooseFor(form.TemplateClues(), templates);
    }

    public static string Year(int year) => year.ToString(CultureInfo.InvariantCulture) + "年度";
}
