using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Cfc.TestKit;

/// <summary>One captured log line.</summary>
/// <param name="Category">The logger's category.</param>
/// <param name="Level">The level.</param>
/// <param name="EventId">The event id (0 when none).</param>
/// <param name="Message">The formatted message, then <c> | key=value, ...</c> for the structured values, then the exception (if any) on its own line.</param>
/// <param name="Exception">The exception logged with it.</param>
public sealed record LogLine(string Category, LogLevel Level, int EventId, string Message, Exception? Exception);

/// <summary>
/// Keeps every log line of every level in memory, for tests that check what was (or must never be) logged. Pass it as the
/// <see cref="ILoggerFactory"/> of the code under test, or add it as a provider (<c>logging.AddProvider(capture)</c>).
/// Thread-safe.
/// </summary>
public sealed class LogCapture : ILoggerFactory, ILoggerProvider
{
    private readonly ConcurrentQueue<LogLine> _lines = new();

    /// <summary>Every line so far, in order.</summary>
    public IReadOnlyList<LogLine> Lines => [.. _lines];

    /// <summary>Every line so far as one text (one message per line), to search a whole run.</summary>
    public string AllText => string.Join("\n", _lines.Select(l => l.Message));

    /// <summary>The lines at <paramref name="level"/> or above.</summary>
    /// <param name="level">The lowest level wanted.</param>
    /// <returns>The matching lines, in order.</returns>
    public IReadOnlyList<LogLine> AtLeast(LogLevel level) => [.. _lines.Where(l => l.Level >= level)];

    /// <summary>How many lines have <paramref name="eventId"/>.</summary>
    /// <param name="eventId">The event id.</param>
    /// <returns>The count.</returns>
    public int Count(int eventId) => _lines.Count(l => l.EventId == eventId);

    /// <summary>Forgets every line so far.</summary>
    public void Clear() => _lines.Clear();

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <inheritdoc />
    public void AddProvider(ILoggerProvider provider)
    {
        // Everything is captured here; other providers are not needed.
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            string text = formatter(state, exception);
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                text += " | " + string.Join(", ", values.Select(v => $"{v.Key}={v.Value}"));
            }

            text += exception is null ? string.Empty : "\n" + exception;
            owner._lines.Enqueue(new LogLine(category, logLevel, eventId.Id, text, exception));
        }
    }
}
