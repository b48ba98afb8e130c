using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Cfc.Client.Connection;

/// <summary>
/// Logs the fields a client could not read into their typed property, once per model and field for the client's
/// lifetime, at Debug: a server that always sends a field in another shape must not flood the log.
/// </summary>
internal sealed class CfcMismatchLog(ILogger logger)
{
    private readonly ConcurrentDictionary<(Type Model, string Field), bool> _seen = new();

    /// <summary>Runs <paramref name="decode"/> and logs the mismatches it reported.</summary>
    /// <typeparam name="T">The decoded value.</typeparam>
    /// <param name="source">The procedure or topic, for the log line.</param>
    /// <param name="decode">The decode, run on this thread.</param>
    /// <returns>What <paramref name="decode"/> returned.</returns>
    public T Decode<T>(string source, Func<T> decode)
    {
        using CfcMismatchScope scope = CfcMismatchScope.Begin();
        try
        {
            return decode();
        }
        finally
        {
            Log(scope, source);
        }
    }

    /// <summary>Runs <paramref name="decode"/> with <paramref name="arg"/> and logs the mismatches it reported (no closure).</summary>
    /// <typeparam name="TArg">The argument.</typeparam>
    /// <typeparam name="T">The decoded value.</typeparam>
    /// <param name="source">The procedure or topic, for the log line.</param>
    /// <param name="decode">The decode, run on this thread.</param>
    /// <param name="arg">Its argument.</param>
    /// <returns>What <paramref name="decode"/> returned.</returns>
    public T Decode<TArg, T>(string source, Func<TArg, T> decode, TArg arg)
    {
        using CfcMismatchScope scope = CfcMismatchScope.Begin();
        try
        {
            return decode(arg);
        }
        finally
        {
            Log(scope, source);
        }
    }

    private void Log(CfcMismatchScope scope, string source)
    {
        foreach (CfcFieldMismatch m in scope.Mismatches)
        {
            if (_seen.TryAdd((m.Model, m.Field), true) && logger.IsEnabled(LogLevel.Debug))
            {
                CfcLog.FieldMismatch(logger, m.Model.Name, m.Field, m.ExpectedType.Name, m.Received, source);
            }
        }
    }
}
