using Microsoft.Extensions.Logging;

namespace Cfc.Client.Connection;

/// <summary>The client's log messages (source-generated; event ids 2000-2099 belong to Cfc.Client).</summary>
internal static partial class CfcLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Skipped an event on {Topic}: its payload could not be decoded")]
    public static partial void EventDecodeFailed(ILogger logger, string topic, Exception exception);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "An observer of {Topic} threw; the other observers still get the event")]
    public static partial void ObserverFailed(ILogger logger, string topic, Exception exception);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "The subscription to {Topic} ended with an error")]
    public static partial void SubscriptionLost(ILogger logger, string topic, Exception exception);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Debug, Message = "Unsubscribing from {Topic} failed")]
    public static partial void UnsubscribeFailed(ILogger logger, string topic, Exception exception);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Debug, Message = "{Model}.{Field} from {Source} was {Received}, which does not fit {ExpectedType}; the property is null and the value stays in RawJson (logged once per field)")]
    public static partial void FieldMismatch(ILogger logger, string model, string field, string expectedType, System.Text.Json.JsonValueKind received, string source);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Information, Message = "Skipped an event on {Topic} that carries nothing to read: {Reason}")]
    public static partial void EventSkipped(ILogger logger, string topic, string reason);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Debug, Message = "The event streams were not all unsubscribed within the close timeout ({CloseTimeout}); the session is closed now, which ends them on the router")]
    public static partial void UnsubscribeOnCloseTimedOut(ILogger logger, TimeSpan closeTimeout);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Information, Message = "Closing the client took longer than its close timeout ({CloseTimeout}); the session ends in the background")]
    public static partial void CloseTimedOut(ILogger logger, TimeSpan closeTimeout);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Information, Message = "CfcUriScheme.Auto: {Url} (realm {Realm}) speaks {Scheme}")]
    public static partial void SchemeDetected(ILogger logger, Uri url, string realm, string scheme);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Warning, Message = "A reader of {Stream} fell behind: {Dropped} events dropped so far, the oldest first (logged at the first and every 1,000th)")]
    public static partial void ReaderQueueOverflow(ILogger logger, string stream, long dropped);
}
