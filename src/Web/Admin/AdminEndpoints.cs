using System.Text.Json.Nodes;
using Approval.Web.Auth;
using Approval.Web.Organization;
using Approval.Web.Tenants;
using Approval.Workflow.Submissions;
using Marten;
using Wolverine.Http;

namespace Approval.Web.Admin;

public sealed record CreateSection(string? Id, string? Name);

public sealed record CreateUnit(string? Id, string? Name, string? SectionId, string? SupervisingDepartment);

/// <param name="Email">Optional: where 催报 and reminders are emailed.</param>
public sealed record CreateAccount(string? Id, string? DisplayName, string? Password, Role Role, string? UnitId, IReadOnlyList<string>? SectionIds, string? Email = null);

/// <summary>What an administrator changes of an account; what is left out stays as it is. Any change ends the account's sessions.</summary>
/// <param name="Email">An empty one removes the address.</param>
public sealed record UpdateAccount(string? DisplayName, Role? Role, string? UnitId, IReadOnlyList<string>? SectionIds, bool? Disabled, string? Password, string? Email = null);

/// <summary>管理员: sections, units and accounts. Never submitted content.</summary>
public static class AdminEndpoints
{
    public const int MaxNameLength = 100;

    [EndpointSummary("管理员：登记业务股室")]
    [ApiAnswer(typeof(JsonObject))]
    [WolverinePost("/api/admin/sections")]
    public static async Task<IResult> Section(CreateSection command, IDocumentSession session)
    {
        if (Blank(command.Id) || Blank(command.Name)) return Problems.BadRequest("section-invalid", "请填写股室编号和名称", "id and name are required");
        if ((BadId(command.Id) ?? BadName(command.Name, "股室名称")) is { } bad) return bad;
        if (await IdCase.SectionVariantAsync(session, command.Id!.Trim()) is { } variant)
            return Problems.Of(409, "section-exists", $"已有股室编号 {variant}，与 {command.Id!.Trim()} 只差大小写，容易混淆；请换一个编号", "a section id differing only in case exists");
        // A new section never takes a registered id (in this 财政局): the insert fails at the commit (409 section-exists,
        // ConcurrentCreate); renaming is PUT /api/admin/sections/{id}.
        session.Insert(new ReviewSection { Id = command.Id!.Trim(), Name = command.Name!.Trim() }); // a concurrent create loses at the commit (ConcurrentCreate)
        return Results.Ok();
    }

    [EndpointSummary("管理员：登记预算单位")]
    [ApiAnswer(typeof(JsonObject))]
    [WolverinePost("/api/admin/units")]
    public static async Task<IResult> Unit(CreateUnit command, IDocumentSession session)
    {
        if (Blank(command.Id) || Blank(command.Name) || Blank(command.SectionId)) return Problems.BadRequest("unit-invalid", "请填写单位编号、名称和所属股室", "id, name and section are required");
        if ((BadId(command.Id) ?? BadName(command.Name, "单位名称") ?? BadName(command.SupervisingDepartment, "主管部门")) is { } bad) return bad;
        if (await IdCase.UnitVariantAsync(session, command.Id!.Trim()) is { } variant)
            return Problems.Of(409, "unit-exists", $"已有单位编号 {variant}，与 {command.Id!.Trim()} 只差大小写，容易混淆；请换一个编号", "a unit id differing only in case exists");
        if (!SafeId.IsValid(command.SectionId!.Trim()) || await session.LoadAsync<ReviewSection>(command.SectionId!.Trim()) is not { } section) return Problems.BadRequest("section-unknown", "所属股室不存在", "unknown section");
        if (section.Disabled) return Problems.BadRequest("section-disabled", $"业务股室「{section.Name}」已停用，不能再负责单位", "the section is disabled");
        // A new unit never takes a registered id (in this 财政局): the insert fails at the commit (409 unit-exists,
        // ConcurrentCreate); a change is PUT /api/admin/units/{id}.
        session.Insert(new BudgetUnit { Id = command.Id!.Trim(), Name = command.Name!.Trim(), SectionId = command.SectionId!.Trim(), SupervisingDepartment = command.SupervisingDepartment?.Trim() });
        return Results.Ok();
    }

