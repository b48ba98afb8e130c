using Cfc.Wamp;

namespace Cfc.Client;

/// <summary>Where the client's connection to CFC stands.</summary>
public enum CfcConnectionState
{
    /// <summary>Opening the first connection and session.</summary>
    Connecting = 0,

    /// <summary>A session is open; calls go through.</summary>
    Connected = 1,

    /// <summary>The connection was lost; a new session is being opened (subscriptions are restored on it).</summary>
    Reconnecting = 2,

    /// <summary>Not connected and not trying to (closed, or lost without reconnect configured).</summary>
    Disconnected = 3,

    /// <summary>The client gave up (authentication refused or retries exhausted); it will not reconnect.</summary>
    Failed = 4,
}

/// <summary>Maps the WAMP core's connection states to <see cref="CfcConnectionState"/>.</summary>
internal static class CfcConnectionStates
{
    /// <summary>Maps one state.</summary>
    /// <param name="state">The WAMP state.</param>
    /// <returns>The CFC state.</returns>
    public static CfcConnectionState From(WampConnectionState state) => state switch
    {
        WampConnectionState.Connecting => CfcConnectionState.Connecting,
        WampConnectionState.Connected => CfcConnectionState.Connected,
        WampConnectionState.Reconnecting => CfcConnectionState.Reconnecting,
        WampConnectionState.Failed => CfcConnectionState.Failed,
        _ => CfcConnectionState.Disconnected,
    };
}
