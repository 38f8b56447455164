using Approval.Workflow.Submissions;
using JasperFx.Events;

namespace Approval.Workflow.Tests;

/// <summary>
/// Events as Marten hands them to the aggregate — wrapped with their version and time — folded by the same
/// <c>Create</c>/<c>Apply</c> methods Marten runs (<see cref="Submission.After"/>).
/// </summary>
internal static class EventStream
{
    public static IEvent Wrap(object data, long version, DateTimeOffset timestamp)
    {
        var wrapped = (IEvent)Activator.CreateInstance(typeof(Event<>).MakeGenericType(data.GetType()), data)!;
        wrapped.Version = version;
        wrapped.Timestamp = timestamp;
        return wrapped;
    }

    /// <summary>The report after <paramref name="events"/>, the first at <paramref name="start"/> and each an hour after the one before.</summary>
    public static Submission Fold(DateTimeOffset start, IReadOnlyList<object> events)
    {
        Submission? s = null;
        for (var i = 0; i < events.Count; i++) s = Submission.After(s, Wrap(events[i], i + 1, start.AddHours(i)));
        return s!;
    }
}
