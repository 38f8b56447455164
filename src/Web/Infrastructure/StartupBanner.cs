using Approval.Web.Organization;

namespace Approval.Web.Infrastructure;

/// <summary>What the person who started the app needs to know: where it answers, in which mode, on which database.</summary>
public static class StartupBanner
{
    public static void Print(WebApplication app, TextWriter output)
    {
        var database = app.Services.GetRequiredService<DatabaseConnection>();
        var where = database.Local is { } local
            ? $"内置 PostgreSQL（{local.DataDirectory}，127.0.0.1:{local.Port}）"
            : $"{Describe(database.ConnectionString)}{(database.SeparateOwner ? "，应用账户只能追加事件" : "，应用账户即表结构所有者")}";
        output.WriteLine($"绩效自评与决算公开审核 已启动：{string.Join(", ", app.Urls)}");
        output.WriteLine($"  运行环境：{app.Environment.EnvironmentName} · 数据库：{where}");
        if (DemoData.IsEnabled(app.Configuration))
            output.WriteLine($"  演示模式：四个财政局（上饶市 / 弋阳县 / 景德镇市 / 赣州蓉江新区），账户如 dashuju（填报人）、jingban（审核人）、shenji（审计）、admin（管理员）、shengshenji（省级审计）（见 README），密码 {DemoData.Password}");
        else
            output.WriteLine("  首次使用：dotnet run --project src/Web -- accounts add-admin 账户名 --tenant 财政局编号 --bureau-name 财政局名称   创建该财政局的第一个管理员");
        output.WriteLine("按 Ctrl+C 停止。");
    }

    /// <summary>Host, port, database and user: never the password.</summary>
    private static string Describe(string connectionString)
    {
        var b = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        return $"{b.Host}:{b.Port}/{b.Database}（用户 {b.Username}）";
    }
}
