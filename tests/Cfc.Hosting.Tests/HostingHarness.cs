using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Cfc.Hosting.Tests;

internal static class HostingHarness
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    /// <summary>A loopback port nobody listens on (taken and released).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static IConfiguration Configuration(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, v.Value))).Build();

    /// <summary>Writes a Crossbar key file for <paramref name="seedHex"/> into a temp file (deleted by the caller).</summary>
    public static string WriteKeyFile(string seedHex, string? userId = null)
    {
        string path = Path.Combine(Path.GetTempPath(), $"cfc-hosting-{Guid.NewGuid():N}.priv");
        File.WriteAllText(path, (userId is null ? string.Empty : $"user-id: {userId}\n") + $"private-key-ed25519: {seedHex}\n");
        return path;
    }

    public static Task EventuallyAsync(Func<bool> condition, string what) => Eventually.HoldsAsync(condition, what, Wait);
}

/// <summary>Collects every log line with its category and level.</summary>
internal sealed class RecordingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<(string Category, LogLevel Level, string Message)> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Recorder(categoryName, Lines);

    public void Dispose()
    {
    }

    private sealed class Recorder(string category, ConcurrentQueue<(string, LogLevel, string)> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue((category, logLevel, formatter(state, exception)));
    }
}
