namespace Approval.Web;

public static class CommandLine
{
    /// <summary>True for JasperFx commands other than the default `run` (the web server).</summary>
    public static bool IsCommand(string[] args) =>
        args.Length > 0 && !args[0].StartsWith('-') && !args[0].Equals("run", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Commands that work on files or on the database alone: they skip the HTTP pipeline, whose endpoints (pre-generated
    /// handlers built when mapped) would open the event store, and so start or migrate a database `check` never reads.
    /// </summary>
    public static bool NeedsHttpPipeline(string[] args) =>
        !IsCommand(args) || args[0].ToLowerInvariant() is not ("check" or "accounts" or "database" or "help");
}
