using System.Globalization;
using System.Text;
using Approval.Web.Workbooks;
using Approval.Workflow.Checking;
using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Publishing;
using Approval.Workflow.Submissions.Summary;
using Approval.Workflow.Summary;
using Approval.Workflow.Workbooks;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Approval.Web.Public;

/// <param name="Bureau">The 财政局 whose unit published it (its id, as <c>bureau=</c> takes it).</param>
/// <param name="UnitId">The unit's id in that 财政局.</param>
public sealed record PublicListEntry(Guid SubmissionId, int PublicationVersion, string UnitName, int FiscalYear, SubmissionKind Kind, string Title,
    decimal? Total, string? Grade, string IndexNumber, string Publisher, DateTimeOffset PublishedAt, string Bureau, string UnitId);

/// <summary>公开: published versions only, for anyone, with machine-readable downloads (JSON and CSV).</summary>
public static class PublicEndpoints
{
    [EndpointSummary("公开报告目录（分页）")]
    [ApiAnswer(typeof(PageOf<PublicListEntry>))]
    [AllowAnonymous]
    [WolverineGet("/api/public/reports")]
    public static async Task<IResult> List(int? year, string? bureau, string? unit, int? page, int? pageSize, IQuerySession session, CancellationToken ct)
    {
        var (paging, refused) = Paging.From(page, pageSize);
        if (refused is not null) return refused;
        // The public is no bureau's: the catalogue lists every 财政局's published reports (a unit is named with its bureau).
        var query = PublicCatalogue.Query(session, bureau, unit);
        if (year is not null) query = query.Where(r => r.FiscalYear == year);
        var found = await paging.ApplyAsync(query.OrderByDescending(r => r.PublishedAt), ct);
        return Results.Ok(new PageOf<PublicListEntry>(found.Items.Select(r => new PublicListEntry(r.Id, r.LatestVersion, r.UnitName, r.FiscalYear, r.Kind, r.Title,
            r.Total, r.Grade?.ToString(), r.IndexNumber, r.Publisher, r.PublishedAt, r.TenantId, r.UnitId)).ToList(), found.Total, found.Page, found.PageSize));
    }

    [EndpointSummary("一份公开报告")]
    [ApiAnswer(typeof(PublishedReport))]
    [AllowAnonymous]
    [WolverineGet("/api/public/reports/{id}")]
    public static async Task<IResult> Get(Guid id, int? version, IQuerySession session, CancellationToken ct)
    {
        var report = await Find(id, version, session, ct);
        return report is null ? Problems.NotFound("公开报告") : Results.Ok(report);
    }

    /// <summary>The published figures as CSV (UTF-8 with BOM for Excel); cells that could start a formula are neutralized.</summary>
    [EndpointSummary("一份公开报告的数据（CSV）")]
    [ApiAnswer(typeof(string), MediaType = "text/csv")]
    [AllowAnonymous]
    [WolverineGet("/api/public/reports/{id}/csv")]
    public static async Task<IResult> Csv(Guid id, int? version, IQuerySession session, CancellationToken ct)
    {
        var report = await Find(id, version, session, ct);
        if (report is null) return Problems.NotFound("公开报告");
        var csv = new StringBuilder();
        void Row(params object?[] cells) => csv.AppendLine(string.Join(",", cells.Select(c => CsvCell(Convert.ToString(c, CultureInfo.InvariantCulture)))));
        Row("索引号", report.IndexNumber, "发布机构", report.Publisher, "发布日期", report.PublishedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "版本", report.PublicationVersion);
        Row("单位", report.UnitName, "年度", report.FiscalYear, "报告", report.Title, "等级", report.Grade?.ToString());
        if (report.Content.ProjectForm is { } form)
        {
            Row("资金", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分");
            Row(form.Funds.Total.Name, form.Funds.Total.InitialBudget, form.Funds.Total.FullYearBudget, form.Funds.Total.Executed, form.Funds.Weight, form.Funds.StatedRatePercent, form.Funds.StatedScore);
            Row("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施");
            foreach (var i in form.Indicators) Row(i.LevelOne, i.LevelTwo, i.Name, i.Target, i.Actual, i.Weight, i.StatedScore, i.Deviation);
            Row("总分", "", "", "", "", form.StatedWeightTotal, form.StatedTotal, "");
        }
        foreach (var table in report.Content.Disclosure?.Tables ?? [])
        {
            Row(table.DisplayName);
            Row(new object?[] { "科目编码", "项目", "行次" }.Concat(table.Columns).ToArray());
            foreach (var r in table.Rows) Row(new object?[] { r.Code, r.Name, r.LineNo }.Concat(r.Values.Cast<object?>()).ToArray());
        }
        return Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8",
            $"{report.UnitName}-{report.FiscalYear}-{report.Kind}-v{report.PublicationVersion}.csv");
    }

