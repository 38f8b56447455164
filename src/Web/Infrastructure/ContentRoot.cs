namespace Approval.Web.Infrastructure;

/// <summary>
/// Where the app finds appsettings*.json, Razor views and wwwroot, however it is started. `dotnet run` starts it
/// in the caller's folder (so that `check FILE` resolves FILE from there), which is not where those files are; the
/// binaries' folder always holds appsettings*.json, and wwwroot too once published. A build output serves wwwroot
/// through the static web assets manifest beside the binaries (<see cref="Program"/> enables it in every environment).
/// </summary>
public static class ContentRoot
{
    /// <summary>The binaries' folder, unless the caller chose one (<c>--contentRoot</c> or <c>ASPNETCORE_CONTENTROOT</c>).</summary>
    public static string? Choose(string[] args)
    {
        if (args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))) return null;
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))) return null;
        return AppContext.BaseDirectory;
    }
}
