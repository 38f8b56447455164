using System.Security.Cryptography;
using Approval.Web.Auth;
using Approval.Workflow.Submissions;
using JasperFx.CommandLine;
using Marten;
using Microsoft.AspNetCore.Identity;

namespace Approval.Web.Admin;

public class AccountsInput : NetCoreInput
{
    [Description("操作：add-admin（财政局管理员）/ add-province-auditor（省级审计）/ the action")]
    public string Action { get; set; } = "";

    [Description("账户名 / the account name")]
    public string Name { get; set; } = "";

    [Description("姓名（默认同账户名）/ display name")]
    [FlagAlias("display-name")]
    public string? DisplayNameFlag { get; set; }

    [Description("所属财政局编号（小写字母、数字、-），如 shangrao / the 财政局 (tenant) id")]
    [FlagAlias("tenant")]
    public string TenantFlag { get; set; } = "";

    [Description("财政局名称，首次登记该财政局时必填 / the bureau's name, required the first time the bureau is named")]
    [FlagAlias("bureau-name")]
    public string? BureauNameFlag { get; set; }

    [Description("从标准输入读取密码（一行）/ read the password from standard input")]
    [FlagAlias("password-stdin")]
    public bool PasswordStdinFlag { get; set; }
}

/// <summary>
/// `accounts add-admin NAME --tenant ID [--bureau-name 名称]`: the first way in to a 财政局 of an installation without demo
/// data (the bureau is registered when it is new). `accounts add-province-auditor NAME [--bureau-name 省财政厅名称]`: a
/// 省级审计, an account of the province's own tenant, which reads every bureau (and is recorded there). The password comes from standard
/// input (<c>--password-stdin</c>), from <c>APPROVAL_ADMIN_PASSWORD</c>, from a prompt, or is generated and shown once.
/// </summary>
[Description("账户管理：创建管理员或省级审计 / manage accounts: add-admin NAME, add-province-auditor NAME", Name = "accounts")]
public class AccountsCommand : JasperFxAsyncCommand<AccountsInput>
{
    public const int MinimumPasswordLength = LoginEndpoint.MinimumPasswordLength;

    public override async Task<bool> Execute(AccountsInput input)
    {
        var provinceAuditor = input.Action.Equals("add-province-auditor", StringComparison.OrdinalIgnoreCase);
        if (!provinceAuditor && !input.Action.Equals("add-admin", StringComparison.OrdinalIgnoreCase))
            return Fail($"未知操作「{input.Action}」：可用 add-admin、add-province-auditor");
        var name = input.Name.Trim();
        if (!SafeId.IsValid(name)) return Fail("账户名" + SafeId.Rule);

        var tenant = provinceAuditor ? Tenants.FinanceBureau.Province : input.TenantFlag.Trim();
        if (provinceAuditor && input.TenantFlag.Trim() is { Length: > 0 } named && named != Tenants.FinanceBureau.Province)
            return Fail("省级审计属于省级（province），不属于某个财政局：请去掉 --tenant");
        if (!provinceAuditor && tenant == Tenants.FinanceBureau.Province)
            return Fail("province 是省级审计所在的区划，不是财政局：创建省级审计请用 add-province-auditor");
        if (!Tenants.FinanceBureau.IsValidId(tenant)) return Fail("请用 --tenant 指定所属财政局编号（小写字母、数字或 -，最长 40 个字符），如 --tenant shangrao");

        var (password, generated) = ReadPassword(input.PasswordStdinFlag);
        if (password.Length < MinimumPasswordLength) return Fail($"密码至少 {MinimumPasswordLength} 位");

        using var host = input.BuildHost();
        var store = host.Services.GetRequiredService<IDocumentStore>();
        await using var session = store.LightweightSession(tenant);
        if (await IdCase.AccountNameTakenAsync(session, name) is { } taken)
            return Fail(taken == name ? $"账户 {name} 已存在，未作任何修改" : $"已有账户 {taken}，与 {name} 只差大小写，容易混淆；未作任何修改，请换一个账户名");
        if (await session.LoadAsync<Tenants.FinanceBureau>(tenant) is null)
        {
            if (input.BureauNameFlag?.Trim() is not { Length: > 0 } bureauName)
                return Fail(provinceAuditor ? "省级尚未登记：请用 --bureau-name 给出省财政厅的名称，如 江西省财政厅" : $"财政局 {tenant} 尚未登记：请用 --bureau-name 给出它的名称");
            session.Insert(new Tenants.FinanceBureau { Id = tenant, Name = bureauName });
        }
        var account = new Account { Id = name, DisplayName = input.DisplayNameFlag?.Trim() is { Length: > 0 } d ? d : name, Role = provinceAuditor ? Role.ProvinceAuditor : Role.Admin };
        account.PasswordHash = new PasswordHasher<Account>().HashPassword(account, password);
        account.NewSecurityStamp();
        session.Insert(account);
        await session.SaveChangesAsync();

        Console.WriteLine(provinceAuditor ? $"已创建省级审计 {name}：可跨财政局查阅，每次查阅都记录在被查阅的财政局。" : $"已创建财政局 {tenant} 的管理员 {name}。");
        if (generated) Console.WriteLine($"初始密码（只显示这一次）：{password}");
        return true;
    }

    private static (string Password, bool Generated) ReadPassword(bool fromStdin)
    {
        if (fromStdin) return ((Console.In.ReadLine() ?? "").TrimEnd('\r', '\n'), false);
        if (Environment.GetEnvironmentVariable("APPROVAL_ADMIN_PASSWORD") is { Length: > 0 } fromEnvironment) return (fromEnvironment, false);
        if (!Console.IsInputRedirected)
        {
            var first = Prompt("密码：");
            if (first.Length > 0)
                return Prompt("再次输入密码：") == first ? (first, false) : throw new InvalidOperationException("两次输入的密码不一致");
        }
        return (Generate(), true);
    }

    private static string Prompt(string label)
    {
        Console.Error.Write(label);
        var chars = new List<char>();
        while (Console.ReadKey(intercept: true) is var key && key.Key != ConsoleKey.Enter)
        {
            if (key.Key == ConsoleKey.Backspace) { if (chars.Count > 0) chars.RemoveAt(chars.Count - 1); }
            else if (!char.IsControl(key.KeyChar)) chars.Add(key.KeyChar);
        }
        Console.Error.WriteLine();
        return new string([.. chars]);
    }

    /// <summary>16 characters from an alphabet without look-alikes (0/O, 1/l/I).</summary>
    private static string Generate() =>
        RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789#%+", 16);

    private static bool Fail(string message)
    {
        Console.Error.WriteLine(message);
        return false;
    }
}
