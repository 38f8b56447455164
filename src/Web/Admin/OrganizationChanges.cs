using System.Text.Json.Nodes;
using Approval.Web.Organization;
using Approval.Workflow.Submissions;
using Marten;
using Wolverine.Http;
using static Approval.Web.Admin.AdminEndpoints;

namespace Approval.Web.Admin;

/// <summary>A section's new name, or 停用/启用; what is left out stays. Its id never changes (units, accounts and reports refer to it).</summary>
public sealed record UpdateSection(string? Name, bool? Disabled = null);

/// <summary>A unit's new name, section and 主管部门, or 停用/启用; what is left out stays as it is. Its id never changes.</summary>
public sealed record UpdateUnit(string? Name, string? SectionId, string? SupervisingDepartment, bool? Disabled = null);

/// <summary>管理员: renaming a 业务股室, changing a 预算单位 — of its own 财政局 (the session's tenant); unknown ids are 404.</summary>
public static class OrganizationChanges
{
    [EndpointSummary("管理员：修改业务股室名称，停用或启用")]
    [ApiAnswer(typeof(JsonObject))]
    [WolverinePut("/api/admin/sections/{id}")]
    public static async Task<IResult> Section(string id, UpdateSection command, IDocumentSession session)
    {
        if (!SafeId.IsValid(id) || await session.LoadAsync<ReviewSection>(id) is not { } section) return Problems.NotFound("业务股室");
        if (command.Name is null && command.Disabled is null) return Problems.BadRequest("section-invalid", "请填写股室名称", "name is required");
        if (command.Name is not null && Blank(command.Name)) return Problems.BadRequest("section-invalid", "请填写股室名称", "name is required");
        if (BadName(command.Name, "股室名称") is { } bad) return bad;
        if (command.Disabled == true && !section.Disabled)
        {
            await OrganizationLock.TakeAsync(session);
            // A unit left in a closed section would send its reports nowhere: move or close the units first.
            var inUse = await session.Query<BudgetUnit>().CountAsync(u => u.SectionId == section.Id && !u.Disabled);
            if (inUse > 0) return Problems.Of(409, "section-in-use", $"业务股室「{section.Name}」还负责 {inUse} 个在用的预算单位：请先把它们调整到其他股室或停用", "the section still covers units in use");
        }
        if (command.Name is not null) section.Name = command.Name.Trim();
        if (command.Disabled is { } disabled) section.Disabled = disabled;
        session.Store(section);
        await session.SaveChangesAsync();
        return Results.Ok(new { section.Id, section.Name, section.Disabled });
    }

    [EndpointSummary("管理员：修改预算单位（名称、所属股室、主管部门），停用或启用")]
    [ApiAnswer(typeof(JsonObject))]
    [WolverinePut("/api/admin/units/{id}")]
    public static async Task<IResult> Unit(string id, UpdateUnit command, IDocumentSession session)
    {
        if (!SafeId.IsValid(id) || await session.LoadAsync<BudgetUnit>(id) is not { } unit) return Problems.NotFound("预算单位");
        if (command.Name is not null && Blank(command.Name)) return Problems.BadRequest("unit-invalid", "单位名称不能为空", "name cannot be blank");
        if ((BadName(command.Name, "单位名称") ?? BadName(command.SupervisingDepartment, "主管部门")) is { } bad) return bad;
        if (command.SectionId is not null && command.SectionId.Trim() != unit.SectionId || command.Disabled == false && unit.Disabled)
            await OrganizationLock.TakeAsync(session);
        if (command.SectionId is not null && command.SectionId.Trim() != unit.SectionId)
        {
            if (!SafeId.IsValid(command.SectionId.Trim()) || await session.LoadAsync<ReviewSection>(command.SectionId.Trim()) is not { } section)
                return Problems.BadRequest("section-unknown", "所属股室不存在", "unknown section");
            if (section.Disabled) return Problems.BadRequest("section-disabled", $"业务股室「{section.Name}」已停用，不能再负责单位", "the section is disabled");
        }
        if (command.Name is not null) unit.Name = command.Name.Trim();
        if (command.SectionId is not null) unit.SectionId = command.SectionId.Trim();
        // An empty 主管部门 clears it; one left out stays.
        if (command.SupervisingDepartment is not null) unit.SupervisingDepartment = Blank(command.SupervisingDepartment) ? null : command.SupervisingDepartment.Trim();
        if (command.Disabled == false && unit.Disabled && await session.LoadAsync<ReviewSection>(command.SectionId?.Trim() ?? unit.SectionId) is { Disabled: true } closed)
            return Problems.BadRequest("section-disabled", $"业务股室「{closed.Name}」已停用：启用单位前请把它调整到在用的股室", "the unit's section is disabled");
        if (command.Disabled is { } disabled) unit.Disabled = disabled;
        session.Store(unit);
        await session.SaveChangesAsync();
        return Results.Ok(new { unit.Id, unit.Name, unit.SectionId, unit.SupervisingDepartment, unit.Disabled });
    }
}
