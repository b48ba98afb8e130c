using Microsoft.Extensions.Logging;

namespace Cfc.Wamp.Session;

/// <summary>The session's log messages (source-generated: no formatting cost when the level is off). Event ids 1000-1099.</summary>
internal static partial class SessionLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Joined realm '{Realm}' at {Url} as session {SessionId}")]
    public static partial void Joined(this ILogger logger, string realm, Uri url, long sessionId);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Session {SessionId} ended ({Kind}): {Reason}")]
    public static partial void Ended(this ILogger logger, long sessionId, SessionEndKind kind, string reason);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "Protocol violation by the router: {What}")]
    public static partial void ProtocolViolation(this ILogger logger, string what);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Debug, Message = "EVENT for unknown subscription {SubscriptionId} ignored")]
    public static partial void EventForUnknownSubscription(this ILogger logger, long subscriptionId);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Error, Message = "An event handler for topic '{Topic}' failed")]
    public static partial void EventHandlerFailed(this ILogger logger, string topic, Exception exception);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "A progress callback of the call to '{Procedure}' failed")]
    public static partial void ProgressHandlerFailed(this ILogger logger, string procedure, Exception exception);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "INVOCATION {RequestId} for unknown registration {RegistrationId}: answered wamp.error.no_such_registration")]
    public static partial void InvocationForUnknownRegistration(this ILogger logger, long requestId, long registrationId);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Debug, Message = "INTERRUPT for invocation {RequestId}, which is not running, ignored")]
    public static partial void InterruptForUnknownInvocation(this ILogger logger, long requestId);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Warning, Message = "The handler of '{Procedure}' failed; answered wamp.error.runtime_error")]
    public static partial void InvocationHandlerFailed(this ILogger logger, string procedure, Exception exception);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Debug, Message = "Sending {MessageType} failed")]
    public static partial void SendFailed(this ILogger logger, Messages.WampMessageType messageType, Exception exception);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Warning, Message = "The router at {Url} did not answer GOODBYE in time; closing anyway")]
    public static partial void GoodbyeNotAnswered(this ILogger logger, Uri url, Exception exception);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Debug, Message = "The dealer does not announce call_canceling; no CANCEL sent for the call to '{Procedure}'")]
    public static partial void CancelNotSupported(this ILogger logger, string procedure);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Warning, Message = "A StateChanges observer failed")]
    public static partial void StateObserverFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1013, Level = LogLevel.Warning, Message = "Unsubscribing from '{Topic}' failed; the subscription is ended locally")]
    public static partial void UnsubscribeFailed(this ILogger logger, string topic, Exception exception);

    [LoggerMessage(EventId = 1014, Level = LogLevel.Warning, Message = "Unregistering '{Procedure}' failed; the registration is ended locally")]
    public static partial void UnregisterFailed(this ILogger logger, string procedure, Exception exception);

    [LoggerMessage(EventId = 1015, Level = LogLevel.Warning, Message = "The router revoked {What} '{Uri}': {Reason}")]
    public static partial void Revoked(this ILogger logger, string what, string uri, string reason);

    [LoggerMessage(EventId = 1016, Level = LogLevel.Warning, Message = "Restoring '{Uri}' on the new session failed; it is ended")]
    public static partial void RestoreFailed(this ILogger logger, string uri, Exception exception);

    [LoggerMessage(EventId = 1017, Level = LogLevel.Debug, Message = "Late {MessageType} for abandoned request {RequestId} dropped")]
    public static partial void LateReplyDropped(this ILogger logger, Messages.WampMessageType messageType, long requestId);

    [LoggerMessage(EventId = 1018, Level = LogLevel.Debug, Message = "Closing the transport failed")]
    public static partial void TransportCloseFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1019, Level = LogLevel.Warning, Message = "The event queue of topic '{Topic}' is full: dropped the oldest queued event ({Dropped} dropped so far)")]
    public static partial void EventQueueOverflow(this ILogger logger, string topic, long dropped);

    [LoggerMessage(EventId = 1020, Level = LogLevel.Warning, Message = "The {Method} secret is sent to {Url} over an unencrypted connection: anyone on the path can read it. Use wss:// or rss://")]
    public static partial void SecretOverPlaintext(this ILogger logger, string method, Uri url);

    [LoggerMessage(EventId = 1021, Level = LogLevel.Warning, Message = "The outgoing control queue is full ({Capacity} messages): dropped {MessageType} ({Dropped} dropped so far); the router is not reading")]
    public static partial void ControlMessageDropped(this ILogger logger, int capacity, Messages.WampMessageType messageType, long dropped);

    [LoggerMessage(EventId = 1022, Level = LogLevel.Warning, Message = "INVOCATION of '{Procedure}' refused with wamp.error.unavailable: {Limit} invocations already running (WampRegisterOptions.MaxConcurrentInvocations; {Refused} refused so far)")]
    public static partial void InvocationRefused(this ILogger logger, string procedure, int limit, long refused);

    [LoggerMessage(EventId = 1090, Level = LogLevel.Information, Message = "Closing the client took longer than its close timeout ({CloseTimeout}); the session was abandoned and its transport is closed in the background")]
    public static partial void CloseTimedOut(this ILogger logger, TimeSpan closeTimeout);

    [LoggerMessage(EventId = 1091, Level = LogLevel.Debug, Message = "Unsubscribing from '{Topic}' ended with the session; the router drops the subscription with it")]
    public static partial void UnsubscribeEndedWithSession(this ILogger logger, string topic, Exception exception);

    [LoggerMessage(EventId = 1092, Level = LogLevel.Debug, Message = "Unregistering '{Procedure}' ended with the session; the router drops the registration with it")]
    public static partial void UnregisterEndedWithSession(this ILogger logger, string procedure, Exception exception);

    [LoggerMessage(EventId = 1093, Level = LogLevel.Debug, Message = "Session {SessionId} closed by the client: {Reason}")]
    public static partial void ClosedByClient(this ILogger logger, long sessionId, string reason);

    [LoggerMessage(EventId = 1094, Level = LogLevel.Debug, Message = "Connection state: {State} (the client is disposed)")]
    public static partial void StateChangedOnDispose(this ILogger logger, WampConnectionState state);
}
