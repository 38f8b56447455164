using Approval.Workflow.Disclosure;
using Approval.Workflow.SelfEvaluation;
using Approval.Workflow.Summary;

namespace Approval.Workflow.Import;

/// <summary>A problem with the input itself, with the line (or sheet row) it is on. Fatal issues make the input unreadable.</summary>
public sealed record ImportIssue(int Line, string Message, bool Fatal = false)
{
    /// <summary>Rows of a recognised table holding figures the reader could not place: the report was not fully read (RD-UNREAD-TABLE).</summary>
    public bool UnreadTable { get; init; }
}

/// <summary>A project score mentioned in narrative text ("（3）…项目绩效自评得分79.1分").</summary>
public sealed record ProjectScoreMention(int Sequence, string ProjectName, decimal Score);

/// <summary>Everything read from one report: tables, forms, the narrative, and what could not be read.</summary>
public sealed record ImportedReport(
    string Source,
    IReadOnlyList<DisclosureTable> Tables,
    IReadOnlyList<ProjectSelfEvaluationForm> Forms,
    string Narrative,
    IReadOnlyList<ProjectScoreMention> ProjectScores,
    IReadOnlyList<ImportIssue> Issues)
{
    public SummaryReviewTable? Summary { get; init; }

    /// <summary>The 附件 label each of <see cref="Forms"/> was printed under ("附件2"), null where none; aligned with <see cref="Forms"/>.</summary>
    public IReadOnlyList<string?> FormLabels { get; init; } = [];

    public string? LabelOf(int form) => form < FormLabels.Count ? FormLabels[form] : null;
    public bool IsUnreadable => Issues.Any(i => i.Fatal);
}

/// <summary>Thrown for input that cannot be read at all (empty, binary, too large); the message is for the user.</summary>
public sealed class UnreadableInputException(string message) : Exception(message);
