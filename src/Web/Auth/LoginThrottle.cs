using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace Approval.Web.Auth;

/// <summary>
/// Guessing is slowed, never turned into a lock-out anyone can trigger: wrong passwords are counted per client address
/// and account name (5 in 5 minutes) and per client address (30 in 5 minutes), and a caller over either limit is told to
/// wait (429 with Retry-After) before the password is even checked. The account itself is never locked, so its owner
/// signs in from their own address while someone else hammers the name. Unknown and known names are treated alike.
/// On top, every client address may try at most 60 sign-ins a minute (configurable, for a bureau whose clerks share one
/// NAT address) (ASP.NET Core's rate limiter, policy
/// <see cref="Policy"/>), which bounds the hashing work one address can cause.
/// </summary>
public sealed class LoginThrottle
{
    public const string Policy = "login";
    public const int FailuresPerName = 5;
    public const int FailuresPerAddress = 30;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, SlidingWindowRateLimiter> _failures = new();

    /// <summary>How long the caller must wait before another attempt, or null when it may try now.</summary>
    public TimeSpan? WaitBeforeTrying(string address, string userName)
    {
        foreach (var limiter in Limiters(address, userName))
            if (limiter.GetStatistics()?.CurrentAvailablePermits <= 0) return Window / 5; // one segment of the window
        return null;
    }

    public void Failed(string address, string userName)
    {
        foreach (var limiter in Limiters(address, userName)) limiter.AttemptAcquire().Dispose();
    }

    public void Succeeded(string address, string userName)
    {
        if (_failures.TryRemove(NameKey(address, userName), out var limiter)) limiter.Dispose();
    }

    /// <summary>
    /// Changing one's password asks for the current one: a stolen session must not become a way to guess it. Wrong
    /// current passwords are counted per account (<see cref="FailuresPerName"/> in <see cref="Window"/>), wherever they
    /// come from, and the account's owner waits as long as the guesser — the password itself is never locked.
    /// </summary>
    public TimeSpan? WaitBeforeChangingPassword(string tenant, string accountId) =>
        PasswordLimiter(tenant, accountId).GetStatistics()?.CurrentAvailablePermits <= 0 ? Window / 5 : null;

    public void PasswordChangeFailed(string tenant, string accountId) => PasswordLimiter(tenant, accountId).AttemptAcquire().Dispose();

    public void PasswordChanged(string tenant, string accountId)
    {
        if (_failures.TryRemove(PasswordKey(tenant, accountId), out var limiter)) limiter.Dispose();
    }

    private SlidingWindowRateLimiter PasswordLimiter(string tenant, string accountId) =>
        _failures.GetOrAdd(PasswordKey(tenant, accountId), _ => New(FailuresPerName));

    private static string PasswordKey(string tenant, string accountId) => $"password:{tenant}:{accountId}";

    private IEnumerable<SlidingWindowRateLimiter> Limiters(string address, string userName)
    {
        yield return _failures.GetOrAdd(NameKey(address, userName), _ => New(FailuresPerName));
        yield return _failures.GetOrAdd($"address:{address}", _ => New(FailuresPerAddress));
    }

    private static string NameKey(string address, string userName) => $"name:{address}:{userName.Trim().ToLowerInvariant()}";

    private static SlidingWindowRateLimiter New(int permits) => new(new SlidingWindowRateLimiterOptions
    {
        PermitLimit = permits, Window = Window, SegmentsPerWindow = 5, QueueLimit = 0, AutoReplenishment = true,
    });

    public static string AddressOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "local";

    public static IResult TooMany(TimeSpan wait) =>
        Problems.Of(429, "too-many-attempts", $"登录尝试过于频繁，请 {Math.Max(1, Math.Ceiling(wait.TotalMinutes))} 分钟后再试", "Too many sign-in attempts; wait before trying again.");
}

public static class LoginThrottling
{
    /// <summary>Sign-ins one client address may try per minute: <c>Approval:SignIn:PerAddressPerMinute</c> (default 60).</summary>
    public static IServiceCollection AddLoginThrottling(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("Approval:SignIn:PerAddressPerMinute", 60);
        services.AddSingleton<LoginThrottle>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Only attempts count: showing the sign-in page (GET) costs no hashing and is never refused.
            o.AddPolicy(LoginThrottle.Policy, http => HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
                ? RateLimitPartition.GetNoLimiter("reading")
                : RateLimitPartition.GetFixedWindowLimiter(LoginThrottle.AddressOf(http),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                // A person at the sign-in form gets the Chinese 429 page (status code pages); a client the problem.
                if (ErrorPages.WantsPage(context.HttpContext)) return;
                await LoginThrottle.TooMany(TimeSpan.FromMinutes(1)).ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }
}
