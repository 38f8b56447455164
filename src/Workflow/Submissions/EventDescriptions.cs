namespace Approval.Workflow.Submissions;

/// <summary>The audit line and the actor of any stored event (events that are not a submission's say their type).</summary>
public static class EventDescriptions
{
    public static string Describe(object data) => data is ISubmissionEvent e ? e.Describe() : data.GetType().Name;

    public static Actor? ActorOf(object data) => (data as ISubmissionEvent)?.By;

    /// <summary>The event's name in the words of the workflow (起草, 提交审核, 审核通过…), for version pickers and the CSV.</summary>
    public static string Name(object data) => data is ISubmissionEvent e ? e.ActionName() : data.GetType().Name;

    /// <summary>
    /// What was done, without the actor in front: the audit line reads "name（role） · action", so the name (and the role some
    /// lines repeat in parentheses) stands once.
    /// </summary>
    public static string Action(object data)
    {
        var line = Describe(data);
        if (ActorOf(data) is not { } actor || string.IsNullOrEmpty(actor.Name)) return line;
        // A stand-in's line begins with both names (王五（代 张三）), which the audit line shows as the actor.
        var name = line.StartsWith(actor.Display, StringComparison.Ordinal) ? actor.Display : actor.Name;
        if (!line.StartsWith(name, StringComparison.Ordinal)) return line;
        var rest = line[name.Length..];
        var role = $"（{actor.Role.Chinese()}）";
        if (rest.StartsWith(role, StringComparison.Ordinal)) rest = rest[role.Length..];
        return rest.TrimStart();
    }
}
