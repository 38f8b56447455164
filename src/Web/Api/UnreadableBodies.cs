using System.Reflection;
using Wolverine.Http;

namespace Approval.Web;

/// <summary>
/// Wolverine logs a request body it cannot read (cut-off JSON, a number where text belongs) at Error with the reader's
/// stack trace, under the request type's name, and answers 400 (a problem in Chinese, <see cref="MalformedRequest"/>).
/// A caller's bad body is no fault of the server, and any signed-in caller could fill the log with such entries: those
/// categories log only Critical. Nothing else logs under a request type's name (none of them is a Wolverine message).
/// </summary>
public static class UnreadableBodies
{
    public static ILoggingBuilder QuietUnreadableBodies(this ILoggingBuilder logging)
    {
        foreach (var type in RequestTypes()) logging.AddFilter(CategoryOf(type), LogLevel.Critical);
        return logging;
    }

    /// <summary>The types the endpoints of this app take as parameters, declared in its own assemblies (bodies among them).</summary>
    public static IReadOnlyList<Type> RequestTypes()
    {
        Assembly[] own = [typeof(UnreadableBodies).Assembly, typeof(Workflow.Submissions.Actor).Assembly];
        return typeof(UnreadableBodies).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttributes<WolverineHttpMethodAttribute>().Any())
            .SelectMany(m => m.GetParameters()).Select(p => p.ParameterType)
            .Where(t => own.Contains(t.Assembly) && !t.IsEnum && !t.IsGenericType)
            .Distinct().ToList();
    }

    /// <summary>The category of <c>ILogger&lt;T&gt;</c>: the full name, nested types joined by a dot.</summary>
    public static string CategoryOf(Type type) => type.FullName!.Replace('+', '.');
}
