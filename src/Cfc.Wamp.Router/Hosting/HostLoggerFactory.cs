using Microsoft.Extensions.Logging;

namespace Cfc.Wamp.Router;

/// <summary>
/// The logger factory the fake's internal web host gets: the user's, but only Warning and above. The host's own
/// Information lines ("Application started. Press Ctrl+C to shut down.", "Content root path: ...") are about an
/// implementation detail of the fake, not the user's app; a Kestrel problem still shows up.
/// The router's own logs do not go through here (it logs to the user's factory directly).
/// </summary>
internal sealed class HostLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new WarningsOnly(inner.CreateLogger(categoryName));

    // The host owns nothing here: the user's factory is disposed by the user.
    public void Dispose()
    {
    }

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    private sealed class WarningsOnly(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning && inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
            }
        }
    }
}
