namespace Cfc.Wamp;

/// <summary>Why a connection or session ended, on <see cref="WampConnectionLostException.EndReason"/>.</summary>
public enum WampConnectionEndReason
{
    /// <summary>Not known (an exception made by hand, or a failure outside a session).</summary>
    Unknown,

    /// <summary>This client closed the session or was disposed; work still pending was abandoned.</summary>
    ClosedByClient,

    /// <summary>The router ended the session with GOODBYE; <see cref="WampConnectionLostException.CloseReasonUri"/> says why (e.g. <c>wamp.close.system_shutdown</c>).</summary>
    GoodbyeFromRouter,

    /// <summary>The router aborted the session (ABORT); <see cref="WampConnectionLostException.CloseReasonUri"/> says why.</summary>
    AbortedByRouter,

    /// <summary>The router broke the WAMP protocol; the client aborted the session with <c>wamp.error.protocol_violation</c>.</summary>
    ProtocolViolation,

    /// <summary>The transport failed or was closed without GOODBYE (a reset, a closed socket, a refused or failed connect).</summary>
    TransportFailed,

    /// <summary>The keep-alive got no answer in time (WebSocket ping or RawSocket PING); the connection was considered dead and cut.</summary>
    KeepAliveTimeout,

    /// <summary>The work was not sent: the client was not connected (disconnected, failed, or not started).</summary>
    NotConnected,

    /// <summary>The reconnect policy gave up (attempts exhausted, or the router refused authentication on a reconnect).</summary>
    ReconnectGaveUp,
}
