using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Wolverine.Http;

namespace Approval.Web.Auth;

public sealed record LoginRequest(string? UserName, string? Password, bool UseCookie = false);

/// <summary>
/// One identity for UI and API: the same account signs in with a cookie (the UI) or receives a bearer
/// token (API clients). Five wrong passwords lock the account for fifteen minutes.
/// </summary>
public static class LoginEndpoint
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Lockout = TimeSpan.FromMinutes(15);

    [AllowAnonymous]
    [WolverinePost("/api/auth/login")]
    public static async Task<IResult> Login(LoginRequest request, IDocumentSession session, HttpContext http, TimeProvider clock)
    {
        if (string.IsNullOrWhiteSpace(request.UserName) || string.IsNullOrEmpty(request.Password))
            return Problems.BadRequest("login-required", "请输入用户名和密码", "user name and password are required");
        var account = await session.LoadAsync<Account>(request.UserName.Trim());
        var now = clock.GetUtcNow();
        if (account is null)
        {
            new PasswordHasher<Account>().HashPassword(new Account(), request.Password); // same work whether the account exists or not
            return Problems.Unauthorized();
        }
        if (account.LockedUntil is { } until && until > now)
            return Problems.Locked(until);

        var verdict = new PasswordHasher<Account>().VerifyHashedPassword(account, account.PasswordHash, request.Password);
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
            return Problems.Unauthorized();
        }
        if (account.FailedAttempts != 0 || account.LockedUntil is not null || verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            account.FailedAttempts = 0;
            account.LockedUntil = null;
            if (verdict == PasswordVerificationResult.SuccessRehashNeeded) account.PasswordHash = new PasswordHasher<Account>().HashPassword(account, request.Password);
            session.Store(account);
            await session.SaveChangesAsync();
        }

        if (request.UseCookie)
        {
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, ApprovalClaims.Principal(account, CookieAuthenticationDefaults.AuthenticationScheme));
            return Results.Ok(new { account.Id, account.DisplayName, Role = account.Role.ToString() });
        }
        return Results.SignIn(ApprovalClaims.Principal(account, BearerTokenDefaults.AuthenticationScheme), authenticationScheme: BearerTokenDefaults.AuthenticationScheme);
    }

    [WolverinePost("/api/auth/logout")]
    public static async Task<IResult> Logout(HttpContext http)
    {
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.NoContent();
    }

    [WolverineGet("/api/auth/me")]
    public static IResult Me(HttpContext http) => http.User.ToActor() is { } actor ? Results.Ok(actor) : Problems.Unauthorized();
}
