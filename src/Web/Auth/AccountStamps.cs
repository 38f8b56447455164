using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Caching.Memory;

namespace Approval.Web.Auth;

/// <summary>
/// Sessions end when access ends: every request's cookie or token is checked against its account's current security
/// stamp (cached for <see cref="CacheFor"/> per node), so a demotion, a password change or a disabling takes effect on
/// the next request, not when an 8-hour token expires.
/// </summary>
public sealed class AccountStamps(IDocumentStore store, IMemoryCache cache)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    /// <summary>The account's current stamp, or null when it no longer exists or is disabled.</summary>
    private async Task<string?> CurrentAsync(string tenantId, string accountId, CancellationToken ct) =>
        await cache.GetOrCreateAsync($"stamp:{tenantId}:{accountId}", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            await using var session = store.QuerySession(tenantId);
            return await session.LoadAsync<Account>(accountId, ct) is { Disabled: false } account ? account.SecurityStamp : null;
        });

    public async Task<bool> IsCurrentAsync(ClaimsPrincipal user, CancellationToken ct) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id && user.TenantOf() is { } tenant
        && await CurrentAsync(tenant, id, ct) is { } stamp && stamp == (user.FindFirstValue(ApprovalClaims.Stamp) ?? "");

    /// <summary>After a change on this node: no waiting for the cache here (other nodes follow within <see cref="CacheFor"/>).</summary>
    public void Forget(string tenantId, string accountId) => cache.Remove($"stamp:{tenantId}:{accountId}");
}

public static class AccountStampCheck
{
    public static WebApplication UseAccountStampCheck(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            if (http.User.Identity?.IsAuthenticated == true &&
                !await http.RequestServices.GetRequiredService<AccountStamps>().IsCurrentAsync(http.User, http.RequestAborted))
            {
                if (http.User.Identity.AuthenticationType == CookieAuthenticationDefaults.AuthenticationScheme)
                    await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                http.User = new ClaimsPrincipal(new ClaimsIdentity());
            }
            await next();
        });
        return app;
    }
}
