using Approval.LocalDatabase;
using JasperFx.CommandLine;

namespace Approval.Web.Infrastructure;

public class EmbeddedDatabaseInput
{
    [Description("操作：start / stop / status")]
    public string Action { get; set; } = "";

    [Description("所有者进程号：start 时记为所有者（由它负责停止）；stop 时只在所有者是它时才停止 / the owner's process id")]
    [FlagAlias("owner-pid")]
    public int OwnerPidFlag { get; set; }
}

/// <summary>
/// `database start --owner-pid PID`, `database stop --owner-pid PID`, `database status`: the embedded PostgreSQL of
/// <c>.data</c> for scripts that run several processes on it (<c>./run.sh --nodes</c>): the script starts it as its own,
/// so that no node — killed or stopped — takes the database down with it, and stops it last. Touches nothing when the
/// app runs on a configured database.
/// </summary>
[Description("内置 PostgreSQL：start / stop / status（供 ./run.sh --nodes 等脚本使用）/ the embedded database", Name = "database")]
public class EmbeddedDatabaseCommand : JasperFxAsyncCommand<EmbeddedDatabaseInput>
{
    public override async Task<bool> Execute(EmbeddedDatabaseInput input)
    {
        var local = LocalPostgres.Locate();
        var owner = input.OwnerPidFlag > 0 ? input.OwnerPidFlag : (int?)null;
        switch (input.Action.ToLowerInvariant())
        {
            case "start":
                await local.EnsureRunningAsync(ownerProcessId: owner);
                Console.WriteLine($"内置数据库运行中：127.0.0.1:{local.Port}（{local.DataDirectory}），所有者进程 {local.RecordedOwner()?.ProcessId}");
                return true;
            case "stop" when owner is { } pid:
                Console.WriteLine(await local.StopIfOwnedByAsync(pid) ? "内置数据库已停止。" : $"内置数据库不属于进程 {pid}，未停止。");
                return true;
            case "stop":
                Console.Error.WriteLine("stop 需要 --owner-pid：只停止自己启动的数据库");
                return false;
            case "status":
                var running = await local.IsRunningAsync();
                var recorded = local.RecordedOwner();
                Console.WriteLine(running
                    ? $"运行中；所有者进程 {recorded?.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "（未记录）"}{(recorded is { IsAlive: false } ? "（已不在，下一个使用它的进程会接管）" : "")}"
                    : "未运行");
                return true;
            default:
                Console.Error.WriteLine($"未知操作「{input.Action}」：可用 start、stop、status");
                return false;
        }
    }
}
