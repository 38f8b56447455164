namespace Approval.Workflow.Submissions;

public static class SubmissionEvents
{
    /// <summary>Every event a submission stream can hold — each type that states its facts as an <see cref="ISubmissionEvent"/> —
    /// registered with the event store up front.</summary>
    public static readonly Type[] All = typeof(ISubmissionEvent).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(ISubmissionEvent)))
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .ToArray();
}
