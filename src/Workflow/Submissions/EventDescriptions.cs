namespace Approval.Workflow.Submissions;

/// <summary>The audit line and the actor of any stored event (events that are not a submission's say their type).</summary>
public static class EventDescriptions
{
    public static string Describe(object data) => data is ISubmissionEvent e ? e.Describe() : data.GetType().Name;

    public static Actor? ActorOf(object data) => (data as ISubmissionEvent)?.By;
}
