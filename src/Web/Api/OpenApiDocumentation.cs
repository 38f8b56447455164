using System.Globalization;
using System.Text.Json.Nodes;
using Approval.Workflow.Submissions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace Approval.Web;

/// <summary>
/// What the OpenAPI document says a successful call answers: the schema (<see cref="JsonObject"/> for an object without a
/// declared shape, <see cref="string"/> for text, <c>byte[]</c> for a file), its status and media type, and whether the
/// operation is a command (which may be refused with 409 for a version conflict or a state that does not allow it).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ApiAnswerAttribute(Type type) : Attribute
{
    public Type Type { get; } = type;
    public int Status { get; set; } = StatusCodes.Status200OK;
    public string MediaType { get; set; } = "application/json";
    public bool Command { get; set; }
    /// <summary>The answer also carries <c>actions</c>: the steps the caller may take on the report now (<see cref="SubmissionActions"/>).</summary>
    public bool WithActions { get; set; }
}

/// <summary>A refusal particular to the operation, beyond the ones every operation declares.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ApiRefusalAttribute(int status, string description) : Attribute
{
    public int Status { get; } = status;
    public string Description { get; } = description;
}

/// <summary>The operation reads the import's multipart form itself (<c>kind</c>, <c>fiscalYear</c>, <c>file</c> or <c>text</c> …).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ImportFormBodyAttribute : Attribute;

/// <summary>
/// The OpenAPI document as the server behaves: the bearer and cookie schemes, which operations are open to everyone,
/// a summary per operation, the answer's schema for success and the problem shape for every refusal it can give, the
/// multipart body of the import, and string, number and list bounds no looser than what the server enforces.
/// Each operation is described from its endpoint's own metadata: <c>[EndpointSummary]</c>, <see cref="ApiAnswerAttribute"/>,
/// <c>[AllowAnonymous]</c>, <c>[EnableRateLimiting]</c> (429), <see cref="ApiRefusalAttribute"/> and
/// <see cref="ImportFormBodyAttribute"/>. Spectral (spectral:oas and the OWASP ruleset) checks it in the test suite
/// (<c>tools/openapi-lint</c>).
/// </summary>
public static class OpenApiDocumentation
{
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
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        // OpenApiLintTests fails on an undocumented operation
        if (metadata.OfType<EndpointSummaryAttribute>().LastOrDefault() is not { } summary || metadata.OfType<ApiAnswerAttribute>().LastOrDefault() is not { } known) return;
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var route = $"{context.Description.HttpMethod} {context.Description.RelativePath}";
        operation.Summary = summary.Summary;
        operation.OperationId = route.Replace(' ', '_').Replace('/', '_').Replace("{", "").Replace("}", "").Replace('.', '_').Replace('-', '_');
        var document = context.Document;
        operation.Security = anonymous ? [] :
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("cookie", document)] = [] },
        ];

        operation.Responses = new OpenApiResponses();
        var success = new OpenApiResponse { Description = known.Status == 201 ? "已起草" : "成功" };
        var type = known.Type;
        var schema = type == typeof(byte[]) ? new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", MaxLength = 8 * 1024 * 1024 }
            : type == typeof(string) ? new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 50 * 1024 * 1024 }
            : type == typeof(JsonObject) ? new OpenApiSchema { Type = JsonSchemaType.Object }
            : await context.GetOrCreateSchemaAsync(type, null, ct);
        if (known.WithActions) schema = WithActions(schema);
        success.Content = new Dictionary<string, OpenApiMediaType> { [known.MediaType] = new() { Schema = schema } };
        if (known.Status == 201)
            success.Headers = new Dictionary<string, IOpenApiHeader> { ["Location"] = new OpenApiHeader { Description = "新报告的地址", Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 100 } } };
        operation.Responses[known.Status.ToString(CultureInfo.InvariantCulture)] = success;

        void Refusal(int status, string description) => operation.Responses[status.ToString(CultureInfo.InvariantCulture)] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference("Problem", document) } },
        };
        Refusal(400, "请求不正确：格式、取值或业务规则（code 说明原因）");
        if (!anonymous) Refusal(401, "未登录，或会话已失效");
        if (!anonymous) Refusal(403, "无权执行此操作");
        Refusal(404, "不存在，或无权查看");
        if (known.Command) Refusal(409, "版本冲突（附 currentVersion）或当前状态不允许此操作");
        foreach (var particular in metadata.OfType<ApiRefusalAttribute>()) Refusal(particular.Status, particular.Description);
        if (metadata.OfType<EnableRateLimitingAttribute>().Any()) Refusal(429, "登录尝试过于频繁（附 Retry-After）");
        Refusal(500, "服务器内部错误（已记录）");
        Refusal(503, "数据库暂时不可用，未保存任何内容（附 Retry-After）");

        if (metadata.OfType<ImportFormBodyAttribute>().Any())
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
