using Approval.Web.Auth;
using Approval.Web.Organization;
using Approval.Workflow.Submissions;
using Marten;
using Microsoft.AspNetCore.Identity;
using Wolverine.Http;

namespace Approval.Web.Admin;

public sealed record CreateSection(string? Id, string? Name);

public sealed record CreateUnit(string? Id, string? Name, string? SectionId, string? SupervisingDepartment);

public sealed record CreateAccount(string? Id, string? DisplayName, string? Password, Role Role, string? UnitId, IReadOnlyList<string>? SectionIds);

/// <summary>管理员: sections, units and accounts. Never submitted content.</summary>
public static class AdminEndpoints
{
    [WolverinePost("/api/admin/sections")]
    public static async Task<IResult> Section(CreateSection command, IDocumentSession session, HttpContext http)
    {
        if (!IsAdmin(http)) return Problems.Forbidden("只有管理员可以管理业务股室");
        if (Blank(command.Id) || Blank(command.Name)) return Problems.BadRequest("section-invalid", "请填写股室编号和名称", "id and name are required");
        session.Store(new ReviewSection { Id = command.Id!.Trim(), Name = command.Name!.Trim() });
        await session.SaveChangesAsync();
        return Results.Ok();
    }

    [WolverinePost("/api/admin/units")]
    public static async Task<IResult> Unit(CreateUnit command, IDocumentSession session, HttpContext http)
    {
        if (!IsAdmin(http)) return Problems.Forbidden("只有管理员可以管理预算单位");
        if (Blank(command.Id) || Blank(command.Name) || Blank(command.SectionId)) return Problems.BadRequest("unit-invalid", "请填写单位编号、名称和所属股室", "id, name and section are required");
        if (await session.LoadAsync<ReviewSection>(command.SectionId!) is null) return Problems.BadRequest("section-unknown", "所属股室不存在", "unknown section");
        session.Store(new BudgetUnit { Id = command.Id!.Trim(), Name = command.Name!.Trim(), SectionId = command.SectionId!, SupervisingDepartment = command.SupervisingDepartment });
        await session.SaveChangesAsync();
        return Results.Ok();
    }

    [WolverinePost("/api/admin/accounts")]
    public static async Task<IResult> Account(CreateAccount command, IDocumentSession session, HttpContext http)
    {
        if (!IsAdmin(http)) return Problems.Forbidden("只有管理员可以管理账户");
        if (Blank(command.Id) || Blank(command.DisplayName)) return Problems.BadRequest("account-invalid", "请填写账户名和姓名", "id and display name are required");
        if ((command.Password ?? "").Length < 10) return Problems.BadRequest("password-weak", "密码至少 10 位", "password must have at least 10 characters");
        if (command.Role == Role.Preparer && (Blank(command.UnitId) || await session.LoadAsync<BudgetUnit>(command.UnitId!) is null))
            return Problems.BadRequest("unit-required", "填报人必须属于一个已登记的预算单位", "a preparer needs a known unit");
        if (command.Role == Role.Reviewer && (command.SectionIds ?? []).Count == 0)
            return Problems.BadRequest("section-required", "审核人至少属于一个业务股室", "a reviewer needs a section");
        var account = new Account
        {
            Id = command.Id!.Trim(), DisplayName = command.DisplayName!.Trim(), Role = command.Role,
            UnitId = Blank(command.UnitId) ? null : command.UnitId, SectionIds = (command.SectionIds ?? []).ToList(),
        };
        account.PasswordHash = new PasswordHasher<Account>().HashPassword(account, command.Password!);
        session.Store(account);
        await session.SaveChangesAsync();
        return Results.Ok(new { account.Id });
    }

    private static bool IsAdmin(HttpContext http) => http.User.ToActor()?.Role == Role.Admin;

    private static bool Blank(string? s) => string.IsNullOrWhiteSpace(s);
}
