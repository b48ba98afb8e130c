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

    [LoggerMessage(EventId = 2005, Level = LogLevel.Information, Message = "CfcUriScheme.Auto: {Url} (realm {Realm}) speaks {Scheme}")]
    public static partial void SchemeDetected(ILogger logger, Uri url, string realm, string scheme);
}
