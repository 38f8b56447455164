using System.Globalization;
using System.Text.Json.Nodes;
using Approval.Web.Public;
using Approval.Web.Submissions;
using Approval.Web.Submissions.Queries;
using Approval.Workflow.Integrity;
using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Publishing;
using Approval.Workflow.Templates;
using Approval.Workflow.Workbooks;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Approval.Web;

/// <summary>
/// The OpenAPI document as the server behaves: the bearer and cookie schemes, which operations are open to everyone,
/// a summary per operation, the answer's schema for success and the problem shape for every refusal it can give, the
/// multipart body of the import, and string, number and list bounds no looser than what the server enforces.
/// Spectral (spectral:oas and the OWASP ruleset) checks it in the test suite (<c>tools/openapi-lint</c>).
/// </summary>
public static class OpenApiDocumentation
{
    private sealed record Operation(string Summary, Type? Success = null, int SuccessStatus = 200, string? MediaType = null, bool Anonymous = false, bool Command = false);

    private static readonly Dictionary<string, Operation> Operations = new()
    {
        ["POST api/auth/login"] = new("登录：取得访问令牌（或以 useCookie 登录浏览器）", typeof(AccessTokenResponse), Anonymous: true),
        ["POST api/auth/refresh"] = new("以刷新令牌换取新的访问令牌和刷新令牌", typeof(AccessTokenResponse), Anonymous: true),
        ["POST api/auth/password"] = new("修改本人密码（所有会话随即失效）", typeof(JsonObject)),
        ["GET api/auth/me"] = new("当前登录人", typeof(Actor)),
        ["POST api/admin/sections"] = new("管理员：登记业务股室", typeof(JsonObject)),
        ["POST api/admin/units"] = new("管理员：登记预算单位", typeof(JsonObject)),
        ["PUT api/admin/sections/{id}"] = new("管理员：修改业务股室名称，停用或启用", typeof(JsonObject)),
        ["PUT api/admin/units/{id}"] = new("管理员：修改预算单位（名称、所属股室、主管部门），停用或启用", typeof(JsonObject)),
        ["POST api/admin/accounts"] = new("管理员：创建账户", typeof(JsonObject)),
        ["PUT api/admin/accounts/{id}"] = new("管理员：修改、降级、停用账户或重置密码（其会话随即失效）", typeof(JsonObject)),
        ["POST api/admin/templates"] = new("管理员：发布指标模板版本", typeof(JsonObject)),
        ["PUT api/admin/templates/{key}"] = new("管理员：停用或启用本局发布的指标模板版本", typeof(JsonObject)),
        ["PUT api/admin/deadlines/calendar/{year}"] = new("管理员：保存一年的法定节假日和调休上班日（日期写成 2026-10-01）", typeof(Approval.Web.Deadlines.CalendarYearView)),
        ["PUT api/admin/deadlines/due-dates/{year}/{kind}"] = new("管理员：设置某年度某类报告的截止日期（固定日期，或起算日期 + 工作日数）", typeof(Approval.Web.Deadlines.DueDateView)),
        ["DELETE api/admin/deadlines/due-dates/{year}/{kind}"] = new("管理员：删除某年度某类报告的截止日期", typeof(JsonObject)),
        ["PUT api/admin/deadlines/settings"] = new("管理员：审核领取期限（工作日）", typeof(JsonObject)),
        ["GET api/deadlines"] = new("本局的法定工作日日历、各类报告截止日期和审核领取期限", typeof(Approval.Web.Deadlines.DeadlineSetup)),
        ["GET api/deadlines/overdue"] = new("逾期未报的单位和审核超期的报告（审核人限本人股室）", typeof(Approval.Web.Deadlines.OverdueView)),
        ["GET api/deadlines/reminders"] = new("本人可见的催报和审核提醒（最新在前，最多 50 条）", typeof(List<Approval.Web.Deadlines.ReminderView>)),
        ["POST api/deadlines/reminders/reporting"] = new("催报：向一个或全部逾期未报的单位发送（同一天同一催报只发一次）", typeof(Approval.Web.Deadlines.RemindersSent)),
        ["POST api/deadlines/reminders/review"] = new("审核提醒：提醒领取后超期未办结的审核人", typeof(Approval.Web.Deadlines.RemindersSent)),
        ["POST api/spot-checks"] = new("抽查：从本股室该年度审核通过的项目支出绩效自评表中抽取样本（按自评质量提示加权，另按比例随机抽取，记录随机种子）", typeof(Approval.Web.SpotChecks.SpotCheckDrawnResponse), 201, Command: true),
        ["GET api/spot-checks"] = new("本人可见的抽查（year 指定年度）", typeof(List<Approval.Web.SpotChecks.SpotCheckView>)),
        ["GET api/spot-checks/{id}"] = new("一次抽查：参数、随机种子、能否按记录重抽复现、本股室抽中的自评表及其复核", typeof(Approval.Web.SpotChecks.SpotCheckView)),
        ["POST api/spot-checks/{id}/forms/{submissionId}/rescore"] = new("复核评分：复核得分（0–100，两位小数）、复核理由、逐项意见", typeof(Approval.Web.SpotChecks.SpotCheckAccepted), Command: true),
        ["POST api/spot-checks/{id}/forms/{submissionId}/release"] = new("告知单位：复核结果告知被抽查单位", typeof(Approval.Web.SpotChecks.SpotCheckAccepted), Command: true),
        ["GET api/submissions/{id}/spot-check"] = new("一份自评表的抽查复核结果（单位在告知后可见）", typeof(Approval.Web.SpotChecks.FormSpotCheckView)),
        ["GET api/spot-check-results/{year}"] = new("结果应用：各项目自评、审核、复核等级与下年度预算安排意见", typeof(JsonObject)),
        ["GET api/templates"] = new("指标模板", typeof(List<IndicatorTemplate>)),
        ["GET api/templates/self-evaluation.xlsx"] = new("下载项目支出绩效自评表 Excel 模板（year 指定年度，默认今年）", typeof(byte[]), MediaType: WorkbookFile.ContentType),
        ["POST api/submissions"] = new("起草报告", typeof(CommandAccepted), 201, Command: true),
        ["POST api/submissions/import"] = new("从 Excel 或报告文本导入并起草", typeof(CommandAccepted), 201, Command: true),
        ["GET api/submissions"] = new("本人可见的报告（分页）", typeof(PageOf<SubmissionListEntry>)),
        ["GET api/submissions/{id}"] = new("一份报告的当前状态与内容", typeof(Submission)),
        ["PUT api/submissions/{id}/content"] = new("修改（草稿或已退回）", typeof(CommandAccepted), Command: true),
        ["POST api/submissions/{id}/score"] = new("评分：按规则重算并核对", typeof(CommandAccepted), Command: true),
        ["POST api/submissions/{id}/check-content"] = new("核对（不保存）：按规则核对正在编辑的内容，返回发现的问题", typeof(ScoreCard)),
        ["GET api/submissions/{id}/score"] = new("最近一次评分的完整评分表", typeof(ScoreSheet)),
        ["GET api/submissions/{id}/credibility"] = new("自评质量提示：自评分缺乏支撑的迹象（含与上年同一项目的对比）", typeof(Approval.Web.Submissions.Credibility.FormCredibilityView)),
        ["POST api/submissions/{id}/submit"] = new("提交审核", typeof(CommandAccepted), Command: true),
        ["POST api/submissions/{id}/withdraw"] = new("撤回（审核人领取前）", typeof(CommandAccepted), Command: true),
        ["POST api/submissions/{id}/discard"] = new("作废草稿或已退回的报告（须填原因；留在历史中，不再计入）", typeof(CommandAccepted), Command: true),
        ["POST api/submissions/{id}/claim"] = new("审核人领取", typeof(CommandAccepted), Command: true),
        ["POST api/submissions/{id}/release"] = new("放回队列：领取人交回，报告回到待审核", typeof(CommandAccepted), Command: true),
        ["POST api/submissions/{id}/comments"] = new("审核意见（可指明行）", typeof(CommandAccepted), Command: true),
        ["POST api/submissions/{id}/return"] = new("退回修改（附逐行意见）", typeof(CommandAccepted), Command: true),
        ["POST api/submissions/{id}/approve"] = new("审核通过：评定 优/良/中/差，签名盖章", typeof(CommandAccepted), Command: true),
        ["POST api/submissions/{id}/publish"] = new("公开", typeof(CommandAccepted), Command: true),
        ["POST api/submissions/{id}/corrections"] = new("公开后更正", typeof(CommandAccepted), Command: true),
        ["GET api/submissions/{id}/history"] = new("审计：事件时间线", typeof(List<AuditEntry>)),
        ["GET api/submissions/{id}/history.csv"] = new("审计：事件时间线（CSV）", typeof(string), MediaType: "text/csv"),
        ["GET api/submissions/{id}/verify"] = new("审计：校验防篡改链", typeof(ChainVerification)),
        ["GET api/province/submissions"] = new("省级审计：各财政局的报告（每个财政局一组；每次查阅记录在被查阅的财政局）", typeof(List<Province.BureauSubmissions>)),
        ["GET api/province/bureaus/{bureau}/submissions/{id}/history"] = new("省级审计：某财政局报告的事件时间线（查阅被记录）", typeof(Province.BureauTrail)),
        ["GET api/audit/province-reads"] = new("审计：省级审计对本财政局的查阅记录（分页，最新在前）", typeof(PageOf<Province.ProvinceRead>)),
        ["GET api/submissions/{id}/as-of"] = new("审计：某版本或某时点的报告", typeof(Submission)),
        ["GET api/submissions/{id}/diff"] = new("审计：两个版本之间的变化", typeof(JsonObject)),
        ["GET api/review-queue"] = new("业务股室审核队列（分页，附各状态计数；state=open|all|状态，mine=true 只看本人领取的）", typeof(ReviewQueue)),
        ["GET api/statistics"] = new("统计：按状态、等级、股室、单位", typeof(Statistics)),
        ["GET api/statistics/credibility"] = new("统计：自评质量提示按股室、单位（有提示、需关注、疑点较多的自评表份数）", typeof(Approval.Web.Submissions.Credibility.CredibilityStatisticsView)),
        ["POST api/delegations"] = new("委托：审核人将本人负责股室的审核委托本局另一位审核人（起止日期含当日）", typeof(Approval.Web.Delegations.DelegationAccepted), 201, Command: true),
        ["POST api/delegations/{id}/revoke"] = new("收回委托（委托人或管理员）", typeof(Approval.Web.Delegations.DelegationAccepted), Command: true),
        ["GET api/delegations"] = new("委托记录：审核人本人委托和受托的，管理员和审计为本局全部", typeof(List<Approval.Web.Delegations.DelegationView>)),
        ["GET api/delegations/colleagues"] = new("可委托的本局审核人", typeof(List<Approval.Web.Delegations.ColleagueView>)),
        ["GET api/work-counts"] = new("导航栏待办计数（按链接 id：nav-drafts、nav-waiting…），收到通知后刷新徽标用", typeof(Dictionary<string, long>)),
        ["GET api/units/{unitId}/summary/{year}"] = new("单位年度汇总审核表", typeof(JsonObject)),
        ["GET api/units/{unitId}/reconciliation/{year}"] = new("单位年度跨报告核对：自评表、决算公开、部门整体、汇总审核表之间的勾稽", typeof(Approval.Web.Submissions.Reconciliation.UnitReconciliationView)),
        ["GET api/units/{unitId}/summary/{year}/xlsx"] = new("单位年度汇总审核表（Excel，正式格式）", typeof(byte[]), MediaType: WorkbookFile.ContentType),
        ["GET api/submissions/{id}/xlsx"] = new("项目支出绩效自评表的当前内容（Excel，正式格式）", typeof(byte[]), MediaType: WorkbookFile.ContentType),
        ["GET api/public/reports"] = new("公开报告目录（分页）", typeof(PageOf<PublicListEntry>), Anonymous: true),
        ["GET api/public/reports/{id}"] = new("一份公开报告", typeof(PublishedReport), Anonymous: true),
        ["GET api/public/reports/{id}/csv"] = new("一份公开报告的数据（CSV）", typeof(string), MediaType: "text/csv", Anonymous: true),
        ["GET api/public/reports/{id}/xlsx"] = new("一份公开的项目支出绩效自评表（Excel，正式格式）", typeof(byte[]), MediaType: WorkbookFile.ContentType, Anonymous: true),
    };

