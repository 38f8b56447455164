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
            output.WriteLine($"  演示模式：账户 dashuju / rongjiang / yiyang（填报人）、jingban / xingzheng（审核人）、shenji（审计）、admin（管理员），密码 {DemoData.Password}");
        else
            output.WriteLine("  首次使用：dotnet run --project src/Web -- accounts add-admin 账户名   创建第一个管理员");
        output.WriteLine("按 Ctrl+C 停止。");
    }

    /// <summary>Host, port, database and user: never the password.</summary>
    private static string Describe(string connectionString)
    {
        var b = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        return $"{b.Host}:{b.Port}/{b.Database}（用户 {b.Username}）";
    }
}
