using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Approval.Web.Auth;

public sealed record LoginRequest(string? UserName, string? Password, bool UseCookie = false);

/// <summary>One identity for UI and API: the same account signs in with a cookie (the UI) or receives a bearer token (API clients).</summary>
public static class LoginEndpoint
{
    [AllowAnonymous]
    [WolverinePost("/api/auth/login")]
    public static async Task<IResult> Login(LoginRequest request, IDocumentSession session, HttpContext http, TimeProvider clock)
    {
        var outcome = await AccountLogin.VerifyAsync(session, request.UserName, request.Password, clock.GetUtcNow());
        if (outcome.Account is not { } account)
            return outcome.Status switch
            {
                400 => Problems.BadRequest("login-required", outcome.Message, "user name and password are required"),
                423 => Problems.Locked(outcome.LockedUntil!.Value),
                _ => Problems.Unauthorized(),
            };
        if (request.UseCookie)
        {
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, ApprovalClaims.Principal(account, CookieAuthenticationDefaults.AuthenticationScheme));
            return Results.Ok(new { account.Id, account.DisplayName, Role = account.Role.ToString() });
        }
        return Results.SignIn(ApprovalClaims.Principal(account, BearerTokenDefaults.AuthenticationScheme), authenticationScheme: BearerTokenDefaults.AuthenticationScheme);
    }

    [WolverineGet("/api/auth/me")]
    public static IResult Me(HttpContext http) => http.User.ToActor() is { } actor ? Results.Ok(actor) : Problems.Unauthorized();
}