    /// <summary>
    /// A published 项目支出绩效自评表, 汇总审核表 or 部门决算公开 package (its 公开表, 情况说明 and attached 自评表) as the official
    /// workbook (the version asked for, else the latest).
    /// </summary>
    [EndpointSummary("一份公开的项目支出绩效自评表（Excel，正式格式）")]
    [ApiAnswer(typeof(byte[]), MediaType = WorkbookFile.ContentType)]
    [ApiRefusal(409, "不是项目支出绩效自评表（code: not-a-self-evaluation-form），没有 Excel 格式")]
    [AllowAnonymous]
    [WolverineGet("/api/public/reports/{id}/xlsx")]
    public static async Task<IResult> Xlsx(Guid id, int? version, IQuerySession session, CancellationToken ct)
    {
        var report = await Find(id, version, session, ct);
        if (report is null) return Problems.NotFound("公开报告");
        // the publishing 财政局's own summary and templates
        await using var bureau = session.DocumentStore.QuerySession(report.TenantId);
        if (report.Kind == SubmissionKind.SummaryReview)
        {
            // the public table: the reviewed projects only, as on the public page
            var summary = (await UnitSummaryReview.LoadAsync(bureau, report.UnitId, report.FiscalYear, ct))?.VisibleTo(null);
            if (summary is null) return Problems.NotFound("公开报告");
            return Results.File(SummaryReviewWorkbook.Write(summary.ToTable()), WorkbookFile.ContentType,
                WorkbookFile.Name(report.UnitName, WorkbookDownloads.Year(report.FiscalYear), "项目支出绩效自评情况汇总审核表", $"第{report.PublicationVersion}版"));
        }
        if (report.Content.Disclosure is { } package)
            return WorkbookDownloads.Package(package, report.UnitName, report.FiscalYear, $"第{report.PublicationVersion}版");
        if (report.Content.ProjectForm is not { } form) return WorkbookDownloads.NotASelfEvaluationForm();
        var template = await WorkbookDownloads.TemplateOf(form, bureau, ct);
        // as on the public page: the grade, the date and the seal line, no officer's name
        var review = report.Grade is { } grade && report.ReviewedAt is { } at ? new ReviewerBlock(grade, "", at, null) : null;
        var asFiled = form with { Header = form.Header with { Year = report.FiscalYear } };
        return Results.File(SelfEvaluationWorkbook.Write(asFiled, template, review: review), WorkbookFile.ContentType,
            WorkbookFile.Name(report.UnitName, WorkbookDownloads.Year(report.FiscalYear), form.Header.ProjectName, "项目支出绩效自评表", $"第{report.PublicationVersion}版"));
    }

    /// <summary>Quotes every cell; a leading = + - @ (or tab/CR) gets an apostrophe so spreadsheets never run it as a formula.</summary>
    public static string CsvCell(string? value)
    {
        var v = value ?? "";
        if (v.Length > 0 && "=+-@\t\r".Contains(v[0]) && !Money.IsNumber(v)) v = "'" + v;
        return "\"" + v.Replace("\"", "\"\"") + "\"";
    }

    private static async Task<PublishedReport?> Find(Guid id, int? version, IQuerySession session, CancellationToken ct) =>
        await FindPublishedAsync(session, id, version, ct);

    /// <summary>
    /// A published version (the latest when none is asked for) of any 财政局: the catalogue entry says which bureau
    /// published it, and the report is read from that bureau only. Shared by the API and the public pages.
    /// </summary>
    public static async Task<PublishedReport?> FindPublishedAsync(IQuerySession session, Guid id, int? version, CancellationToken ct)
    {
        var entry = await session.Query<PublishedCatalogueEntry>().Where(e => e.AnyTenant() && e.Id == id).FirstOrDefaultAsync(ct);
        if (entry is null) return null;
        var key = PublishedReport.KeyOf(id, version ?? entry.LatestVersion);
        var report = await session.Query<PublishedReport>().Where(r => r.TenantIsOneOf(entry.TenantId) && r.Id == key).FirstOrDefaultAsync(ct);
        if (report is not null) report.TenantId = entry.TenantId;
        return report;
    }
}
