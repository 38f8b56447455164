namespace Approval.Web;

public static class CommandLine
{
    /// <summary>True for JasperFx commands other than the default `run` (the web server).</summary>
    public static bool IsCommand(string[] args) =>
        args.Length > 0 && !args[0].StartsWith('-') && !args[0].Equals("run", StringComparison.OrdinalIgnoreCase);
}