    [EndpointSummary("管理员：创建账户")]
    [ApiAnswer(typeof(JsonObject))]
    [WolverinePost("/api/admin/accounts")]
    public static async Task<IResult> Account(CreateAccount command, IDocumentSession session, Actor actor)
    {
        if (Blank(command.Id) || Blank(command.DisplayName)) return Problems.BadRequest("account-invalid", "请填写账户名和姓名", "id and display name are required");
        if ((BadId(command.Id) ?? BadName(command.DisplayName, "姓名") ?? BadPassword(command.Password) ?? AccountEmail.Problem(command.Email)) is { } bad) return bad;
        // What may not be granted is refused before anything else is looked up (a taken name must not answer first).
        if (Enum.IsDefined(command.Role) && !RoleGrants.MayGrant(actor.Role, command.Role)) return NotGrantable(command.Role);
        // Sign-in names are unique across every 财政局 of the deployment, whatever their case (the answer does not say
        // where the name is taken).
        var name = command.Id!.Trim();
        if (await IdCase.AccountNameTakenAsync(session, name) is { } taken)
            return taken == name ? Problems.Of(409, "account-exists", "账户名已存在", "the account already exists")
                : Problems.Of(409, "account-exists", "账户名已存在（不区分大小写）：只差大小写的账户名容易混淆，请换一个", "an account name differing only in case exists");
        var account = new Account { Id = command.Id!.Trim(), DisplayName = command.DisplayName!.Trim(), Email = AccountEmail.Normalized(command.Email) };
        if (await Assign(account, actor.Role, command.Role, command.UnitId, command.SectionIds, session) is { } refused) return refused;
        account.PasswordHash = AccountLogin.Hash(account, command.Password!);
        account.NewSecurityStamp();
        session.Insert(account); // a concurrent create of the same name fails at the commit (409, ConcurrentCreate), never overwrites
        return Results.Ok(new { account.Id });
    }

    /// <summary>Demote, move, rename, disable or reset the password of an account: its cookies and tokens stop working at once.</summary>
    [EndpointSummary("管理员：修改、降级、停用账户或重置密码（其会话随即失效）")]
    [ApiAnswer(typeof(JsonObject))]
    [WolverinePut("/api/admin/accounts/{id}")]
    public static async Task<IResult> Update(string id, UpdateAccount command, IDocumentSession session, AccountStamps stamps, Actor actor)
    {
        if (!SafeId.IsValid(id) || await session.LoadAsync<Account>(id) is not { } account) return Problems.NotFound("账户");
        if (!RoleGrants.MayManage(actor.Role, account.Role, FinanceBureau.JurisdictionOf(account.TenantId)))
            return NotGrantable(account.Role);
        if (account.Id == actor.UserId && (command.Disabled == true || command.Role is { } r && r != Role.Admin))
            return Problems.BadRequest("self-lockout", "不能停用或降级自己的管理员账户", "an administrator cannot disable or demote their own account");
        if (command.DisplayName is not null && (Blank(command.DisplayName) ? Problems.BadRequest("account-invalid", "姓名不能为空", "display name is required") : BadName(command.DisplayName, "姓名")) is { } badName) return badName;
        if (command.Password is not null && BadPassword(command.Password) is { } badPassword) return badPassword;
        if (AccountEmail.Problem(command.Email) is { } badEmail) return badEmail;
        if (command.Role is not null || command.UnitId is not null || command.SectionIds is not null)
        {
            if (await Assign(account, actor.Role, command.Role ?? account.Role, command.UnitId ?? account.UnitId, command.SectionIds ?? account.SectionIds, session) is { } refused)
                return refused;
        }
        if (command.DisplayName is not null) account.DisplayName = command.DisplayName.Trim();
        if (command.Disabled is { } disabled) account.Disabled = disabled;
        if (command.Email is not null) account.Email = AccountEmail.Normalized(command.Email);
        if (command.Password is not null) account.PasswordHash = AccountLogin.Hash(account, command.Password);
        account.NewSecurityStamp();
        session.Store(account);
        await session.SaveChangesAsync();
        stamps.Forget(account.TenantId, account.Id);
        return Results.Ok(new { account.Id, account.Role, account.UnitId, account.SectionIds, account.Disabled, account.Email });
    }

