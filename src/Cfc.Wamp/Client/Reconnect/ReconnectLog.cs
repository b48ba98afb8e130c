using Microsoft.Extensions.Logging;

namespace Cfc.Wamp.Reconnect;

/// <summary>The client's connection-lifecycle log messages (source-generated). Event ids 1100-1199.</summary>
internal static partial class ReconnectLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Connection state: {State}")]
    public static partial void StateChanged(this ILogger logger, WampConnectionState state);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Lost the session with {Url}; reconnecting: {Reason}")]
    public static partial void Reconnecting(this ILogger logger, Uri url, string reason);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Connecting to {Url}, attempt {Attempt}")]
    public static partial void Attempt(this ILogger logger, Uri url, int attempt);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "Connect attempt {Attempt} to {Url} failed")]
    public static partial void AttemptFailed(this ILogger logger, Uri url, int attempt, Exception exception);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Information, Message = "Reconnected to {Url} as session {SessionId} after {Attempt} attempt(s)")]
    public static partial void Reconnected(this ILogger logger, Uri url, long sessionId, int attempt);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Error, Message = "Gave up connecting to {Url} after {Attempt} attempt(s)")]
    public static partial void GaveUp(this ILogger logger, Uri url, int attempt, Exception exception);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Error, Message = "The router at {Url} refused authentication; not reconnecting")]
    public static partial void AuthenticationRefused(this ILogger logger, Uri url, Exception exception);

    [LoggerMessage(EventId = 1107, Level = LogLevel.Warning, Message = "The router at {Url} ended the session on purpose; not reconnecting: {Reason}")]
    public static partial void EndedByRouter(this ILogger logger, Uri url, string reason);

    [LoggerMessage(EventId = 1108, Level = LogLevel.Warning, Message = "A RestoreFailed handler failed")]
    public static partial void RestoreFailedHandlerFailed(this ILogger logger, Exception exception);
}
