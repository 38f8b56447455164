using System.Text.Json.Nodes;
using Approval.Workflow.Submissions;
using JasperFx;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Wolverine.Http;

namespace Approval.Web.Auth;

public sealed record LoginRequest(string? UserName, string? Password, bool UseCookie = false);

public sealed record RefreshRequest(string? RefreshToken);

public sealed record ChangePassword(string? CurrentPassword, string? NewPassword);

/// <summary>One identity for UI and API: the same account signs in with a cookie (the UI) or receives a bearer token (API clients).</summary>
public static class LoginEndpoint
{
    public const int MinimumPasswordLength = 10;

    [EndpointSummary("登录：取得访问令牌（或以 useCookie 登录浏览器）")]
    [ApiAnswer(typeof(AccessTokenResponse))]
    [AllowAnonymous]
    [EnableRateLimiting(LoginThrottle.Policy)]
    [WolverinePost("/api/auth/login")]
    public static async Task<IResult> Login(LoginRequest request, IDocumentSession session, HttpContext http, LoginThrottle throttle)
    {
        var outcome = await AccountLogin.VerifyAsync(session, throttle, LoginThrottle.AddressOf(http), request.UserName, request.Password);
        if (outcome.Account is not { } account)
            return outcome.Status switch
            {
                400 => Problems.BadRequest(outcome.Code, outcome.Message, outcome.MessageEn),
                429 => TooMany(http, outcome.RetryAfter!.Value),
                _ => Problems.Unauthorized(),
            };
        if (request.UseCookie)
        {
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, ApprovalClaims.Principal(account, CookieAuthenticationDefaults.AuthenticationScheme));
            return Results.Ok(new { account.Id, account.DisplayName, Role = account.Role.ToString() });
        }
        return Results.SignIn(ApprovalClaims.Principal(account, BearerTokenDefaults.AuthenticationScheme), authenticationScheme: BearerTokenDefaults.AuthenticationScheme);
    }

    /// <summary>
    /// A new access token and a new refresh token for a refresh token that has not expired, while the account is enabled
    /// and its security stamp is the one the token was issued with: a demotion or a password change ends refreshing too.
    /// Each refresh token works once (rotation); presenting a used one again means it was copied, and every session of
    /// the account ends (the stamp is renewed).
    /// </summary>
    [EndpointSummary("以刷新令牌换取新的访问令牌和刷新令牌")]
    [ApiAnswer(typeof(AccessTokenResponse))]
    [AllowAnonymous]
    [EnableRateLimiting(LoginThrottle.Policy)]
    [WolverinePost("/api/auth/refresh")]
    public static async Task<IResult> Refresh(RefreshRequest request, IOptionsMonitor<BearerTokenOptions> options, AccountStamps stamps,
        IDocumentSession session, TimeProvider clock, HttpContext http)
    {
        if (string.IsNullOrWhiteSpace(request.RefreshToken) || request.RefreshToken.Length > 4096) return Problems.Unauthorized();
        var ticket = options.Get(BearerTokenDefaults.AuthenticationScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || expires < clock.GetUtcNow() || !await stamps.IsCurrentAsync(ticket.Principal, http.RequestAborted))
            return Problems.Unauthorized();
        // An anonymous request: the tenant is the one the refresh token was issued for (signed, so never chosen by the client).
        if (ticket.Principal.TenantOf() is not { } tenantId) return Problems.Unauthorized();
        var tenant = session.ForTenant(tenantId);
        var account = await tenant.LoadAsync<Account>(ticket.Principal.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value, http.RequestAborted);
        if (account is not { Disabled: false }) return Problems.Unauthorized();

        tenant.Insert(new ConsumedRefreshToken { Id = ConsumedRefreshToken.KeyOf(request.RefreshToken), AccountId = account.Id, ExpiresAt = expires });
        tenant.DeleteWhere<ConsumedRefreshToken>(t => t.ExpiresAt < clock.GetUtcNow()); // a used token past its expiry proves nothing any more
        try
        {
            await session.SaveChangesAsync(http.RequestAborted);
        }
        catch (DocumentAlreadyExistsException)
        {
            session.EjectAllPendingChanges(); // Wolverine saves the session after the endpoint: nothing of this attempt may remain
            await using var revoke = session.DocumentStore.LightweightSession(tenantId);
            if (await revoke.LoadAsync<Account>(account.Id, http.RequestAborted) is { } victim)
            {
                victim.NewSecurityStamp();
                revoke.Store(victim);
                await revoke.SaveChangesAsync(http.RequestAborted);
                stamps.Forget(tenantId, victim.Id);
            }
            return Problems.Of(401, "refresh-reused", "刷新令牌已被使用过，为安全起见该账户的所有会话已结束，请重新登录",
                "This refresh token was used before; every session of the account has been ended. Sign in again.");
        }
        return Results.SignIn(ApprovalClaims.Principal(account, BearerTokenDefaults.AuthenticationScheme), authenticationScheme: BearerTokenDefaults.AuthenticationScheme);
    }

    /// <summary>The signed-in person changes their own password; every session of the account, this one included, ends.</summary>
    [EndpointSummary("修改本人密码（所有会话随即失效）")]
    [ApiAnswer(typeof(JsonObject))]
    [EnableRateLimiting(LoginThrottle.Policy)]
    [WolverinePost("/api/auth/password")]
    public static async Task<IResult> Password(ChangePassword request, IDocumentSession session, AccountStamps stamps, LoginThrottle throttle, HttpContext http)
    {
        if (http.User.ToActor() is not { } actor || http.User.TenantOf() is not { } tenant) return Problems.Unauthorized();
        if (throttle.WaitBeforeChangingPassword(tenant, actor.UserId) is { } wait)
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Problems.Of(429, "too-many-attempts", $"当前密码输错次数过多，请 {Math.Max(1, Math.Ceiling(wait.TotalMinutes))} 分钟后再修改密码",
                "Too many wrong current passwords; wait before changing the password.");
        }
        if ((request.NewPassword ?? "").Length is < MinimumPasswordLength or > 200 || request.NewPassword!.Any(char.IsControl))
            return Problems.BadRequest("password-weak", $"新密码应为 {MinimumPasswordLength}–200 位可输入的字符", $"the new password needs {MinimumPasswordLength} to 200 characters that can be typed");
        var account = await session.LoadAsync<Account>(actor.UserId, http.RequestAborted);
        if (account is null || (request.CurrentPassword ?? "").Length > 200 || !AccountLogin.Matches(account, request.CurrentPassword ?? ""))
        {
            throttle.PasswordChangeFailed(tenant, actor.UserId);
            return Problems.BadRequest("password-wrong", "当前密码不正确", "the current password is wrong");
        }
        throttle.PasswordChanged(tenant, actor.UserId);
        account.PasswordHash = AccountLogin.Hash(account, request.NewPassword!);
        account.NewSecurityStamp();
        session.Store(account);
        await session.SaveChangesAsync(http.RequestAborted);
        stamps.Forget(account.TenantId, account.Id);
        return Results.Ok(new { account.Id, message = "密码已修改，请重新登录" });
    }

    [EndpointSummary("当前登录人")]
    [ApiAnswer(typeof(Actor))]
    [WolverineGet("/api/auth/me")]
    public static IResult Me(HttpContext http) => http.User.ToActor() is { } actor ? Results.Ok(actor) : Problems.Unauthorized();

    private static IResult TooMany(HttpContext http, TimeSpan wait)
    {
        http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return LoginThrottle.TooMany(wait);
    }
}
