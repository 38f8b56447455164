using System.IO.Pipelines;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Approval.Web;

/// <summary>
/// Kestrel answers a request it cannot read (a NUL in the path, a request line or headers over its limits, a malformed
/// request line) itself, before any middleware, with an empty body that cannot be customised (aspnet/KestrelHttpServer#2947).
/// A connection middleware on every endpoint rewrites exactly those answers into the problem every other refusal is.
/// </summary>
public static class KestrelRefusals
{
    public static void AnswerWithProblems(this KestrelServerOptions options) =>
        options.ConfigureEndpointDefaults(listen => listen.Use(next => connection =>
        {
            connection.Transport = new Transport(connection.Transport.Input, new RefusalRewritingWriter(connection.Transport.Output));
            return next(connection);
        }));

    private sealed class Transport(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;
        public PipeWriter Output { get; } = output;
    }
}
