namespace Cfc.Wamp;

/// <summary>Where a client's connection stands.</summary>
public enum WampConnectionState
{
    /// <summary>Not connected, and not trying to connect (before the first connect, or after close).</summary>
    Disconnected = 0,

    /// <summary>Opening the first connection and session.</summary>
    Connecting = 1,

    /// <summary>A session is open.</summary>
    Connected = 2,

    /// <summary>The connection was lost; a new session is being opened.</summary>
    Reconnecting = 3,

    /// <summary>The client gave up (authentication refused, retries exhausted, or the router ended the session); it will not reconnect.</summary>
    Failed = 4,
}
