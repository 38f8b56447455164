namespace Approval.Web.Organization;

/// <summary>财政局业务股室: a section of the finance bureau that reviews the units assigned to it.</summary>
public sealed class ReviewSection
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>停用: no unit is placed in it any more; its reports and reviewers stay as they are.</summary>
    public bool Disabled { get; set; }
}

/// <summary>预算单位 and the section that covers it.</summary>
public sealed class BudgetUnit
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string SectionId { get; set; } = "";
    public string? SupervisingDepartment { get; set; }
    /// <summary>停用 (e.g. merged in an 机构改革): it starts no new report and gets no new 填报人; what it sent is reviewed as usual.</summary>
    public bool Disabled { get; set; }
}
