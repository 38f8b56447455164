using Approval.Workflow.Submissions;
using Marten;
using Marten.Linq.MatchesSql;
using Microsoft.AspNetCore.Identity;

namespace Approval.Web.Auth;

public sealed record LoginOutcome(Account? Account, int Status, string Message, TimeSpan? RetryAfter = null,
    string Code = "login-required", string MessageEn = "user name and password are required");

/// <summary>
/// The password check shared by the login page and the API. An unknown, a disabled and a known account with a wrong
/// password get the same answer after the same hashing work; repeated failures are throttled (<see cref="LoginThrottle"/>),
/// never locked.
/// </summary>
public static class AccountLogin
{
    private static readonly PasswordHasher<Account> Hasher = new();
    // Verified against when there is no usable account, so that the answer takes as long as a real check.
    private static readonly string UnusableHash = Hasher.HashPassword(new Account(), Guid.NewGuid().ToString());
    private const string Wrong = "用户名或密码错误";

    public static async Task<LoginOutcome> VerifyAsync(IDocumentSession session, LoginThrottle throttle, string address, string? userName, string? password)
    {
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password)) return new(null, 400, "请输入用户名和密码");
        var name = userName.Trim();
        // No account name holds a control character (see AdminEndpoints and AccountsCommand), and PostgreSQL cannot even
        // compare text holding a NUL: refused here, before any query, like control characters in a query string.
        if (name.Any(char.IsControl)) return new(null, 400, "用户名中含有控制字符", Code: "bad-text", MessageEn: "the user name holds control characters");
        if (throttle.WaitBeforeTrying(address, name) is { } wait) return new(null, 429, $"登录尝试过于频繁，请稍后再试", wait);
        if (name.Length > 100 || password.Length > 200)
        {
            throttle.Failed(address, name);
            return new(null, 401, Wrong);
        }

        // Names are unique in the deployment whatever their case (a global unique index, and Admin.IdCase for new names):
        // the account found says which 财政局 signs in, 「DaShuJu」 signs in as dashuju. Of two names differing only in case
        // stored before that rule, each signs in only as written.
        // Only ASCII names are compared ignoring case: .NET's invariant upper case turns 「ı」 into 「I」 and 「ſ」 into 「S」, and
        // no stored name holds either (SafeId).
        var named = SafeId.IsValid(name)
            ? await session.Query<Account>().Where(a => a.AnyTenant() && a.MatchesSql(Admin.IdCase.SameLetters, name.ToUpperInvariant())).Take(10).ToListAsync()
            : [];
        var account = named.SingleOrDefault(a => a.Id == name) ?? (named.Count == 1 ? named[0] : null);
        // A role outside the account's jurisdiction (a 省级审计 minted in a bureau before grants were checked) signs in to nothing.
        var usable = account is { Disabled: false } && RoleGrants.HoldsIn(account.Role, Tenants.FinanceBureau.JurisdictionOf(account.TenantId));
        var verdict = Hasher.VerifyHashedPassword(account ?? new Account(), usable ? account!.PasswordHash : UnusableHash, password);
        if (!usable || verdict == PasswordVerificationResult.Failed)
        {
            throttle.Failed(address, name);
            return new(null, 401, Wrong);
        }
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            account!.PasswordHash = Hasher.HashPassword(account, password);
            session.ForTenant(account.TenantId).Store(account);
            await session.SaveChangesAsync();
        }
        throttle.Succeeded(address, name);
        return new(account, 200, "");
    }

    public static string Hash(Account account, string password) => Hasher.HashPassword(account, password);

    public static bool Matches(Account account, string password) =>
        Hasher.VerifyHashedPassword(account, account.PasswordHash, password) != PasswordVerificationResult.Failed;
}
