using Marten;
using Microsoft.AspNetCore.Identity;

namespace Approval.Web.Auth;

public sealed record LoginOutcome(Account? Account, int Status, string Message, DateTimeOffset? LockedUntil = null);

/// <summary>
/// Password check with lockout, shared by the login page and the API: five wrong passwords lock an account for
/// fifteen minutes; an unknown user costs the same hashing work as a known one.
/// </summary>
public static class AccountLogin
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Lockout = TimeSpan.FromMinutes(15);
    private static readonly PasswordHasher<Account> Hasher = new();
    private const string Wrong = "用户名或密码错误";

    public static async Task<LoginOutcome> VerifyAsync(IDocumentSession session, string? userName, string? password, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password)) return new(null, 400, "请输入用户名和密码");
        if (userName.Length > 100 || password.Length > 200) return new(null, 401, Wrong);
        var account = await session.LoadAsync<Account>(userName.Trim());
        if (account is null)
        {
            Hasher.HashPassword(new Account(), password);
            return new(null, 401, Wrong);
        }
        if (account.LockedUntil is { } until && until > now)
            return new(null, 423, $"密码错误次数过多，账户已锁定至 {until.ToOffset(TimeSpan.FromHours(8)):HH:mm}", until);

        var verdict = Hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            account.FailedAttempts++;
            if (account.FailedAttempts >= MaxFailures)
            {
                account.LockedUntil = now + Lockout;
                account.FailedAttempts = 0;
            }
            session.Store(account);
            await session.SaveChangesAsync();
            return new(null, 401, Wrong);
        }
        if (account.FailedAttempts != 0 || account.LockedUntil is not null || verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            account.FailedAttempts = 0;
            account.LockedUntil = null;
            if (verdict == PasswordVerificationResult.SuccessRehashNeeded) account.PasswordHash = Hasher.HashPassword(account, password);
            session.Store(account);
            await session.SaveChangesAsync();
        }
        return new(account, 200, "");
    }
}
