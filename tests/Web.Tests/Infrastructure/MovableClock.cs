using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Web.Tests.Infrastructure;

/// <summary>The app's <see cref="TimeProvider"/>, set to any moment by a test; it runs on from there with the real clock.</summary>
public sealed class MovableClock : TimeProvider
{
    private TimeSpan _offset;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;

    /// <summary>From now on the app's clock reads <paramref name="moment"/> (and runs on).</summary>
    public void SetTo(DateTimeOffset moment) => _offset = moment - System.GetUtcNow();

    public void Reset() => _offset = TimeSpan.Zero;

    /// <summary>A Beijing wall-clock moment.</summary>
    public static DateTimeOffset Beijing(DateOnly day, int hour, int minute, int second = 0) =>
        new(day.ToDateTime(new TimeOnly(hour, minute, second)), TimeSpan.FromHours(8));

    /// <summary>Today's date in Beijing by the real clock.</summary>
    public static DateOnly RealBeijingToday() => DateOnly.FromDateTime(System.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
}

/// <summary>
/// The workflow app with a <see cref="MovableClock"/> as its <see cref="TimeProvider"/>. Sign-in cookies and tokens keep the
/// real clock: moving the business date by days must not expire the sessions the test signed in with.
/// </summary>
public class MovableClockFixture : WorkflowFixture
{
    public MovableClock Clock { get; } = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<TimeProvider>(Clock);
        services.Configure<BearerTokenOptions>(BearerTokenDefaults.AuthenticationScheme, o => o.TimeProvider = TimeProvider.System);
        services.Configure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, o => o.TimeProvider = TimeProvider.System);
    }
}
