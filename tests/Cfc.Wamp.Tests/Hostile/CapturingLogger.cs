using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Cfc.Wamp.Tests.Hostile;

/// <summary>Keeps every log line (all levels, with exceptions) so tests can grep a whole run for what must never be logged.</summary>
internal sealed class CapturingLoggerFactory : ILoggerFactory, ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, int EventId, string Text)> _lines = new();

    public IReadOnlyList<(LogLevel Level, int EventId, string Text)> Lines => [.. _lines];

    /// <summary>Every line, with its exception chain, as one text.</summary>
    public string AllText => string.Join("\n", _lines.Select(l => l.Text));

    public int Count(int eventId) => _lines.Count(l => l.EventId == eventId);

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerFactory owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            string text = formatter(state, exception);
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                text += " | " + string.Join(", ", values.Select(v => $"{v.Key}={v.Value}"));
            }

            text += exception is null ? string.Empty : "\n" + exception;
            owner._lines.Enqueue((logLevel, eventId.Id, text));
        }
    }
}
