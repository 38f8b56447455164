using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Approval.Web.Tests.Infrastructure;

/// <summary>Collects what the app logs at Error or above, so tests can assert that nothing blew up unseen.</summary>
public sealed class ErrorLog : ILoggerProvider
{
    public ConcurrentQueue<string> Errors { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(ErrorLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        // LogLevel.None (above Critical) means "never": Wolverine's internal agent commands log their processing at None.
        public bool IsEnabled(LogLevel logLevel) => logLevel is LogLevel.Error or LogLevel.Critical;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) log.Errors.Enqueue($"{category}: {formatter(state, exception)} {exception?.GetType().Name} {exception?.Message}");
        }
    }
}