    private static async Task<IResult?> Assign(Account account, Role granter, Role role, string? unitId, IReadOnlyList<string>? sectionIds, IDocumentSession session)
    {
        if (!Enum.IsDefined(role)) return Problems.BadRequest("role-unknown", "角色只能是 填报人、审核人、审计 或 管理员", "role must be Preparer, Reviewer, Auditor or Admin");
        if (!RoleGrants.MayGrant(granter, role)) return NotGrantable(role);
        var sections = (sectionIds ?? []).Select(s => s?.Trim() ?? "").Distinct().ToList();
        if (!Blank(unitId) && !SafeId.IsValid(unitId!.Trim()))
            return Problems.BadRequest("unit-unknown", "所属预算单位不存在", "unknown unit");
        if (role == Role.Preparer)
        {
            if (Blank(unitId) || await session.LoadAsync<BudgetUnit>(unitId!.Trim()) is not { } unit)
                return Problems.BadRequest("unit-required", "填报人必须属于一个已登记的预算单位", "a preparer needs a known unit");
            // An account already in a closed unit keeps it (to finish what it sent); no one new joins it.
            if (unit.Disabled && unit.Id != account.UnitId) return Problems.BadRequest("unit-disabled", $"预算单位「{unit.Name}」已停用，不能再添加填报人", "the unit is disabled");
        }
        if (role == Role.Reviewer && sections.Count == 0)
            return Problems.BadRequest("section-required", "审核人至少属于一个业务股室", "a reviewer needs a section");
        foreach (var section in sections)
        {
            // An id outside the safe alphabet names no section, and is not echoed back.
            if (!SafeId.IsValid(section)) return Problems.BadRequest("section-unknown", "业务股室编号无效：" + SafeId.Rule, "unknown section");
            if (await session.LoadAsync<ReviewSection>(section) is not { } known) return Problems.BadRequest("section-unknown", $"业务股室「{section}」不存在", "unknown section");
            if (known.Disabled && !account.SectionIds.Contains(section)) return Problems.BadRequest("section-disabled", $"业务股室「{known.Name}」已停用，不能再添加审核人", "the section is disabled");
        }
        account.Role = role;
        account.UnitId = Blank(unitId) ? null : unitId!.Trim();
        account.SectionIds = role == Role.Reviewer ? sections : [];
        return null;
    }

    internal static IResult? BadId(string? id) =>
        SafeId.IsValid(id!.Trim()) ? null : Problems.BadRequest("id-invalid", SafeId.Rule, "ids are 1 to 64 ASCII letters, digits, '-', '_' or '.', starting with a letter or digit");

    internal static IResult? BadName(string? name, string what) =>
        name is null ? null
        : name.Trim().Length > MaxNameLength ? Problems.BadRequest("name-too-long", $"{what}最长 {MaxNameLength} 个字", "name too long")
        : name.Any(char.IsControl) || InvisibleText.Contains(name) ? Problems.BadRequest("name-invisible", $"{what}中含有控制字符、不可见字符或文字方向控制符", "name has control, invisible or bidirectional characters")
        : null;

    /// <summary>Length, and characters a person can type: a password of control characters could never be entered at the form.</summary>
    private static IResult? BadPassword(string? password) =>
        (password ?? "").Length is < LoginEndpoint.MinimumPasswordLength or > 200 || password!.Any(char.IsControl)
            ? Problems.BadRequest("password-weak", $"密码应为 {LoginEndpoint.MinimumPasswordLength}–200 位可输入的字符", $"the password needs {LoginEndpoint.MinimumPasswordLength} to 200 characters that can be typed")
            : null;

    /// <summary>Province roles are never granted through a bureau (<see cref="RoleGrants"/>): the same answer for a grant and for a change of such an account.</summary>
    private static IResult NotGrantable(Role role) => Problems.Of(403, "role-not-grantable",
        role == Role.ProvinceAuditor ? "省级审计只能由省级管理在安装时创建（accounts add-province-auditor），财政局管理员不能授予或管理" : "无权授予或管理该角色",
        "this role cannot be granted or managed by this administrator");

    internal static bool Blank(string? s) => string.IsNullOrWhiteSpace(s);
}