    /// <summary>Longest text the server takes in a field of that name (it refuses or cannot store more).</summary>
    private static int MaxLength(string? property) => property switch
    {
        "title" => 200,
        "userName" or "id" or "unitId" or "sectionId" or "indexNumber" or "row" or "rowReference" => 100,
        "password" or "currentPassword" or "newPassword" => 200,
        "displayName" or "name" or "supervisingDepartment" or "locality" => Admin.AdminEndpoints.MaxNameLength,
        "publisher" or "unitName" => 200,
        "reason" or "text" or "remark" or "opinion" or "signature" or "stamp" or "overrideReason" => 5_000,
        "narrative" => 200_000,
        "refreshToken" or "accessToken" => 4_096,
        "email" => Admin.AccountEmail.MaxLength,
        "note" => Approval.Workflow.Deadlines.DueDateRule.MaxNoteLength,
        "source" => Admin.AdminEndpoints.MaxNameLength,
        "fixedOn" or "countFrom" => 10,
        _ => 20_000,
    };

    private static int MaxItems(string? property) => property switch
    {
        "indicators" => 200,
        "rowRemarks" => 250,
        "sectionIds" => 50,
        "daysOff" or "workingWeekends" => Approval.Workflow.Deadlines.HolidayYearRules.MaxDays,
        _ => 10_000,
    };

