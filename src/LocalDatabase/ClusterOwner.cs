using System.Diagnostics;
using System.Text.Json;

namespace Approval.LocalDatabase;

/// <summary>
/// The process that stops the embedded cluster when it ends, as written beside the cluster's state. A process id alone
/// could be reused by another program after the owner died: its start time is kept too, and both must match.
/// </summary>
public sealed record ClusterOwner(int ProcessId, DateTime StartedUtc)
{
    public static ClusterOwner Of(int processId) => new(processId, StartTimeOf(processId) ?? DateTime.MinValue);

    /// <summary>The recorded process still runs (the same one: same id, same start time).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsAlive => StartTimeOf(ProcessId) is { } started && Math.Abs((started - StartedUtc).TotalSeconds) < 1;

    public void Write(string file)
    {
        var temporary = file + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this));
        File.Move(temporary, file, overwrite: true);
    }

    public static ClusterOwner? Read(string file)
    {
        try
        {
            return JsonSerializer.Deserialize<ClusterOwner>(File.ReadAllText(file));
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null; // no owner recorded (or a torn file): nobody alive claims the cluster
        }
    }

    private static DateTime? StartTimeOf(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return process.HasExited ? null : process.StartTime.ToUniversalTime();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
