namespace Approval.Web.Infrastructure;

/// <summary>
/// The system clock cut to whole microseconds, PostgreSQL's precision: an event's timestamp as the inline snapshot sees
/// it when appended is then exactly the one stored in its row, and a rebuild from the rows gives identical documents.
/// </summary>
public sealed class MicrosecondClock : TimeProvider
{
    public static readonly MicrosecondClock Instance = new();

    public override DateTimeOffset GetUtcNow()
    {
        var now = System.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}