    public static IServiceCollection AddApprovalOpenApi(this IServiceCollection services)
    {
        services.AddOpenApi(o =>
        {
            o.AddSchemaTransformer((schema, context, _) =>
            {
                Bound(schema, context.JsonPropertyInfo?.Name ?? context.ParameterDescription?.Name);
                // commandId comes first in every command record, so it cannot take a default; it is optional (the
                // Idempotency-Key header does the same), unlike the version after it.
                if (context.JsonTypeInfo.Type.IsAssignableTo(typeof(Submissions.ISubmissionCommand)) || context.JsonTypeInfo.Type.IsAssignableTo(typeof(Submissions.IStartSubmission)))
                    schema.Required?.Remove("commandId");
                return Task.CompletedTask;
            });
            o.AddOperationTransformer(DescribeAsync);
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "绩效自评与决算公开审核 API",
                    Version = "1",
                    Description = "预算单位起草、评分、提交，财政局业务股室审核、退回或评定等级，审核通过的报告公开。每个拒绝都是带 code 的 RFC 7807 problem。",
                    Contact = new OpenApiContact { Name = "系统管理员" },
                };
                document.Servers = []; // the address the document was read from
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
                {
                    ["bearer"] = new OpenApiSecurityScheme { Type = SecuritySchemeType.Http, Scheme = "bearer", Description = "POST /api/auth/login 取得的 accessToken" },
                    ["cookie"] = new OpenApiSecurityScheme { Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Cookie, Name = "approval.auth", Description = "浏览器登录后的 Cookie（写操作另需 X-CSRF-TOKEN）" },
                };
                document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
                document.Components.Schemas["Problem"] = ProblemSchema();
                return Task.CompletedTask;
            });
        });
        return services;
    }

    private static async Task DescribeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var route = $"{context.Description.HttpMethod} {context.Description.RelativePath}";
        if (!Operations.TryGetValue(route, out var known)) return; // OpenApiLintTests fails on an undocumented operation
        operation.Summary = known.Summary;
        operation.OperationId = route.Replace(' ', '_').Replace('/', '_').Replace("{", "").Replace("}", "").Replace('.', '_').Replace('-', '_');
        var document = context.Document;
        operation.Security = known.Anonymous ? [] :
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("cookie", document)] = [] },
        ];

        operation.Responses = new OpenApiResponses();
        var success = new OpenApiResponse { Description = known.SuccessStatus == 201 ? "已起草" : "成功" };
        if (known.Success is { } type)
        {
            var schema = type == typeof(byte[]) ? new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", MaxLength = 8 * 1024 * 1024 }
                : type == typeof(string) ? new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 50 * 1024 * 1024 }
                : type == typeof(JsonObject) ? new OpenApiSchema { Type = JsonSchemaType.Object }
                : await context.GetOrCreateSchemaAsync(type, null, ct);
            if (route == "GET api/submissions/{id}") schema = WithActions(schema);
            success.Content = new Dictionary<string, OpenApiMediaType> { [known.MediaType ?? "application/json"] = new() { Schema = schema } };
        }
        if (known.SuccessStatus == 201)
            success.Headers = new Dictionary<string, IOpenApiHeader> { ["Location"] = new OpenApiHeader { Description = "新报告的地址", Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 100 } } };
        operation.Responses[known.SuccessStatus.ToString(CultureInfo.InvariantCulture)] = success;

        void Refusal(int status, string description) => operation.Responses[status.ToString(CultureInfo.InvariantCulture)] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference("Problem", document) } },
        };
        Refusal(400, "请求不正确：格式、取值或业务规则（code 说明原因）");
        if (!known.Anonymous) Refusal(401, "未登录，或会话已失效");
        if (!known.Anonymous) Refusal(403, "无权执行此操作");
        Refusal(404, "不存在，或无权查看");
        if (known.Command) Refusal(409, "版本冲突（附 currentVersion）或当前状态不允许此操作");
        if (route == "POST api/submissions/{id}/check-content") Refusal(409, "报告当前状态不允许修改（code: not-editable）");
        if (route is "GET api/submissions/{id}/xlsx" or "GET api/public/reports/{id}/xlsx") Refusal(409, "不是项目支出绩效自评表（code: not-a-self-evaluation-form），没有 Excel 格式");
        if (route.StartsWith("POST api/auth/", StringComparison.Ordinal)) Refusal(429, "登录尝试过于频繁（附 Retry-After）");
        Refusal(500, "服务器内部错误（已记录）");
        Refusal(503, "数据库暂时不可用，未保存任何内容（附 Retry-After）");

        if (route == "POST api/submissions/import")
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["multipart/form-data"] = new()
                    {
                        Schema = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Object,
                            Required = new HashSet<string> { "kind" },
                            Properties = new Dictionary<string, IOpenApiSchema>
                            {
                                ["kind"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = Enum.GetNames<SubmissionKind>().Select(n => (JsonNode)JsonValue.Create(n)!).ToList() },
                                ["fiscalYear"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "2000", Maximum = "2100", Description = "留空取报告表头所署年度；与表头不一致时 409 year-mismatch（statedYear）" },
                                ["title"] = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200 },
                                ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", MaxLength = 8 * 1024 * 1024, Description = ".xlsx（按模板）或 .txt 报告文本，至多 8 MB" },
                                ["text"] = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 8 * 1024 * 1024, Description = "粘贴的表格文本（代替 file）" },
                                ["confirmUnit"] = new OpenApiSchema { Type = JsonSchemaType.Boolean, Description = "报告所署单位与本账号单位不一致时（409 unit-mismatch），确认仍以本单位名义起草" },
                            },
                        },
                    },
                },
            };
    }

    /// <summary>A report as stored and the steps the caller may take on it now (<see cref="SubmissionActions"/>).</summary>
    private static OpenApiSchema WithActions(OpenApiSchema submission) => new()
    {
        AllOf =
        [
            submission,
            new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Required = new HashSet<string> { "actions" },
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["actions"] = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Array,
                        MaxItems = Enum.GetValues<SubmissionAction>().Length,
                        UniqueItems = true,
                        Description = "本人此刻可执行的操作（与页面按钮一致）：edit 修改、score 评分、submit 提交审核、withdraw 撤回、discard 作废、claim 领取审核、release 放回队列、comment 审核意见、return 退回修改、approve 审核通过、publish 公开、correct 发布更正",
                        Items = new OpenApiSchema
                        {
                            Type = JsonSchemaType.String,
                            Enum = Enum.GetValues<SubmissionAction>().Select(a => (JsonNode)JsonValue.Create(a.ApiName())!).ToList(),
                        },
                    },
                },
            },
        ],
    };

    /// <summary>Strings, integers and lists without a bound get the one the server enforces for that field.</summary>
    private static void Bound(OpenApiSchema schema, string? property)
    {
        if (schema.Type is not { } type) return;
        if (type.HasFlag(JsonSchemaType.String) && schema.MaxLength is null && schema.Enum is not { Count: > 0 })
            schema.MaxLength = schema.Format switch { "uuid" => 36, "date-time" => 40, "date" => 10, _ => MaxLength(property) };
        if (type.HasFlag(JsonSchemaType.Integer)) schema.Format ??= "int32";
        if (type.HasFlag(JsonSchemaType.Integer) && schema.Maximum is null)
        {
            (schema.Minimum, schema.Maximum) = property switch
            {
                "fiscalYear" or "year" => ("2000", "2100"),
                "page" => ("1", "1000000"),
                "pageSize" => ("1", Paging.MaxSize.ToString(CultureInfo.InvariantCulture)),
                _ when schema.Format == "int64" => ("0", long.MaxValue.ToString(CultureInfo.InvariantCulture)),
                _ => ("0", int.MaxValue.ToString(CultureInfo.InvariantCulture)),
            };
        }
        if (type.HasFlag(JsonSchemaType.Array) && schema.MaxItems is null) schema.MaxItems = MaxItems(property);
    }

    private static OpenApiSchema ProblemSchema()
    {
        OpenApiSchema Text(int max, string description) => new() { Type = JsonSchemaType.String, MaxLength = max, Description = description };
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "RFC 7807 problem details",
            Required = new HashSet<string> { "type", "title", "status", "detail", "code" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = Text(200, "https://approval.example/problems/{code}"),
                ["title"] = Text(500, "中文说明"),
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "400", Maximum = "599" },
                ["detail"] = Text(2_000, "English sentence"),
                ["instance"] = Text(2_000, "the request path"),
                ["code"] = Text(100, "stable machine-readable reason"),
                ["message"] = Text(500, "同 title"),
                ["messageEn"] = Text(2_000, "same as detail"),
                ["traceId"] = Text(100, "W3C trace id of the request"),
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    MaxItems = 100,
                    Description = "a refusal naming several fields (the publish gates): one entry per field",
                    Items = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string> { "field", "code", "message" },
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            ["field"] = Text(100, "the request's property"),
                            ["code"] = Text(100, "stable machine-readable reason"),
                            ["message"] = Text(500, "中文说明"),
                        },
                    },
                },
                ["currentVersion"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Minimum = "0", Maximum = long.MaxValue.ToString(CultureInfo.InvariantCulture), Description = "version-conflict: the stream's version now" },
            },
        };
    }
}
