namespace Approval.Workflow.Submissions;

/// <summary>
/// The facts every event of a submission stream states once, for the snapshot, every read model and the notifications:
/// whose stream, who acted, where the submission stands afterwards, the audit line and the notice. Methods rather than
/// properties, so that nothing is added to the stored JSON (the chain hashes cover it).
/// </summary>
public interface ISubmissionEvent
{
    Guid SubmissionId { get; }

    Actor By { get; }

    /// <summary>Where the submission stands after this event; <paramref name="before"/> when the event does not move it.</summary>
    SubmissionState StateAfter(SubmissionState before);

    /// <summary>One line of Chinese for the audit trail.</summary>
    string Describe();

    /// <summary>The step in the words of the workflow (起草, 提交审核, 审核通过…), for version pickers and the CSV. A method, not a
    /// property: it is not part of the stored event.</summary>
    string ActionName();

    /// <summary>What the review UI is told, given the report's title and unit as of this event.</summary>
    EventNotice Notice(string title, string unitName);
}

/// <param name="Type">A stable English word for programs ("submitted", "approved").</param>
/// <param name="Summary">One Chinese sentence for people.</param>
/// <param name="UnitOnly">Work on a draft: only the unit (and auditors) hear of it, never the section.</param>
/// <param name="Grade">The grade an approval gave.</param>
public sealed record EventNotice(string Type, string Summary, bool UnitOnly = false, string? Grade = null);
