namespace Approval.Web.Organization;

/// <summary>财政局业务股室: a section of the finance bureau that reviews the units assigned to it.</summary>
public sealed class ReviewSection
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
}

/// <summary>预算单位 and the section that covers it.</summary>
public sealed class BudgetUnit
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string SectionId { get; set; } = "";
    public string? SupervisingDepartment { get; set; }
}
